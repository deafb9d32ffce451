/// The forewarm controller's knobs, with the defaults the simulator runs tuned them to.
public struct ForewarmOptions: Sendable {
    /// Seconds between decisions, and the forecast's bucket.
    public var controlPeriod = 5.0
    /// Idle instances above target (cold-started in a burst, or left by a scale-down) are kept this long. Short:
    /// idle time is the cost driver, and the forecast (not a long keep-alive) decides what stays warm; 3 s bridges
    /// the gaps inside a burst (2 s cut ReCodEx's cost 3 % but raised its cold starts from 39 % to 44 %; tuning
    /// steps in docs/controller.md).
    public var keepAlive: Double? = 3
    /// A pool that has seen no arrival for this many seconds holds no spare warm instances, only those in use (nil:
    /// always the forecast's size). The arrivals of code services come in bursts: inside one, the forecast sizes the
    /// pool and the keep-alive bridges its gaps; after it, the forecast (a smoothed rate) lags for minutes and keeps
    /// spares that mostly idle until the next burst. One control period without an arrival ends the burst: on the
    /// replays this cut the cost 20 % (Azure) and 80 % (ReCodEx) for 2 and 5 points more cold starts (session 6,
    /// docs/controller.md).
    public var quietAfter: Double? = 5
    /// What forewarm promises per request (wait ≤ 0.25 s, a slower type may add ≤ 0.5 s at p99).
    public var slo = ServiceLevelObjective(waitPercentile: 0.5)
    /// The share of arrivals forewarm plans to let cold-start, shared out among the pools by `CutPointPlanner`
    /// (a per-pool budget, not zero). It overrides the SLO's 1 − waitPercentile when set, so a caller that only sets
    /// the SLO's wait (as `forewarm simulate` does) keeps it. 0.5 (the most `ServiceLevelObjective` allows) is a cost
    /// knob, not the rate one gets: the Erlang and forecast margins are conservative on bursty traces, so the
    /// measured cold-start rate lands far below it (6.4 % on the Azure code replay, see docs/controller.md).
    public var coldStartBudget: Double? = 0.5
    /// `slo` with its wait percentile at 1 − `coldStartBudget` (when set): what the planner and sizer use.
    public var plannedSLO: ServiceLevelObjective {
        guard let budget = coldStartBudget, budget.isFinite else { return slo }
        var s = slo
        s.waitPercentile = min(max(1 - budget, 0.5), 0.9999)
        return s
    }
    /// Size pools for this quantile of the arrivals forecast — its median: the cold-start budget, not an
    /// over-provisioned forecast, is the margin. The CPU-seconds forecast enters at its mean: work arrives in spikes — a 10 s run at a time — and its
    /// upper bound over-provisioned 3–7×.
    public var forecastQuantile = 0.5
    public var forecast = SeriesForecaster.Options()
    /// Size by Erlang B instead of C.
    public var overflowSizing = false
    public var stabilizer: ScaleStabilizer.Options = {
        var o = ScaleStabilizer.Options()
        // One control period of history: a one-period dip never lowers a target (no flapping), but a pool
        // follows a burst's end within 10 s instead of idling through a 60 s window (10 s: +6 % cost on Azure).
        o.scaleDownWindow = 5
        return o
    }()
    public var warmup = WarmupRate.Options()
    /// Seconds between re-plans of cut points and types. 30 s: cut points and types that follow the score mix
    /// within a burst cut the Azure replay's cost 12 % against 300 s (idle instances of a type no longer needed
    /// retire sooner); the hysteresis below keeps them from flapping.
    public var replanEvery = 30.0
    /// A new plan is adopted only when it is predicted this much cheaper than keeping the current one.
    public var replanHysteresis = 0.1
    /// Completions needed before the first plan.
    public var minimumSamples = 50
    /// The window of the run-time objective's error budget (nil: no budget). While the runs a slower type has made
    /// exceed the SLO's slowdown, in flight or completed in the window, are more than half the SLO's allowance,
    /// arrivals go to full-speed pools and every pool is re-planned at full speed: heavy runs mistaken for light ones
    /// come in bursts that the recent-runs profile behind the type choice cannot see coming. 300 s, HPA's scale-down
    /// stabilisation window: on ReCodEx replayed 33× denser it took forewarm's p99 from 28.4 to 10.8 s for 5 % more
    /// cost; on the standard ReCodEx replay it costs 20 % more, on Azure nothing (docs/controller.md, "The slowdown
    /// budget").
    public var slowdownBudgetWindow: Double? = 300
    /// Completed runs remembered for planning.
    public var samples = 1_000
    /// The chances of finding no warm instance the planner may give a pool, sharing out the cold-start budget. 1
    /// lets a rarely reached, expensive pool go without warm instances (with the short keep-alive its p99 stays
    /// below homogeneous-heavy's; capping at 0.8 cost ReCodEx 30 % more and raised its p99 from 0.92 to 1.2 s).
    public var noWarmCandidates: [Double] = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]
    public var cutCandidates: [Double] = stride(from: 0, through: 100, by: 10).map { $0 }
    /// Initial cut points (light below the first, heavy from the second).
    public var initialCuts: [Double] = [30, 70]
    /// Instances each pool starts with.
    public var initialInstances = 1
    public var maxInstancesPerPool = 64

    public init() {}
}
