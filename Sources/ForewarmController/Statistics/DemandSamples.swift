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

    static func quantile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let position = min(max(p, 0), 1) * Double(sorted.count - 1)
        let lower = Int(position), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
