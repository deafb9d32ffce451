/// What the controller promises per request, at a percentile: how often a request may wait (queue or start-up)
/// beyond `maxWaitSeconds`, and how much longer a slower, cheaper instance type may make its run.
public struct ServiceLevelObjective: Sendable, Hashable, Codable {
    /// The share of requests the objective covers (0.95: p95).
    public var percentile: Double
    /// Queue + start-up wait allowed at the percentile. Every catalog type starts in ≥ 0.5 s, so at the default
    /// 0.25 s any cold start is a violation, and pools are sized so at most `1 − percentile` of arrivals find no
    /// warm instance.
    public var maxWaitSeconds: Double
    /// Extra run time a type slower than the reference core may add at the percentile:
    /// cpuSeconds × (1/relativeSpeed − 1) ≤ this.
    public var maxSlowdownSeconds: Double

    public init(percentile: Double = 0.95, maxWaitSeconds: Double = 0.25, maxSlowdownSeconds: Double = 0.5) {
        self.percentile = min(max(percentile.isFinite ? percentile : 0.95, 0.5), 0.9999)
        self.maxWaitSeconds = max(maxWaitSeconds.isFinite ? maxWaitSeconds : 0.25, 0)
        self.maxSlowdownSeconds = max(maxSlowdownSeconds.isFinite ? maxSlowdownSeconds : 0.5, 0)
    }

    /// The chance an arrival may find no warm instance in a pool of types starting in `startupSeconds`.
    public func noWarmProbability(startupSeconds: Double) -> Double {
        startupSeconds <= maxWaitSeconds ? 0.5 : 1 - percentile
    }
}
