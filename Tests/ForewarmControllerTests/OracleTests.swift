import ForewarmPools
import Testing

@testable import ForewarmController

@Suite struct OracleTests {
    /// On the quarter core (0.5 s start-up, started 15 % early: 0.575 s) runs take 4× their CPU: A 10.0–10.4,
    /// B 10.6–11.0 (the 0.2 s gap is shorter than a start-up: bridged), C 20.0–20.2 (9 s later: a new instance from
    /// 19.425), D 20.1–20.3 (C's instance is busy: another from 19.525).
    let future = [
        FutureArrival(time: 10, demand: demand(score: 1), cpuSeconds: 0.1, memoryMB: 50),
        FutureArrival(time: 10.6, demand: demand(score: 2), cpuSeconds: 0.1, memoryMB: 50),
        FutureArrival(time: 20, demand: demand(score: 3), cpuSeconds: 0.05, memoryMB: 50),
        FutureArrival(time: 20.1, demand: demand(score: 4), cpuSeconds: 0.05, memoryMB: 50),
    ]

    @Test func scheduleIsJustInTimeAndBridgesOnlyShortGaps() throws {
        let slo = ServiceLevelObjective()
        let schedule = OracleSchedule(arrivals: future, catalog: catalog, slo: slo)
        let type = try #require(catalog["ce.0.25x0.5"])
        #expect(schedule.assignments == Array(repeating: type.name, count: 4))
        #expect(schedule.starts == 3)
        // Lifetimes 9.425–11.0, 19.425–20.2, 19.525–20.3: 3.125 instance-seconds.
        #expect(abs(schedule.cost - 3.125 / 3600 * type.pricePerHour) < 1e-12)
        #expect(schedule.alive(type.name, at: 9.4) == 0)
        #expect(schedule.alive(type.name, at: 10.5) == 1)
        #expect(schedule.alive(type.name, at: 15) == 0)
        #expect(schedule.alive(type.name, at: 19.5) == 1)
        #expect(schedule.alive(type.name, at: 19.55) == 2)
        #expect(schedule.alive(type.name, at: 20.15) == 2)
        #expect(schedule.alive(type.name, at: 20.25) == 1)
        #expect(schedule.alive(type.name, at: 21) == 0)
        #expect(schedule.peak(type.name, from: 19.4, to: 19.7) == 2)
    }

    @Test func isALowerBoundOnTheHandMadeTrace() throws {
        let type = try #require(catalog["ce.0.25x0.5"])
        let oracle = OracleSchedule(arrivals: future, catalog: catalog, slo: ServiceLevelObjective())
        // Any policy must pay at least the busy time plus one start-up per instance it starts; one warm instance
        // held from the first start to the last end (no cold start either) costs 10.875 s; starting one per request
        // (as early) costs 4 × 0.575 s + 1.2 s busy = 3.5 s.
        let busy = 1.2, held = 20.3 - 9.425, perRequest = 4 * 0.575 + busy
        let price = type.pricePerHour / 3600
        #expect(oracle.cost >= (busy + 0.5) * price)
        #expect(oracle.cost < held * price)
        #expect(oracle.cost < perRequest * price)
    }

    @Test func policyStartsInstancesAheadOfEachArrival() throws {
        var policy = OraclePolicy(future: future, catalog: catalog)
        let pools = policy.initialPools(catalog: catalog)
        #expect(pools.map(\.name) == ["ce.0.25x0.5"])
        #expect(pools[0].initialInstances == 0)
        var target = 0
        var history: [(Double, Int)] = []
        var now = 0.0
        while now < 22 {
            now += policy.controlPeriod
            let pool = observation("ce.0.25x0.5", type: catalog.cheapest, idle: target, target: target)
            for d in policy.decide(
                ControlTick(now: now, period: policy.controlPeriod, pools: [pool], arrivals: [], completions: []))
            {
                target = d.instances
            }
            history.append((now, target))
        }
        // Each arrival finds the instances it needs started at least one start-up (0.5 s) earlier.
        func targetAt(_ t: Double) -> Int { history.last { $0.0 <= t }?.1 ?? 0 }
        #expect(targetAt(9.5) >= 1)
        #expect(targetAt(19.6) >= 2)
        #expect(targetAt(12) == 0)
        #expect(targetAt(21) == 0)
        // Routing follows the schedule, in arrival order.
        let observed = [observation("ce.0.25x0.5", type: catalog.cheapest, target: 1)]
        for arrival in future { #expect(policy.route(arrival.demand, pools: observed) == "ce.0.25x0.5") }
    }

    @Test func rightSizesByMemoryAndSlowdown() {
        let slo = ServiceLevelObjective(maxSlowdownSeconds: 0.5)
        func type(cpu: Double, memory: Double) -> String {
            OracleSchedule.rightSized(
                FutureArrival(time: 0, demand: demand(score: 1), cpuSeconds: cpu, memoryMB: memory), catalog: catalog,
                slo: slo
            ).name
        }
        #expect(type(cpu: 0.01, memory: 10) == "ce.0.25x0.5")
        #expect(type(cpu: 0.4, memory: 10) == "ce.0.5x1")
        #expect(type(cpu: 10, memory: 10) == "ce.1x2")
        #expect(type(cpu: 0.01, memory: 6_000) == "ce.2x8")
    }
}
