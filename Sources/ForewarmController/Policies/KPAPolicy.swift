import ForewarmPools

/// Knative's KPA, as configured by default: every 2 s it averages the pool's concurrency over a 60 s stable window
/// and a 6 s panic window; desired = ⌈average / (concurrency per instance × target utilisation 0.7)⌉. It panics
/// when the panic window wants ≥ 2× the ready instances, and while panicking (until a stable window passes without
/// the condition) never scales down; scale-down is limited to halving per tick and to zero only after a 30 s grace
/// without traffic. One pool of the catalog's standard type.
public struct KPAPolicy: ScalingPolicy {
    public struct Options: Sendable, Hashable {
        public var stableWindow = 60.0
        public var panicWindow = 6.0
        public var targetUtilisation = 0.7
        public var concurrencyPerInstance = 1.0
        public var panicThreshold = 2.0
        public var maxScaleDownRate = 2.0
        public var maxScaleUpRate = 1_000.0
        public var scaleToZeroGrace = 30.0
        public var tick = 2.0
        public var maxInstances = 1_000
        public init() {}
    }

    public static let pool = "default"
    public let name = "kpa"
    public let options: Options
    public var controlPeriod: Double { options.tick }
    public let keepAlive: Double? = nil
    private var samples: [(time: Double, concurrency: Double)] = []
    private var panicSince: Double?
    private var lastPanicCondition = -Double.infinity
    private var lastTraffic = -Double.infinity

    public init(options: Options = Options()) { self.options = options }

    public func initialPools(catalog: InstanceCatalog) -> [PoolPlan] {
        [
            PoolPlan(
                name: Self.pool, instanceType: catalog.standard, minScore: 0, maxScore: 100, initialInstances: 1,
                minInstances: 0, maxInstances: options.maxInstances)
        ]
    }

    public mutating func route(_ demand: DemandEstimate, pools: [PoolObservation]) -> String { Self.pool }

    public mutating func decide(_ tick: ControlTick) -> [ScalingDirective] {
        guard let pool = tick.pools.first(where: { $0.pool == Self.pool }) else { return [] }
        let o = options
        let concurrency = ConcurrencyEstimate.average(tick, pool: Self.pool)
        samples.append((tick.now, concurrency))
        samples.removeAll { $0.time <= tick.now - o.stableWindow }
        if concurrency > 0 || !tick.arrivals.isEmpty { lastTraffic = tick.now }
        func average(_ window: Double) -> Double {
            let recent = samples.filter { $0.time > tick.now - window }
            return recent.isEmpty ? 0 : recent.reduce(0) { $0 + $1.concurrency } / Double(recent.count)
        }
        let perInstance = o.concurrencyPerInstance * o.targetUtilisation
        let stable = average(o.stableWindow), panic = average(o.panicWindow)
        let desiredStable = Int((stable / perInstance - 1e-9).rounded(.up))
        let desiredPanic = Int((panic / perInstance - 1e-9).rounded(.up))
        let ready = pool.idle + pool.busy
        if Double(desiredPanic) >= o.panicThreshold * Double(max(ready, 1)) && desiredPanic > ready {
            lastPanicCondition = tick.now
            if panicSince == nil { panicSince = tick.now }
        } else if panicSince != nil, tick.now - lastPanicCondition >= o.stableWindow {
            panicSince = nil
        }
        var desired: Int
        var reason: String
        if panicSince != nil {
            desired = max(desiredPanic, pool.target)
            reason = "panic: 6 s concurrency \(ForewarmPolicy.format(panic)) wants \(desiredPanic) (ready \(ready))"
        } else {
            desired = desiredStable
            reason =
                "stable: 60 s concurrency \(ForewarmPolicy.format(stable)) / \(ForewarmPolicy.format(perInstance)) per instance"
        }
        let base = max(ready, 1)
        desired = min(desired, Int((Double(base) * o.maxScaleUpRate).rounded(.down)))
        desired = max(desired, Int((Double(ready) / o.maxScaleDownRate).rounded(.down)))
        if desired == 0 && tick.now - lastTraffic < o.scaleToZeroGrace { desired = 1 }
        desired = min(max(desired, 0), o.maxInstances)
        guard desired != pool.target else { return [] }
        return [
            ScalingDirective(pool: Self.pool, action: .maintain, instances: desired, reason: reason + " → \(desired)")
        ]
    }
}
