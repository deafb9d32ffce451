import ForewarmPools

@testable import ForewarmController

func demand(score: Double, cpu: Double = 0.05, memory: Double = 64) -> DemandEstimate {
    DemandEstimate(language: "python", score: score, cpuSecondsP50: cpu, cpuSecondsP90: cpu * 2, memoryMB: memory)
}

func arrival(_ time: Double, pool: String, score: Double, cold: Bool = false) -> ArrivalObservation {
    ArrivalObservation(time: time, pool: pool, demand: demand(score: score), coldStart: cold)
}

func completion(_ time: Double, pool: String, score: Double, cpu: Double, wall: Double? = nil, memory: Double = 64)
    -> CompletionObservation
{
    CompletionObservation(
        time: time, pool: pool, score: score, cpuSeconds: cpu, wallSeconds: wall ?? cpu, memoryMB: memory)
}

func observation(_ pool: String, type: InstanceType, idle: Int = 0, busy: Int = 0, queued: Int = 0, target: Int)
    -> PoolObservation
{
    PoolObservation(pool: pool, instanceType: type, idle: idle, busy: busy, starting: 0, queued: queued, target: target)
}

let catalog = InstanceCatalog.standard

/// The pool the forewarm policy's current cuts give `score`.
func homePool(_ policy: ForewarmPolicy, score: Double) -> String {
    ScoreRouting(names: policy.poolNames, upperScores: [policy.cuts[0], policy.cuts[1], 100]).home(score: score)
}

/// Drives a policy like a tiny simulator: pools follow `maintain`/`add`/`remove` directives at once (all warm
/// instances idle unless `busy` says otherwise), types follow `instanceType`.
struct Driver<P: ScalingPolicy> {
    var policy: P
    var pools: [PoolObservation]
    var now = 0.0
    var directives: [[ScalingDirective]] = []

    init(_ policy: P) {
        self.policy = policy
        pools = policy.initialPools(catalog: catalog).map {
            observation($0.name, type: $0.instanceType, idle: $0.initialInstances, target: $0.initialInstances)
        }
    }

    /// One control period with these arrivals (spread over it) and completions of the same requests.
    mutating func step(
        arrivals scores: [Double], cpu: Double = 0.05, pool: String? = nil, busy: Int = 0,
        alsoCompleted: [CompletionObservation] = []
    ) {
        now += policy.controlPeriod
        let period = policy.controlPeriod
        var arrivals: [ArrivalObservation] = []
        var completions = alsoCompleted
        for (k, score) in scores.enumerated() {
            let t = now - period + period * Double(k) / Double(max(scores.count, 1))
            let target = pool ?? policy.route(demand(score: score, cpu: cpu), pools: pools)
            arrivals.append(arrival(t, pool: target, score: score))
            completions.append(completion(min(t + cpu, now), pool: target, score: score, cpu: cpu))
        }
        if !pools.isEmpty {
            pools[0].busy = busy
            pools[0].idle = max(0, pools[0].target - busy)
        }
        let tick = ControlTick(now: now, period: period, pools: pools, arrivals: arrivals, completions: completions)
        let out = policy.decide(tick)
        directives.append(out)
        for d in out {
            guard let i = pools.firstIndex(where: { $0.pool == d.pool }) else { continue }
            switch d.action {
            case .maintain: pools[i].target = d.instances
            case .add: pools[i].target += d.instances
            case .remove: pools[i].target = max(0, pools[i].target - d.instances)
            }
            if let name = d.instanceType, let type = catalog[name] { pools[i].instanceType = type }
            pools[i].idle = max(0, pools[i].target - pools[i].busy)
        }
    }

    func target(_ pool: String) -> Int { pools.first { $0.pool == pool }?.target ?? -1 }
}
