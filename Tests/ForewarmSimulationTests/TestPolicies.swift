import ForewarmController
import ForewarmPools
import ForewarmSimulation

/// A policy for engine tests: fixed pools routed by score, and directives scripted per tick.
struct ScriptedPolicy: ScalingPolicy {
    var name = "scripted"
    var controlPeriod = 10.0
    var keepAlive: Double? = 60
    var plans: [PoolPlan]
    /// Directives to issue at the n-th tick (1-based).
    var script: [Int: [ScalingDirective]] = [:]
    /// Sends every request here when set, else by the plans' score ranges.
    var fixedRoute: String?
    private(set) var ticks = 0

    init(
        plans: [PoolPlan], keepAlive: Double? = 60, controlPeriod: Double = 10, script: [Int: [ScalingDirective]] = [:],
        fixedRoute: String? = nil
    ) {
        self.plans = plans
        self.keepAlive = keepAlive
        self.controlPeriod = controlPeriod
        self.script = script
        self.fixedRoute = fixedRoute
    }

    func initialPools(catalog: InstanceCatalog) -> [PoolPlan] { plans }

    mutating func route(_ demand: DemandEstimate, pools: [PoolObservation]) -> String {
        if let fixedRoute { return fixedRoute }
        return plans.first { demand.score >= $0.minScore && demand.score < $0.maxScore }?.name ?? plans.last!.name
    }

    mutating func decide(_ tick: ControlTick) -> [ScalingDirective] {
        ticks += 1
        return script[ticks] ?? []
    }
}

/// Test fixtures: instance types with round numbers, and requests.
enum Fixture {
    /// 1 s start-up, $3.60/h (= $0.001/s), speed 1, 1 GiB.
    static let unit = InstanceType(
        name: "unit", vCPU: 1, memoryMiB: 1024, pricePerHour: 3.6, startupMs: 1000, relativeSpeed: 1)
    /// 2 s start-up, $36/h (= $0.01/s), speed 2, 4 GiB.
    static let big = InstanceType(
        name: "big", vCPU: 2, memoryMiB: 4096, pricePerHour: 36, startupMs: 2000, relativeSpeed: 2)
    static let catalog = InstanceCatalog(types: [unit, big])

    static func pool(
        _ name: String = "p", type: InstanceType = unit, scores: ClosedRange<Double> = 0...100, initial: Int = 0,
        min: Int = 0, max: Int = 10
    ) -> PoolPlan {
        PoolPlan(
            name: name, instanceType: type, minScore: scores.lowerBound, maxScore: scores.upperBound,
            initialInstances: initial, minInstances: min, maxInstances: max)
    }

    static func request(
        at time: Double, cpu: Double, memoryMB: Double = 10, score: Double = 10
    ) -> SimulatedRequest {
        SimulatedRequest(
            arrival: time,
            demand: DemandEstimate(
                language: "python", score: score, cpuSecondsP50: cpu, cpuSecondsP90: cpu, memoryMB: memoryMB),
            cpuSeconds: cpu, memoryMB: memoryMB)
    }

    /// No start-up jitter, so times are exact.
    static let exact = SimulationConfiguration(catalog: catalog, seed: 1, startupJitter: 0, seriesBucketSeconds: 10)
}
