import ForewarmPools

/// Kubernetes' HPA on a utilisation metric: every 15 s, utilisation = average concurrency / current instances
/// (one request per instance); desired = ⌈current × utilisation / target⌉, skipped within the 0.1 tolerance;
/// scale-up by at most max(+100 %, +4) per sync, scale-down to the highest recommendation of the last 300 s.
/// HPA never goes below one instance. One pool of the catalog's standard type.
public struct HPAPolicy: ScalingPolicy {
    public struct Options: Sendable, Hashable {
        public var targetUtilisation = 0.7
        public var tolerance = 0.1
        public var syncPeriod = 15.0
        public var scaleDownStabilisation = 300.0
        public var minInstances = 1
        public var maxInstances = 1_000
        public init() {}
    }

    public static let pool = "default"
    public let name = "hpa"
    public let options: Options
    public var controlPeriod: Double { options.syncPeriod }
    public let keepAlive: Double? = nil
    private var stabilizer: ScaleStabilizer

    public init(options: Options = Options()) {
        self.options = options
        var s = ScaleStabilizer.Options()
        s.scaleDownWindow = options.scaleDownStabilisation
        s.scaleUpPercent = 1
        s.scaleUpInstances = 4
        s.scaleDownPercent = 1
        s.scaleDownInstances = 1
        s.minInstances = options.minInstances
        s.maxInstances = options.maxInstances
        stabilizer = ScaleStabilizer(options: s)
    }

    public func initialPools(catalog: InstanceCatalog) -> [PoolPlan] {
        [
            PoolPlan(
                name: Self.pool, instanceType: catalog.standard, minScore: 0, maxScore: 100,
                initialInstances: options.minInstances, minInstances: options.minInstances,
                maxInstances: options.maxInstances)
        ]
    }

    public mutating func route(_ demand: DemandEstimate, pools: [PoolObservation]) -> String { Self.pool }

    public mutating func decide(_ tick: ControlTick) -> [ScalingDirective] {
        guard let pool = tick.pools.first(where: { $0.pool == Self.pool }) else { return [] }
        let current = max(pool.target, 1)
        let concurrency = ConcurrencyEstimate.average(tick, pool: Self.pool)
        let utilisation = concurrency / Double(current)
        let ratio = utilisation / options.targetUtilisation
        let recommended =
            abs(ratio - 1) <= options.tolerance ? current : Int((Double(current) * ratio - 1e-9).rounded(.up))
        let desired = stabilizer.stabilize(recommended: recommended, current: pool.target, now: tick.now)
        guard desired != pool.target else { return [] }
        return [
            ScalingDirective(
                pool: Self.pool, action: .maintain, instances: desired,
                reason: "utilisation \(ForewarmPolicy.format(utilisation)) vs target \(options.targetUtilisation) "
                    + "recommends \(recommended) → \(desired)")
        ]
    }
}
