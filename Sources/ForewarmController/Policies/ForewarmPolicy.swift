import ForewarmPools

/// Forewarm's controller: predictive, complexity-aware and cost-aware.
///
/// Every control period it (1) folds the tick into rolling score and rate statistics, the binned demand history and
/// the completed-run samples; (2) every `replanEvery` seconds re-chooses the routing cut points and each pool's
/// instance type jointly, by predicted price (`CutPointPlanner`); (3) forecasts each pool's arrivals and
/// CPU-seconds over the horizon (start-up + period) and sizes it with Erlang C for its upper quantile
/// (`PoolSizer`); (4) stabilises the size (`ScaleStabilizer`) and (5) limits growth to the pool's warm-up rate
/// (`WarmupRate`), except that a pool with no arrival for `quietAfter` seconds holds no spares beyond the instances
/// in use (arrivals come in bursts: the keep-alive bridges a burst's gaps, and the next burst's first arrival re-arms
/// the pool); (6) emits `maintain` directives with the reason. Constructed `homogeneous`, it keeps one pool of the
/// catalog's heaviest type and does everything else the same, so a comparison isolates heterogeneity.
public struct ForewarmPolicy: ScalingPolicy {
    public static let light = "light", standard = "standard", heavy = "heavy"

    public let name: String
    public let options: ForewarmOptions
    public let catalog: InstanceCatalog
    public let homogeneous: Bool
    public var controlPeriod: Double { options.controlPeriod }
    public var keepAlive: Double? { options.keepAlive }

    /// The current cut points and each pool's type.
    public private(set) var cuts: [Double] {
        didSet { routing = currentRouting() }
    }
    public private(set) var types: [String: InstanceType]
    /// Each pool's share of the cold-start budget (its chance of finding no warm instance); nil: the SLO's.
    public private(set) var noWarm: [String: Double] = [:]
    public private(set) var scores: ScoreAverages
    public private(set) var rates: ArrivalRate
    private var samples: DemandSamples
    private var history: BinnedDemandHistory
    private var overallArrivals: SeriesForecaster
    private var overallCPU: SeriesForecaster
    private var poolArrivals: [String: SeriesForecaster] = [:]
    private var poolCPU: [String: SeriesForecaster] = [:]
    private var stabilizers: [String: ScaleStabilizer] = [:]
    private var warmup: [String: WarmupRate] = [:]
    private var lastPlan = -Double.infinity
    /// When each pool last saw an arrival.
    private var lastArrival: [String: Double] = [:]
    /// Per pool, what its completed runs used, refreshed every `profileRefresh` ticks (and after a re-plan).
    private var profiles: [String: DemandProfile] = [:]
    private var ticksSinceProfiles = 1_000_000
    private let profileRefresh = 6
    private let planner: CutPointPlanner
    private var slowdownBudget: SlowdownBudget?
    /// Whether the last plan set the slower types aside (the slowdown budget was spent).
    private var fullSpeedOnly = false

    public var poolNames: [String] { homogeneous ? [Self.heavy] : [Self.light, Self.standard, Self.heavy] }

    public init(catalog: InstanceCatalog, options: ForewarmOptions = ForewarmOptions(), homogeneous: Bool = false) {
        self.name = homogeneous ? "homogeneous-heavy" : "forewarm"
        self.catalog = catalog
        self.options = options
        self.homogeneous = homogeneous
        let sorted = options.initialCuts.filter(\.isFinite).map { min(max($0, 0), 100) }.sorted()
        cuts = homogeneous ? [0, 0] : [sorted.first ?? 30, sorted.dropFirst().first ?? sorted.first ?? 70]
        if homogeneous {
            types = [Self.heavy: catalog.heaviest]
        } else {
            let half = catalog.byPrice.first { $0.relativeSpeed >= 0.5 } ?? catalog.standard
            types = [Self.light: catalog.cheapest, Self.standard: half, Self.heavy: catalog.standard]
        }
        scores = ScoreAverages()
        rates = ArrivalRate()
        samples = DemandSamples(capacity: options.samples)
        slowdownBudget = options.slowdownBudgetWindow.map { SlowdownBudget(slo: options.slo, window: $0) }
        history = BinnedDemandHistory(window: options.forecast.window)
        overallArrivals = SeriesForecaster(options: options.forecast)
        overallCPU = SeriesForecaster(options: options.forecast)
        planner = CutPointPlanner(
            chooser: InstanceTypeChooser(sizer: PoolSizer(slo: options.plannedSLO, overflow: options.overflowSizing)),
            candidates: options.cutCandidates, epsilons: options.noWarmCandidates)
        var stabilizer = options.stabilizer
        stabilizer.maxInstances = options.maxInstancesPerPool
        for pool in poolNames {
            poolArrivals[pool] = SeriesForecaster(options: options.forecast)
            poolCPU[pool] = SeriesForecaster(options: options.forecast)
            stabilizers[pool] = ScaleStabilizer(options: stabilizer)
            warmup[pool] = WarmupRate(options: options.warmup)
        }
        routing = currentRouting()
    }

    /// The score range of a pool.
    public func range(of pool: String) -> (lower: Double, upper: Double) {
        switch pool {
        case Self.light: (0, cuts[0])
        case Self.standard: (cuts[0], cuts[1])
        default: homogeneous ? (0, 100) : (cuts[1], 100)
        }
    }

    public func currentScoreRange(pool: String) -> (lower: Double, upper: Double)? {
        poolNames.contains(pool) ? range(of: pool) : nil
    }

    /// The whole service's arrivals and CPU-seconds over the next control period, from the same forecasters the
    /// re-plan uses (nil before the first tick); the arrivals' upper bound is the forecast's 90th percentile.
    public func demandForecast() -> DemandForecast? {
        guard overallArrivals.count > 0 else { return nil }
        let arrivals = overallArrivals.forecast(horizon: 1, quantile: 0.9)
        let cpu = overallCPU.forecast(horizon: 1, quantile: 0.5)
        return DemandForecast(
            arrivalsPerSecond: arrivals.mean / controlPeriod, upperArrivalsPerSecond: arrivals.upper / controlPeriod,
            cpuSecondsPerSecond: cpu.mean / controlPeriod)
    }

    /// Routing by the current cuts, rebuilt when they move (not per request).
    private var routing = ScoreRouting(names: [], upperScores: [])

    private func currentRouting() -> ScoreRouting {
        homogeneous
            ? ScoreRouting(names: [Self.heavy], upperScores: [100])
            : ScoreRouting(names: poolNames, upperScores: [cuts[0], cuts[1], 100])
    }

    public func initialPools(catalog: InstanceCatalog) -> [PoolPlan] {
        poolNames.map { pool in
            let r = range(of: pool)
            return PoolPlan(
                name: pool, instanceType: types[pool] ?? catalog.standard, minScore: r.lower, maxScore: r.upper,
                initialInstances: options.initialInstances, minInstances: options.stabilizer.minInstances,
                maxInstances: options.maxInstancesPerPool)
        }
    }

    public mutating func route(_ demand: DemandEstimate, pools: [PoolObservation]) -> String {
        let chosen = routing.route(demand, pools: pools)
        // Late runs in flight may spend the slowdown budget between ticks, inside a burst: send the rest of the
        // burst to a full-speed pool at once rather than after the next re-plan.
        guard let budget = slowdownBudget, !fullSpeedOnly,
            let home = pools.first(where: { $0.pool == chosen }), home.instanceType.relativeSpeed < 1,
            budget.isSpent(violationsInFlight: budget.lateRuns(in: pools))
        else { return chosen }
        return Self.fullSpeedPool(for: demand, in: pools) ?? chosen
    }

    /// The pool at full speed with the memory `demand` needs: one with an idle instance first, then the cheapest.
    static func fullSpeedPool(for demand: DemandEstimate, in pools: [PoolObservation]) -> String? {
        func rank(_ pool: PoolObservation) -> (Int, Double) { (pool.idle > 0 ? 0 : 1, pool.instanceType.pricePerHour) }
        return pools.filter {
            $0.instanceType.relativeSpeed >= 1 && Double($0.instanceType.memoryMiB) >= demand.memoryMB
        }
        .min { rank($0) < rank($1) }?.pool
    }

    public mutating func decide(_ tick: ControlTick) -> [ScalingDirective] {
        observe(tick)
        let replanned = homogeneous ? nil : replan(now: tick.now)
        if replanned != nil || ticksSinceProfiles >= profileRefresh { refreshProfiles() }
        ticksSinceProfiles += 1
        var directives: [ScalingDirective] = []
        for observed in tick.pools {
            guard let directive = size(observed, tick: tick, replanned: replanned) else { continue }
            directives.append(directive)
        }
        return directives
    }

    private mutating func observe(_ tick: ControlTick) {
        scores.observe(tick.arrivals)
        rates.observe(tick.arrivals, period: tick.period)
        samples.observe(tick.completions)
        slowdownBudget?.record(tick.completions, pools: tick.pools, now: tick.now)
        for arrival in tick.arrivals {
            lastArrival[arrival.pool] = max(lastArrival[arrival.pool] ?? arrival.time, arrival.time)
        }
        history.append(arrivals: tick.arrivals, completions: tick.completions)
        let all = history.latest(lower: 0, upper: 100)
        overallArrivals.append(all.arrivals)
        overallCPU.append(all.cpuSeconds)
        for pool in poolNames {
            let r = range(of: pool)
            let latest = history.latest(lower: r.lower, upper: r.upper)
            poolArrivals[pool]?.append(latest.arrivals)
            poolCPU[pool]?.append(latest.cpuSeconds)
        }
    }

    private mutating func refreshProfiles() {
        let all = samples.all
        for pool in poolNames {
            let r = range(of: pool)
            let inRange = all.filter { $0.score >= r.lower && ($0.score < r.upper || r.upper >= 100) }
            profiles[pool] = DemandProfile(inRange, percentile: options.slo.percentile)
        }
        ticksSinceProfiles = 0
    }

    /// Re-plans cut points and types when due; returns a note for the reasons when the plan changed.
    private mutating func replan(now: Double) -> String? {
        let suspend = slowdownBudget?.isSpent ?? false
        guard now - lastPlan >= options.replanEvery || suspend != fullSpeedOnly,
            samples.count >= options.minimumSamples
        else { return nil }
        lastPlan = now
        fullSpeedOnly = suspend
        let h = horizon(for: catalog.standard)
        let arrivals = overallArrivals.forecast(horizon: h, quantile: options.forecastQuantile).upper / controlPeriod
        let work = overallCPU.forecast(horizon: h, quantile: options.forecastQuantile).mean / controlPeriod
        guard
            let result = planner.plan(
                samples: samples.all, arrivalRate: arrivals, workRate: work,
                catalog: suspend ? catalog.atFullSpeed : catalog, current: cuts)
        else { return nil }
        // Keep the current cuts (with the types that now suit them) unless moving is clearly cheaper.
        var best = result.best
        if best.cuts != cuts, let kept = result.current,
            best.costPerHour >= kept.costPerHour * (1 - options.replanHysteresis)
        {
            best = kept
        }
        let currentTypes = poolNames.map { types[$0]?.name }
        let sameCuts = best.cuts == cuts
        let newTypes = best.choices.map(\.type)
        for (pool, epsilon) in zip(poolNames, best.noWarmProbabilities) { noWarm[pool] = epsilon }
        if sameCuts && newTypes.map(\.name) == currentTypes { return nil }
        cuts = best.cuts
        for (pool, type) in zip(poolNames, newTypes) { types[pool] = type }
        if !sameCuts {
            for pool in poolNames {
                let r = range(of: pool)
                let series = history.series(lower: r.lower, upper: r.upper)
                poolArrivals[pool] = SeriesForecaster(history: series.arrivals, options: options.forecast)
                poolCPU[pool] = SeriesForecaster(history: series.cpuSeconds, options: options.forecast)
            }
        }
        let price = (best.costPerHour * 1000).rounded() / 1000
        let aside = suspend ? "; slower types set aside: " + (slowdownBudget?.summary ?? "") : ""
        return "re-planned: scores split at \(Int(cuts[0]))/\(Int(cuts[1])), types "
            + newTypes.map(\.name).joined(separator: "/") + ", predicted $\(price)/h" + aside
    }

    /// Forecast buckets covering an instance's start-up plus one control period.
    private func horizon(for type: InstanceType) -> Int {
        max(1, Int(((type.startupMs / 1000 + controlPeriod) / controlPeriod).rounded(.up)))
    }

    private mutating func size(_ observed: PoolObservation, tick: ControlTick, replanned: String?) -> ScalingDirective?
    {
        let pool = observed.pool
        guard let type = types[pool], let arrivalsForecaster = poolArrivals[pool], let cpuForecaster = poolCPU[pool],
            var stabilizer = stabilizers[pool], var rate = warmup[pool]
        else { return nil }
        let h = horizon(for: type)
        let q = options.forecastQuantile
        let lambda = arrivalsForecaster.forecast(horizon: h, quantile: q).upper / controlPeriod
        let work = cpuForecaster.forecast(horizon: h, quantile: q).mean / controlPeriod
        let profile = profiles[pool] ?? DemandProfile([DemandSample](), percentile: options.slo.percentile)
        let sizer = PoolSizer(slo: options.plannedSLO, overflow: options.overflowSizing)
        let epsilon = noWarm[pool] ?? options.plannedSLO.noWarmProbability(startupSeconds: type.startupMs / 1000)
        let sizing = sizer.size(
            arrivalRate: lambda, workRate: work, meanCPUSeconds: profile.meanCPUSeconds, type: type,
            noWarmProbability: epsilon)
        let inUse = observed.busy + observed.starting
        let quiet = options.quietAfter.map { tick.now - (lastArrival[pool] ?? -.infinity) > $0 } ?? false
        let recommended = quiet ? min(sizing.instances, inUse) + observed.queued : sizing.instances + observed.queued
        let stable = stabilizer.stabilize(recommended: recommended, current: observed.target, now: tick.now)
        let coldStarts = tick.arrivals.reduce(0) { $0 + ($1.pool == pool && $1.coldStart ? 1 : 0) }
        let shortfall = stable - observed.target
        rate.update(coldStarts: coldStarts, shortfall: shortfall)
        let target = shortfall > 0 ? observed.target + rate.allowed(wanted: shortfall) : stable
        stabilizers[pool] = stabilizer
        warmup[pool] = rate
        let typeChanged = type.name != observed.instanceType.name
        guard target != observed.target || typeChanged else { return nil }
        var reason =
            "forecast p\(Int(q * 100)) \(Self.format(lambda))/s arrivals, mean \(Self.format(work)) CPU-s/s on \(type.name) "
            + "(speed \(Self.format(type.relativeSpeed))): load \(Self.format(sizing.load)) needs \(sizing.instances) "
            + (epsilon >= 1
                ? "nothing: this pool's arrivals may cold-start (cold-start budget spent elsewhere)"
                : "for P(no warm) ≤ \(Self.format(epsilon))")
        if quiet, sizing.instances > inUse {
            reason += "; no arrival for \(Self.format(options.quietAfter ?? 0)) s: no spares beyond the \(inUse) in use"
        }
        if observed.queued > 0 { reason += ", +\(observed.queued) queued" }
        if stable < recommended { reason += "; capped at \(stable)" }
        if stable > recommended { reason += "; scale-down held at \(stable) by the stabilisation window" }
        if target < stable {
            reason += "; warm-up rate \(Self.format(rate.rate))/period allows +\(target - observed.target)"
        }
        if typeChanged, let replanned { reason += "; " + replanned }
        return ScalingDirective(
            pool: pool, action: .maintain, instances: target, instanceType: typeChanged ? type.name : nil,
            reason: reason)
    }

    static func format(_ x: Double) -> String {
        guard x.isFinite else { return "∞" }
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
