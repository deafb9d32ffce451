import RealModule

/// Mean, variance and quantiles over the last `capacity` buckets of a series.
///
/// Mean and variance update in O(1) (running sums, re-summed every `capacity` updates against drift); quantiles
/// keep a sorted copy of the window, updated by binary search in O(log w) comparisons plus one O(w) move.
/// Non-finite values are ignored.
public struct RollingWindow: Sendable {
    public let capacity: Int
    private var ring: ValueRing
    private var sorted: [Double] = []
    private var sum = 0.0
    private var sumOfSquares = 0.0
    private var sinceResum = 0

    public init(capacity: Int) {
        ring = ValueRing(capacity: capacity)
        self.capacity = ring.capacity
        sorted.reserveCapacity(self.capacity)
    }

    /// Number of values in the window.
    public var count: Int { ring.count }

    /// Adds a value, evicting the oldest once the window is full.
    public mutating func append(_ value: Double) {
        guard value.isFinite else { return }
        if let old = ring.push(value) {
            sum -= old
            sumOfSquares -= old * old
            sorted.remove(at: Self.index(of: old, in: sorted))
        }
        sum += value
        sumOfSquares += value * value
        sorted.insert(value, at: Self.index(of: value, in: sorted))
        sinceResum += 1
        if sinceResum >= capacity {
            sum = ring.values.reduce(0, +)
            sumOfSquares = ring.values.reduce(0) { $0 + $1 * $1 }
            sinceResum = 0
        }
    }

    /// Mean of the window (0 when empty).
    public var mean: Double { ring.isEmpty ? 0 : sum / Double(ring.count) }

    /// Sample variance of the window (0 with fewer than two values).
    public var variance: Double {
        guard ring.count > 1 else { return 0 }
        let n = Double(ring.count)
        let v = (sumOfSquares - sum * sum / n) / (n - 1)
        return v.isFinite ? max(v, 0) : 0
    }

    /// The `p`-quantile (0…1) by linear interpolation between order statistics (0 when empty).
    public func quantile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = min(max(p.isFinite ? p : 0.5, 0), 1) * Double(sorted.count - 1)
        let lower = Int(position), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    /// First index whose element is not less than `value`.
    private static func index(of value: Double, in array: [Double]) -> Int {
        var lo = 0, hi = array.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if array[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Exponentially weighted moving average and variance, O(1) per update.
public struct EWMA: Sendable {
    /// Weight of the newest value, 0 < alpha ≤ 1.
    public let alpha: Double
    public private(set) var mean = 0.0
    public private(set) var variance = 0.0
    public private(set) var count = 0

    public init(alpha: Double) { self.alpha = alpha.isFinite ? min(max(alpha, 1e-6), 1) : 0.1 }

    /// An EWMA whose weights have the given half-life in buckets.
    public init(halfLife: Double) { self.init(alpha: 1 - Double.pow(0.5, 1 / max(halfLife, 1e-6))) }

    public mutating func append(_ value: Double) {
        guard value.isFinite else { return }
        if count == 0 {
            mean = value
        } else {
            let delta = value - mean
            mean += alpha * delta
            variance = (1 - alpha) * (variance + alpha * delta * delta)
        }
        count += 1
    }
}
