/// The forewarm controller's knobs, with the defaults the simulator runs tuned them to.
public struct ForewarmOptions: Sendable {
    /// Seconds between decisions, and the forecast's bucket.
    public var controlPeriod = 5.0
    /// Idle instances above target (cold-started in a burst, or left by a scale-down) are kept this long.
    public var keepAlive: Double? = 10
    /// Sized for p80 queue + start ≤ 0.25 s: the cold-start budget the planner shares out (20 % of arrivals) is a
    /// cost knob; the Erlang and forecast margins are conservative on bursty traces, so the measured cold-start rate
    /// lands far below it (1.8 % on the Azure code trace, see docs/controller.md).
    public var slo = ServiceLevelObjective(waitPercentile: 0.8)
    /// Size pools for this one-sided upper quantile of the arrivals forecast (the CPU-seconds forecast enters at its
    /// mean: work arrives in spikes — a 10 s run at a time — and its upper bound over-provisioned 3–7×).
    public var forecastQuantile = 0.7
    public var forecast = SeriesForecaster.Options()
    /// Size by Erlang B instead of C.
    public var overflowSizing = false
    public var stabilizer: ScaleStabilizer.Options = {
        var o = ScaleStabilizer.Options()
        o.scaleDownWindow = 60
        return o
    }()
    public var warmup = WarmupRate.Options()
    /// Seconds between re-plans of cut points and types.
    public var replanEvery = 300.0
    /// A new plan is adopted only when it is predicted this much cheaper than keeping the current one.
    public var replanHysteresis = 0.1
    /// Completions needed before the first plan.
    public var minimumSamples = 50
    /// Completed runs remembered for planning.
    public var samples = 1_000
    /// The chances of finding no warm instance the planner may give a pool (1 would allow no warm instances at
    /// all; capped at 0.8 so the pool of the longest runs — the p99 — keeps some warm), sharing out the SLO's
    /// cold-start budget.
    public var noWarmCandidates: [Double] = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 0.8]
    public var cutCandidates: [Double] = stride(from: 0, through: 100, by: 10).map { $0 }
    /// Initial cut points (light below the first, heavy from the second).
    public var initialCuts: [Double] = [30, 70]
    /// Instances each pool starts with.
    public var initialInstances = 1
    public var maxInstancesPerPool = 64

    public init() {}
}
