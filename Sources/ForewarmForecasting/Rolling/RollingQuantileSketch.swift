import RealModule

/// Quantiles over the last `capacity` values in O(1) per update, within a relative error `accuracy` — for long
/// windows, where ``RollingWindow``'s exact sorted copy costs an O(w) move per update.
///
/// Values fall into logarithmic bins as in DDSketch (Masson, Rim & Lee, 2019): bin `i` holds magnitudes in
/// (γ^(i−1), γ^i] with γ = (1 + α)/(1 − α), so the bin's representative 2γ^i/(γ + 1) is within α of every value in
/// it. Zeros (common in per-bucket counts) are counted exactly; negative values use a mirrored set of bins. A ring
/// of the window's values says which bin to decrement when a value leaves. A query walks the bins (their number
/// grows with log(largest/smallest magnitude)/α, not with the window).
public struct RollingQuantileSketch: Sendable {
    public let capacity: Int
    /// The relative accuracy α of every quantile.
    public let accuracy: Double
    private let logGamma: Double
    private var ring: ValueRing
    private var zeros = 0
    private var positive = Bins()
    private var negative = Bins()

    /// Magnitudes below this count as zero (they would need bins far below any demand series).
    static let smallest = 1e-9

    public init(capacity: Int, accuracy: Double = 0.01) {
        ring = ValueRing(capacity: capacity)
        self.capacity = ring.capacity
        let alpha = accuracy.isFinite ? min(max(accuracy, 1e-4), 0.5) : 0.01
        self.accuracy = alpha
        logGamma = Double.log((1 + alpha) / (1 - alpha))
    }

    /// Number of values in the window.
    public var count: Int { ring.count }

    /// Adds a value, evicting the oldest once the window is full. Non-finite values are ignored.
    public mutating func append(_ value: Double) {
        guard value.isFinite else { return }
        if let old = ring.push(value) { change(old, by: -1) }
        change(value, by: 1)
    }

    /// The `p`-quantile (0…1): the order statistic of rank round(p · (count − 1)), within `accuracy` of it
    /// (0 when empty).
    public func quantile(_ p: Double) -> Double {
        guard !ring.isEmpty else { return 0 }
        let fraction = min(max(p.isFinite ? p : 0.5, 0), 1)
        var rank = Int((fraction * Double(ring.count - 1)).rounded())
        // Ascending order: negative bins from the largest magnitude down, zeros, positive bins upwards.
        if rank < negative.total, let index = negative.index(ofRank: rank, descending: true) {
            return -representative(index)
        }
        rank -= negative.total
        if rank < zeros { return 0 }
        rank -= zeros
        guard let index = positive.index(ofRank: rank, descending: false) else { return 0 }
        return representative(index)
    }

    private mutating func change(_ value: Double, by delta: Int) {
        let magnitude = abs(value)
        if magnitude < Self.smallest {
            zeros += delta
        } else if value > 0 {
            positive.add(bin(magnitude), delta)
        } else {
            negative.add(bin(magnitude), delta)
        }
    }

    private func bin(_ magnitude: Double) -> Int { Int((Double.log(magnitude) / logGamma).rounded(.up)) }

    private func representative(_ index: Int) -> Double {
        2 * Double.exp(Double(index) * logGamma) / (Double.exp(logGamma) + 1)
    }

    /// Counts per bin over a contiguous range of bin indices that grows to cover what it has seen.
    struct Bins: Sendable {
        private var counts: [Int] = []
        private var offset = 0
        private(set) var total = 0

        mutating func add(_ index: Int, _ delta: Int) {
            if counts.isEmpty {
                counts = [0]
                offset = index
            } else if index < offset {
                counts.insert(contentsOf: [Int](repeating: 0, count: offset - index), at: 0)
                offset = index
            } else if index >= offset + counts.count {
                counts.append(contentsOf: [Int](repeating: 0, count: index - offset - counts.count + 1))
            }
            counts[index - offset] += delta
            total += delta
        }

        /// The bin holding the value of 0-based `rank` in ascending (or descending) bin order, nil when the bins
        /// hold fewer values.
        func index(ofRank rank: Int, descending: Bool) -> Int? {
            guard rank >= 0, rank < total else { return nil }
            var seen = 0
            for k in counts.indices {
                let slot = descending ? counts.count - 1 - k : k
                seen += counts[slot]
                if seen > rank { return offset + slot }
            }
            return nil
        }
    }
}
