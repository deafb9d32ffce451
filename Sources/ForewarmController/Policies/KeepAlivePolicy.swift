import ForewarmPools

/// No pre-warming: every request that finds no idle instance starts one (the catalog's standard type), which then
/// stays idle for `keepAlive` seconds (default 10 minutes, the classic FaaS keep-alive) waiting for the next.
public struct KeepAlivePolicy: ScalingPolicy {
    public static let pool = "default"
    public let name: String
    public let controlPeriod: Double = 60
    public let keepAlive: Double?

    /// A keep-alive of `keepAlive` seconds, named `name` (default `keepalive-<minutes>m`, or `-<seconds>s` when the
    /// minutes are not whole).
    public init(keepAlive: Double = 600, name: String? = nil) {
        self.keepAlive = max(keepAlive, 0)
        let minutes = keepAlive / 60
        self.name =
            name ?? (minutes == minutes.rounded() ? "keepalive-\(Int(minutes))m" : "keepalive-\(Int(keepAlive))s")
    }

    public func initialPools(catalog: InstanceCatalog) -> [PoolPlan] {
        [
            PoolPlan(
                name: Self.pool, instanceType: catalog.standard, minScore: 0, maxScore: 100, initialInstances: 0,
                minInstances: 0, maxInstances: 1_000)
        ]
    }

    public mutating func route(_ demand: DemandEstimate, pools: [PoolObservation]) -> String { Self.pool }

    public mutating func decide(_ tick: ControlTick) -> [ScalingDirective] {
        tick.pools.compactMap { pool in
            pool.target == 0
                ? nil
                : ScalingDirective(pool: pool.pool, action: .maintain, instances: 0, reason: "no pre-warming")
        }
    }
}
