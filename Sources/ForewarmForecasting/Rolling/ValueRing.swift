/// The last `capacity` values of a series, in a ring: what a rolling statistic must forget when a new value
/// arrives.
struct ValueRing: Sendable {
    let capacity: Int
    /// The values held (in ring order, not arrival order).
    private(set) var values: [Double] = []
    private var head = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        values.reserveCapacity(self.capacity)
    }

    var count: Int { values.count }
    var isEmpty: Bool { values.isEmpty }

    /// Adds `value` and returns the oldest value it replaced, once the ring is full.
    mutating func push(_ value: Double) -> Double? {
        guard values.count == capacity else {
            values.append(value)
            return nil
        }
        let old = values[head]
        values[head] = value
        head = (head + 1) % capacity
        return old
    }
}
