import ForewarmPools

/// The clairvoyant lower bound: told every future arrival with its true service time and memory, it holds in each
/// per-type pool exactly the instances `OracleSchedule` has alive over the next control period — each started just
/// in time for its first request, right-sized, kept idle only across gaps shorter than a start-up — so no request
/// cold-starts and the cost is the least any policy can pay for that. Its decision period is short (0.25 s) so that
/// starting up to one period early wastes little.
///
/// `route` must be called once per arrival in arrival order (as the simulator does); an estimate that does not
/// match the next expected arrival is looked up among the next 256, else routed by memory to the cheapest type.
public struct OraclePolicy: ScalingPolicy {
    public let name = "oracle"
    public let controlPeriod: Double
    public let keepAlive: Double? = nil
    public let schedule: OracleSchedule
    private let arrivals: [FutureArrival]
    private let assignment: [String]
    private let typesUsed: [InstanceType]
    private let catalog: InstanceCatalog
    private var next = 0

    public init(
        future: [FutureArrival], catalog: InstanceCatalog, slo: ServiceLevelObjective = ServiceLevelObjective(),
        controlPeriod: Double = 0.25
    ) {
        let sorted = future.sorted { $0.time < $1.time }
        arrivals = sorted
        self.catalog = catalog
        self.controlPeriod = controlPeriod > 0 && controlPeriod.isFinite ? controlPeriod : 0.25
        schedule = OracleSchedule(arrivals: sorted, catalog: catalog, slo: slo)
        assignment = schedule.assignments
        let used = Set(assignment)
        let types = catalog.byPrice.filter { used.contains($0.name) }
        typesUsed = types.isEmpty ? [catalog.cheapest] : types
    }

    public func initialPools(catalog: InstanceCatalog) -> [PoolPlan] {
        typesUsed.map { type in
            PoolPlan(
                name: type.name, instanceType: type, minScore: 0, maxScore: 100,
                initialInstances: schedule.peak(type.name, from: 0, to: controlPeriod), minInstances: 0,
                maxInstances: 100_000)
        }
    }

    public mutating func route(_ demand: DemandEstimate, pools: [PoolObservation]) -> String {
        let window = arrivals.indices.suffix(from: next).prefix(256)
        if let i = window.first(where: { arrivals[$0].demand == demand }) {
            next = i + 1
            return assignment[i]
        }
        let fitting = catalog.cheapest(fitting: demand.memoryMB).name
        return pools.contains { $0.pool == fitting } ? fitting : (pools.first?.pool ?? fitting)
    }

    public mutating func decide(_ tick: ControlTick) -> [ScalingDirective] {
        tick.pools.compactMap { pool in
            let target = schedule.peak(pool.pool, from: tick.now, to: tick.now + controlPeriod)
            guard target != pool.target else { return nil }
            return ScalingDirective(
                pool: pool.pool, action: .maintain, instances: target,
                reason: "the future needs \(target) alive over the next \(ForewarmPolicy.format(controlPeriod)) s")
        }
    }
}
