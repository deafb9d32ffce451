/// What the last completed runs really used, with the score they were routed by: the evidence the cost-aware
/// pieces size and choose types from.
public struct DemandSample: Sendable, Hashable, Codable {
    public var score: Double
    public var cpuSeconds: Double
    public var memoryMB: Double

    public init(score: Double, cpuSeconds: Double, memoryMB: Double) {
        self.score = score
        self.cpuSeconds = cpuSeconds
        self.memoryMB = memoryMB
    }
}

/// The last `capacity` completions' samples (a ring buffer).
public struct DemandSamples: Sendable {
    public let capacity: Int
    private var ring: [DemandSample] = []
    private var head = 0

    public init(capacity: Int = 1_000) { self.capacity = max(capacity, 1) }

    public var all: [DemandSample] { ring }
    public var count: Int { ring.count }

    public mutating func append(_ sample: DemandSample) {
        guard sample.score.isFinite, sample.cpuSeconds.isFinite, sample.memoryMB.isFinite else { return }
        if ring.count < capacity {
            ring.append(sample)
        } else {
            ring[head] = sample
            head = (head + 1) % capacity
        }
    }

    public mutating func observe(_ completions: [CompletionObservation]) {
        for c in completions { append(DemandSample(score: c.score, cpuSeconds: c.cpuSeconds, memoryMB: c.memoryMB)) }
    }
}

/// Summary of a set of samples: mean CPU, and CPU and memory at a percentile.
public struct DemandProfile: Sendable, Hashable {
    public var count: Int
    public var meanCPUSeconds: Double
    public var totalCPUSeconds: Double
    public var cpuSecondsAtPercentile: Double
    public var memoryMBAtPercentile: Double

    public init(_ samples: some Collection<DemandSample>, percentile: Double) {
        count = samples.count
        totalCPUSeconds = samples.reduce(0) { $0 + $1.cpuSeconds }
        meanCPUSeconds = count > 0 ? totalCPUSeconds / Double(count) : 0
        cpuSecondsAtPercentile = Self.quantile(samples.map(\.cpuSeconds), percentile)
        memoryMBAtPercentile = Self.quantile(samples.map(\.memoryMB), percentile)
    }

    /// The interpolated `p`-quantile. It needs only the two order statistics around the position, so it selects them
    /// (quickselect, O(n)) instead of sorting: the planner calls this for every candidate split, every re-plan.
    static func quantile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        var values = values
        let position = min(max(p, 0), 1) * Double(values.count - 1)
        let lower = Int(position), upper = min(lower + 1, values.count - 1)
        let low = select(&values, lower)
        // After selecting, everything above `lower` is ≥ it: the next order statistic is their minimum.
        let high = upper == lower ? low : values[(lower + 1)...].min()!
        return low + (high - low) * (position - Double(lower))
    }

    /// The `k`-th smallest value (0-based); reorders `values` so that it sits at `k`, smaller ones before it and
    /// larger or equal ones after. Hoare partitioning around the median of three keeps sorted input linear.
    static func select(_ values: inout [Double], _ k: Int) -> Double {
        var lo = 0, hi = values.count - 1
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if values[mid] < values[lo] { values.swapAt(mid, lo) }
            if values[hi] < values[lo] { values.swapAt(hi, lo) }
            if values[hi] < values[mid] { values.swapAt(hi, mid) }
            let pivot = values[mid]
            var i = lo, j = hi
            while i <= j {
                while values[i] < pivot { i += 1 }
                while pivot < values[j] { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now [lo, j] ≤ pivot ≤ [i, hi], and anything strictly between j and i equals the pivot.
            if k <= j {
                hi = j
            } else if k >= i {
                lo = i
            } else {
                return values[k]
            }
        }
        return values[k]
    }
}
