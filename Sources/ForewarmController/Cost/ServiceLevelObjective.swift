/// What the controller promises per request: how often a request may wait (queue or start-up) beyond
/// `maxWaitSeconds`, and how much longer a slower, cheaper instance type may make its run — each at its percentile.
public struct ServiceLevelObjective: Sendable, Hashable, Codable {
    /// The share of requests the wait objective covers (0.95: p95 queue + start ≤ `maxWaitSeconds`).
    public var waitPercentile: Double
    /// Queue + start-up wait allowed at `waitPercentile`. Every catalog type starts in ≥ 0.5 s, so at the default
    /// 0.25 s any cold start is a violation, and pools are sized so at most `1 − waitPercentile` of arrivals find no
    /// warm instance.
    public var maxWaitSeconds: Double
    /// The share of requests the run-time objective covers (0.99: the p99 latency the targets compare).
    public var percentile: Double
    /// Extra run time a type slower than the reference core may add at `percentile`:
    /// cpuSeconds × (1/relativeSpeed − 1) ≤ this. Memory is sized at `percentile` too.
    public var maxSlowdownSeconds: Double

    public init(
        waitPercentile: Double = 0.95, maxWaitSeconds: Double = 0.25, percentile: Double = 0.99,
        maxSlowdownSeconds: Double = 0.5
    ) {
        self.waitPercentile = Self.clamp(waitPercentile, 0.95)
        self.maxWaitSeconds = max(maxWaitSeconds.isFinite ? maxWaitSeconds : 0.25, 0)
        self.percentile = Self.clamp(percentile, 0.99)
        self.maxSlowdownSeconds = max(maxSlowdownSeconds.isFinite ? maxSlowdownSeconds : 0.5, 0)
    }

    private static func clamp(_ p: Double, _ fallback: Double) -> Double {
        min(max(p.isFinite ? p : fallback, 0.5), 0.9999)
    }

    /// The chance an arrival may find no warm instance in a pool of types starting in `startupSeconds`.
    public func noWarmProbability(startupSeconds: Double) -> Double {
        startupSeconds <= maxWaitSeconds ? 0.5 : 1 - waitPercentile
    }
}
