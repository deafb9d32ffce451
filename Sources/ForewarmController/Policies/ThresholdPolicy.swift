import ForewarmPools

/// The seed's baseline: compare the rolling average score with Low / Medium / High thresholds each period —
/// above High add a heavyweight instance, above Medium a standard one, below Low give one back, else maintain.
///
/// Three pools (lightweight: the catalog's cheapest type; standard: the cheapest full-speed type; heavyweight: the
/// most powerful type), routed by the same thresholds (≤ Low, ≤ High, above). It looks only at the mix of scores,
/// never at the volume: that is the point of the comparison.
public struct ThresholdPolicy: ScalingPolicy {
    public struct Options: Sendable {
        public var thresholds: ScoreThresholds = .standard
        /// Scores the rolling average is taken over.
        public var window = 50
        public var controlPeriod = 10.0
        public var keepAlive: Double? = 60
        /// Instances at time zero (and floors): lightweight, standard, heavyweight.
        public var initial = (light: 2, standard: 1, heavy: 1)
        public var maxInstances = (light: 16, standard: 8, heavy: 4)
        public init() {}
    }

    public static let lightweight = "lightweight", standard = "standard", heavyweight = "heavyweight"

    public let name = "threshold"
    public let options: Options
    public var controlPeriod: Double { options.controlPeriod }
    public var keepAlive: Double? { options.keepAlive }
    private var scores: ScoreAverages
    private let routing: ScoreRouting

    public init(options: Options = Options()) {
        self.options = options
        scores = ScoreAverages(window: options.window)
        routing = ScoreRouting(
            names: [Self.lightweight, Self.standard, Self.heavyweight],
            upperScores: [options.thresholds.low, options.thresholds.high, 100])
    }

    public func initialPools(catalog: InstanceCatalog) -> [PoolPlan] {
        let t = options.thresholds
        return [
            PoolPlan(
                name: Self.lightweight, instanceType: catalog.cheapest, minScore: 0, maxScore: t.low,
                initialInstances: options.initial.light, minInstances: options.initial.light,
                maxInstances: options.maxInstances.light),
            PoolPlan(
                name: Self.standard, instanceType: catalog.standard, minScore: t.low, maxScore: t.high,
                initialInstances: options.initial.standard, minInstances: options.initial.standard,
                maxInstances: options.maxInstances.standard),
            PoolPlan(
                name: Self.heavyweight, instanceType: catalog.heaviest, minScore: t.high, maxScore: 100,
                initialInstances: options.initial.heavy, minInstances: options.initial.heavy,
                maxInstances: options.maxInstances.heavy),
        ]
    }

    public mutating func route(_ demand: DemandEstimate, pools: [PoolObservation]) -> String {
        routing.route(demand, pools: pools)
    }

    public mutating func decide(_ tick: ControlTick) -> [ScalingDirective] {
        scores.observe(tick.arrivals)
        guard let average = scores.mean else { return [] }
        let targets = Dictionary(tick.pools.map { ($0.pool, $0.target) }, uniquingKeysWith: { a, _ in a })
        let t = options.thresholds
        let shown = (average * 10).rounded() / 10
        switch t.band(of: average) {
        case .high:
            guard (targets[Self.heavyweight] ?? 0) < options.maxInstances.heavy else { return [] }
            return [
                ScalingDirective(
                    pool: Self.heavyweight, action: .add, instances: 1,
                    reason: "rolling average score \(shown) > high \(t.high): add a heavyweight instance")
            ]
        case .medium:
            guard (targets[Self.standard] ?? 0) < options.maxInstances.standard else { return [] }
            return [
                ScalingDirective(
                    pool: Self.standard, action: .add, instances: 1,
                    reason: "rolling average score \(shown) > medium \(t.medium): add a standard instance")
            ]
        case .belowLow:
            for (pool, floor) in [(Self.heavyweight, options.initial.heavy), (Self.standard, options.initial.standard)]
            where (targets[pool] ?? 0) > floor {
                return [
                    ScalingDirective(
                        pool: pool, action: .remove, instances: 1,
                        reason: "rolling average score \(shown) ≤ low \(t.low): give back a \(pool) instance")
                ]
            }
            return []
        case .low:
            return []
        }
    }
}
