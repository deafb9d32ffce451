import ForewarmPools

/// Fixed-size warm pools: the gateway's three default classes (lightweight, standard, heavyweight) on the catalog's
/// cheapest, standard and heaviest types, each holding a constant number of warm instances whatever the load.
/// Overflow cold-starts and the extra instance stops right after its run.
public struct FixedPolicy: ScalingPolicy {
    public let name = "fixed"
    public let controlPeriod: Double = 60
    public let keepAlive: Double? = nil
    /// Warm instances per pool: lightweight, standard, heavyweight (default 5 / 2 / 1: the gateway's warm floors).
    public let sizes: [Int]
    public let thresholds: ScoreThresholds
    private let routing: ScoreRouting

    public init(sizes: [Int] = [5, 2, 1], thresholds: ScoreThresholds = .standard) {
        self.sizes = (sizes + [0, 0, 0]).prefix(3).map { max($0, 0) }
        self.thresholds = thresholds
        routing = ScoreRouting(
            names: [ThresholdPolicy.lightweight, ThresholdPolicy.standard, ThresholdPolicy.heavyweight],
            upperScores: [thresholds.low, thresholds.high, 100])
    }

    public func initialPools(catalog: InstanceCatalog) -> [PoolPlan] {
        let types = [catalog.cheapest, catalog.standard, catalog.heaviest]
        let ranges = [(0, thresholds.low), (thresholds.low, thresholds.high), (thresholds.high, 100.0)]
        return (0..<3).map { i in
            PoolPlan(
                name: routing.names[i], instanceType: types[i], minScore: ranges[i].0, maxScore: ranges[i].1,
                initialInstances: sizes[i], minInstances: sizes[i], maxInstances: max(sizes[i], 64))
        }
    }

    public mutating func route(_ demand: DemandEstimate, pools: [PoolObservation]) -> String {
        routing.route(demand, pools: pools)
    }

    /// Re-asserts the fixed sizes only if something moved them.
    public mutating func decide(_ tick: ControlTick) -> [ScalingDirective] {
        tick.pools.compactMap { pool in
            guard let i = routing.names.firstIndex(of: pool.pool), pool.target != sizes[i] else { return nil }
            return ScalingDirective(
                pool: pool.pool, action: .maintain, instances: sizes[i], reason: "fixed size \(sizes[i])")
        }
    }
}
