import ForewarmController
import ForewarmPools
import Testing

@testable import ForewarmSimulation

struct SimulatorTests {
    let simulator = Simulator(configuration: Fixture.exact)

    @Test func aColdStartThenAWarmRun() throws {
        let policy = ScriptedPolicy(plans: [Fixture.pool()])
        let result = try simulator.run(
            policy, requests: [Fixture.request(at: 0, cpu: 2), Fixture.request(at: 10, cpu: 2)])
        #expect(result.coldStarts == 1)
        #expect(result.coldStartRate == 0.5)
        // 1 s start-up + 2 s run, then 2 s warm.
        #expect(result.p50LatencyMs == 2000)
        #expect(result.p99LatencyMs == 3000)
        #expect(result.instancesStarted == 1)
        // One instance alive from 0 to the last completion at 12 s, at $0.001/s.
        #expect(abs(result.cost - 0.012) < 1e-12)
        #expect(abs(result.busyInstanceSeconds - 4) < 1e-9)
        #expect(abs(result.idleInstanceSeconds - 7) < 1e-9)  // 3 → 10
        #expect(result.simulatedSeconds == 12)
    }

    @Test func anIdleInstanceBeyondTheTargetExpiresAfterTheKeepAlive() throws {
        let policy = ScriptedPolicy(plans: [Fixture.pool()], keepAlive: 60)
        let result = try simulator.run(
            policy, requests: [Fixture.request(at: 0, cpu: 2), Fixture.request(at: 100, cpu: 2)])
        #expect(result.coldStarts == 2)
        #expect(result.instancesStarted == 2)
        // Alive 0 → 63 (idle from 3, removed 60 s later) and 100 → 103.
        #expect(abs(result.cost - 0.066) < 1e-12)
        #expect(abs(result.idleInstanceSeconds - 60) < 1e-9)
    }

    @Test func withoutKeepAliveAnIdleInstanceGoesAtOnce() throws {
        let policy = ScriptedPolicy(plans: [Fixture.pool()], keepAlive: nil)
        let result = try simulator.run(
            policy, requests: [Fixture.request(at: 0, cpu: 2), Fixture.request(at: 4, cpu: 2)])
        #expect(result.coldStarts == 2)
        #expect(result.idleInstanceSeconds == 0)
        #expect(abs(result.cost - 0.006) < 1e-12)  // 0 → 3 and 4 → 7
    }

    @Test func initialInstancesAreWarmAndKeptAtTheTarget() throws {
        let policy = ScriptedPolicy(plans: [Fixture.pool(initial: 2)], keepAlive: nil)
        let result = try simulator.run(
            policy, requests: [Fixture.request(at: 5, cpu: 1), Fixture.request(at: 5, cpu: 1)])
        #expect(result.coldStarts == 0)
        #expect(result.p99LatencyMs == 1000)
        #expect(abs(result.cost - 0.012) < 1e-12)  // two instances, 0 → 6
    }

    @Test func aFullPoolQueuesFirstInFirstOut() throws {
        let policy = ScriptedPolicy(plans: [Fixture.pool(initial: 1, max: 1)])
        let result = try simulator.run(
            policy,
            requests: [
                Fixture.request(at: 0, cpu: 5), Fixture.request(at: 1, cpu: 5), Fixture.request(at: 2, cpu: 1),
            ])
        #expect(result.coldStarts == 0)
        // 5 s; 4 s queued + 5 s; 8 s queued + 1 s.
        #expect(result.p50LatencyMs == 9000)
        #expect(result.p99LatencyMs == 9000)
        #expect(abs(result.meanLatencyMs - 23000 / 3) < 1e-6)
        #expect(result.p99WaitMs == 8000)
        #expect(abs(result.underProvisionedRequestSeconds - 12) < 1e-9)
        #expect(result.sloViolationRate == 2.0 / 3)
    }

    @Test func aFasterInstanceRunsTheMeasuredCPUFaster() throws {
        let policy = ScriptedPolicy(plans: [Fixture.pool(type: Fixture.big, initial: 1)])
        let result = try simulator.run(policy, requests: [Fixture.request(at: 0, cpu: 4)])
        #expect(result.p50LatencyMs == 2000)
        #expect(abs(result.cost - 0.02) < 1e-12)
    }

    @Test func maintainRaisesTheTargetAndPrewarmedInstancesServeWarm() throws {
        let directive = ScalingDirective(pool: "p", action: .maintain, instances: 3, reason: "test")
        let policy = ScriptedPolicy(plans: [Fixture.pool()], keepAlive: nil, script: [1: [directive]])
        let result = try simulator.run(
            policy, requests: [Fixture.request(at: 20, cpu: 1), Fixture.request(at: 20, cpu: 1)])
        #expect(result.coldStarts == 0)
        #expect(result.directives == 1)
        #expect(result.directiveLog.first?.target == 3)
        #expect(result.directiveLog.first?.reason == "test")
        // Three instances from the tick at 10 s to the end at 21 s.
        #expect(abs(result.cost - 0.033) < 1e-12)
        #expect(abs(result.overProvisionedInstanceSeconds - (33 - 2)) < 1e-9)
    }

    @Test func removeLowersTheTargetAndTheBoundsClampIt() throws {
        let directives = [
            ScalingDirective(pool: "p", action: .add, instances: 50),
            ScalingDirective(pool: "p", action: .remove, instances: 8),
            ScalingDirective(pool: "nope", action: .add, instances: 1),
            ScalingDirective(pool: "p", action: .add, instances: 1, instanceType: "no-such-type"),
        ]
        let policy = ScriptedPolicy(plans: [Fixture.pool(min: 1, max: 10)], script: [1: directives])
        let result = try simulator.run(policy, requests: [Fixture.request(at: 25, cpu: 1)])
        #expect(result.directiveLog.map(\.target) == [10, 2])
        #expect(result.directives == 4)
        #expect(result.rejectedDirectives == 2)
    }

    @Test func anOutdatedInstanceThatWentIdleRecentlyStaysForTheKeepAlive() throws {
        let directive = ScalingDirective(pool: "p", action: .maintain, instances: 1, instanceType: "big")
        let policy = ScriptedPolicy(plans: [Fixture.pool(initial: 1)], keepAlive: 5, script: [1: [directive]])
        // The unit instance runs 8 → 9; the tick at 10 switches the type; it goes at 9 + 5 = 14.
        let result = try simulator.run(
            policy, requests: [Fixture.request(at: 8, cpu: 1), Fixture.request(at: 30, cpu: 4)])
        #expect(abs(result.cost - (0.001 * 14 + 0.01 * 22)) < 1e-12)
    }

    @Test func switchingTheTypeReplacesInstancesAsTheyRetire() throws {
        let directive = ScalingDirective(pool: "p", action: .maintain, instances: 1, instanceType: "big")
        let policy = ScriptedPolicy(plans: [Fixture.pool(initial: 1)], keepAlive: 5, script: [1: [directive]])
        let result = try simulator.run(policy, requests: [Fixture.request(at: 30, cpu: 4)])
        // At the tick (10 s) the big instance starts (ready at 12); the unit one, outdated and idle since 0 — longer
        // than the keep-alive — goes at once.
        #expect(result.instancesStarted == 2)
        #expect(result.coldStarts == 0)
        #expect(result.p50LatencyMs == 2000)  // served by the big one, speed 2
        #expect(abs(result.cost - (0.001 * 10 + 0.01 * 22)) < 1e-12)
    }

    @Test func aRunNeedingMoreMemoryIsRerunOnTheNextLargerPool() throws {
        let plans = [
            Fixture.pool("light", type: Fixture.unit, scores: 0...50, initial: 1),
            Fixture.pool("heavy", type: Fixture.big, scores: 50...100, initial: 1),
        ]
        let policy = ScriptedPolicy(plans: plans)
        let result = try simulator.run(
            policy, requests: [Fixture.request(at: 0, cpu: 0.05, memoryMB: 2000, score: 10)])
        #expect(result.memoryMisroutes == 1)
        #expect(result.misroutes == 2)  // and heavy (2000 MB) on light
        #expect(result.failedRequests == 0)
        // 50 ms on light (killed at its end), then 25 ms on heavy.
        #expect(abs(result.p50LatencyMs - 75) < 1e-9)
    }

    @Test func heavyWorkOnALightPoolAndTheReverseAreMisroutes() throws {
        let plans = [
            Fixture.pool("light", scores: 0...50, initial: 2),
            Fixture.pool("heavy", type: Fixture.big, scores: 50...100, initial: 2),
        ]
        let policy = ScriptedPolicy(plans: plans)
        let result = try simulator.run(
            policy,
            requests: [
                Fixture.request(at: 0, cpu: 3, score: 10),  // predicted light, was heavy
                Fixture.request(at: 0, cpu: 0.01, score: 80),  // predicted heavy, was light
                Fixture.request(at: 0, cpu: 3, score: 100),  // heavy on heavy
                Fixture.request(at: 0, cpu: 0.5, score: 80),  // neither light nor heavy: never a misroute
            ])
        #expect(result.heavyOnLight == 1)
        #expect(result.lightOnHeavy == 1)
        #expect(result.misroutes == 2)
    }

    @Test func anUnknownPoolIsCountedAndServedByTheFirst() throws {
        let policy = ScriptedPolicy(plans: [Fixture.pool(initial: 1)], fixedRoute: "elsewhere")
        let result = try simulator.run(policy, requests: [Fixture.request(at: 0, cpu: 1)])
        #expect(result.invalidRoutes == 1)
        #expect(result.p50LatencyMs == 1000)
    }

    @Test func costOverTimeAddsUpToTheTotal() throws {
        let policy = ScriptedPolicy(plans: [Fixture.pool(initial: 1)], keepAlive: 30)
        let requests = (0..<40).map { Fixture.request(at: Double($0 * 7 % 200), cpu: Double($0 % 5)) }
        let result = try simulator.run(policy, requests: requests)
        #expect(abs((result.series.cumulativeCost.last ?? 0) - result.cost) < 1e-9)
        #expect(result.series.arrivals.reduce(0, +) == 40)
    }

    @Test func theSameSeedGivesTheSameRunAndAnotherSeedAnother() throws {
        var generator = SeededGenerator(seed: 7)
        let requests = (0..<2_000).map { index in
            Fixture.request(at: Double(index) * 0.4 + generator.unit(), cpu: 3 * generator.unit())
        }
        let policy = ScriptedPolicy(plans: [Fixture.pool(max: 8)], keepAlive: 3)
        var configuration = Fixture.exact
        configuration.startupJitter = 0.5
        let first = try Simulator(configuration: configuration).run(policy, requests: requests)
        let again = try Simulator(configuration: configuration).run(policy, requests: requests)
        configuration.seed = 2
        let other = try Simulator(configuration: configuration).run(policy, requests: requests)
        #expect(first == again)
        #expect(first.p99LatencyMs != other.p99LatencyMs || first.cost != other.cost)
    }

    @Test func badInputIsAnErrorNotACrash() throws {
        let policy = ScriptedPolicy(plans: [Fixture.pool()])
        #expect(throws: SimulationError.invalidRequest(0, "arrival must be a finite time ≥ 0")) {
            try simulator.run(policy, requests: [Fixture.request(at: -1, cpu: 1)])
        }
        #expect(throws: SimulationError.self) {
            try simulator.run(ScriptedPolicy(plans: []), requests: [])
        }
        #expect(throws: SimulationError.self) {
            try simulator.run(ScriptedPolicy(plans: [Fixture.pool()], controlPeriod: 0), requests: [])
        }
    }

    @Test func theEventQueueIsOrderedByTimeThenByArrival() {
        var queue = EventQueue<Int>()
        for (index, time) in [5.0, 1, 3, 1, 9, 0].enumerated() { queue.push(index, at: time) }
        var popped: [Int] = []
        while let (_, payload) = queue.pop() { popped.append(payload) }
        #expect(popped == [5, 1, 3, 2, 0, 4])
    }
}

/// Reports, in each tick's directive reason, the slowdowns in flight and the completed runs' speeds it was shown.
private struct SlowdownWatcher: ScalingPolicy {
    var name = "watcher"
    var controlPeriod = 2.0
    var keepAlive: Double? = 60
    let plan: PoolPlan

    func initialPools(catalog: InstanceCatalog) -> [PoolPlan] { [plan] }

    mutating func route(_ demand: DemandEstimate, pools: [PoolObservation]) -> String { plan.name }

    mutating func decide(_ tick: ControlTick) -> [ScalingDirective] {
        let inFlight = tick.pools.flatMap(\.slowdownsInFlight).map { String($0) }
        let done = tick.completions.map { "\($0.relativeSpeed ?? -1)/\($0.slowdownSeconds)" }
        let reason = "in flight " + inFlight.joined(separator: ",") + "; done " + done.joined(separator: ",")
        return [ScalingDirective(pool: plan.name, action: .add, instances: 0, reason: reason)]
    }
}

@Suite struct SlowdownObservationTests {
    @Test func policiesSeeWhatASlowerTypeAddsToRunsInFlightAndDone() throws {
        let quarter = InstanceType(
            name: "quarter", vCPU: 0.25, memoryMiB: 1024, pricePerHour: 0.9, startupMs: 1000, relativeSpeed: 0.25)
        let configuration = SimulationConfiguration(
            catalog: InstanceCatalog(types: [quarter, Fixture.unit]), seed: 1, startupJitter: 0,
            seriesBucketSeconds: 10)
        let watcher = SlowdownWatcher(plan: Fixture.pool(type: quarter))
        // Starts at 1 s (cold), runs 2 CPU-s at a quarter of the speed: 8 s, done at 9 s. The second request keeps
        // the replay going past the next tick.
        let result = try Simulator(configuration: configuration).run(
            watcher, requests: [Fixture.request(at: 0, cpu: 2), Fixture.request(at: 12, cpu: 0.1)])
        let reasons = Dictionary(result.directiveLog.map { ($0.time, $0.reason ?? "") }) { first, _ in first }
        #expect(reasons[4] == "in flight 2.25; done ")  // 3 s into the run, 0.75 of each second is the slowdown
        #expect(reasons[8] == "in flight 5.25; done ")
        #expect(reasons[10] == "in flight ; done 0.25/6.0")
    }
}
