import ForewarmPools
import Testing

@testable import ForewarmController

@Suite struct SlowdownBudgetTests {
    let slo = ServiceLevelObjective()  // ≤ 0.5 s slower at p99: 1 % of the runs may exceed it

    func runs(_ count: Int, late: Int, at time: Double) -> [CompletionObservation] {
        (0..<count).map { k in
            // A late run: 1 CPU-s on a quarter-speed type adds 3 s; the others run at full speed.
            CompletionObservation(
                time: time, pool: "light", score: 10, cpuSeconds: k < late ? 1 : 0.05, wallSeconds: 0,
                memoryMB: 64, relativeSpeed: k < late ? 0.25 : 1)
        }
    }

    @Test func aRunsSlowdownIsWhatItsTypesSpeedAdded() {
        let run = CompletionObservation(
            time: 0, pool: "p", score: 10, cpuSeconds: 2, wallSeconds: 8, memoryMB: 64, relativeSpeed: 0.25)
        #expect(abs(run.slowdownSeconds - 6) < 1e-12)
        var full = run
        full.relativeSpeed = nil
        #expect(full.slowdownSeconds == 0)
        full.relativeSpeed = 1
        #expect(full.slowdownSeconds == 0)
    }

    @Test func completedViolationsSpendItBeyondTheSLOsAllowanceUntilTheyAgeOut() {
        var budget = SlowdownBudget(slo: slo, window: 300)
        budget.record(runs(200, late: 1, at: 10), pools: [], now: 10)
        #expect(!budget.isSpent)  // 0.5 % of the runs: not above half the 1 % the SLO allows
        budget.record(runs(100, late: 3, at: 20), pools: [], now: 20)
        #expect(budget.isSpent)  // 4 of 300
        #expect(budget.summary.contains("4 of 300 runs"))
        budget.record([], pools: [], now: 315)
        #expect(budget.runs == 100 && budget.violations == 3)
        #expect(budget.isSpent)
        budget.record([], pools: [], now: 325)
        #expect(budget.runs == 0 && !budget.isSpent)
    }

    @Test func runsInFlightSlowedPastTheObjectiveCountBeforeTheyEnd() {
        var budget = SlowdownBudget(slo: slo, window: 300)
        budget.record(runs(100, late: 0, at: 5), pools: [], now: 5)
        var pool = observation("light", type: catalog.cheapest, busy: 2, target: 2)
        pool.slowdownsInFlight = [0.3, 0.4]
        budget.record([], pools: [pool], now: 10)
        #expect(!budget.isSpent)  // slowed, but not yet past 0.5 s
        pool.slowdownsInFlight = [0.3, 0.9]
        budget.record([], pools: [pool], now: 15)
        #expect(budget.isSpent && budget.violationsInFlight == 1)  // 1 of 101: above half of 1 %
        #expect(budget.summary.contains("1 in flight"))
        budget.record([], pools: [observation("light", type: catalog.cheapest, target: 2)], now: 20)
        #expect(!budget.isSpent)

        // A busy service may use its allowance: one late run among a thousand does not spend it, six do.
        budget.record(runs(900, late: 0, at: 25), pools: [], now: 25)
        pool.slowdownsInFlight = [0.9]
        budget.record([], pools: [pool], now: 30)
        #expect(!budget.isSpent)
        pool.slowdownsInFlight = Array(repeating: 0.9, count: 6)
        budget.record([], pools: [pool], now: 35)
        #expect(budget.isSpent)
    }

    /// Light scores that run short put the home pool on a cheap, slow type; a heavy run there that the model
    /// scored light shows in flight, and the policy moves every pool to full speed until the budget recovers.
    @Test func thePolicySetsSlowerTypesAsideWhileTheBudgetIsSpent() throws {
        var d = settledOnACheapType(budget: true)
        let home = homePool(d.policy, score: 10)
        let cheap = try #require(d.policy.types[home])
        #expect(cheap.relativeSpeed < 1)

        let index = try #require(d.pools.firstIndex { $0.pool == home })
        d.pools[index].slowdownsInFlight = [2.5]
        d.step(arrivals: Array(repeating: 10, count: 8), cpu: 0.02)
        #expect(d.policy.poolNames.allSatisfy { d.policy.types[$0]?.relativeSpeed == 1 })
        let reasons = d.directives.last?.compactMap(\.reason) ?? []
        #expect(reasons.contains { $0.contains("slower types set aside") && $0.contains("1 in flight") })

        // The run ends (a 10 s run: 40 s on a quarter core) with five more like it: 6 late runs of the ~500 in the
        // last 300 s, more than the 1 % the SLO allows. They keep the pools at full speed until they are 300 s old.
        d.pools[index].slowdownsInFlight = []
        let late = CompletionObservation(
            time: d.now + 1, pool: home, score: 10, cpuSeconds: 10, wallSeconds: 40, memoryMB: 64,
            relativeSpeed: cheap.relativeSpeed)
        let busy = Array(repeating: 10.0, count: 8)
        d.step(arrivals: busy, cpu: 0.02, alsoCompleted: Array(repeating: late, count: 6))
        for _ in 0..<55 { d.step(arrivals: busy, cpu: 0.02) }
        #expect(d.policy.poolNames.allSatisfy { d.policy.types[$0]?.relativeSpeed == 1 })
        for _ in 0..<20 { d.step(arrivals: busy, cpu: 0.02) }
        let after = try #require(d.policy.types[homePool(d.policy, score: 10)])
        #expect(after.relativeSpeed < 1)

        // Without a budget the late run changes nothing.
        var free = settledOnACheapType(budget: false)
        let freeHome = homePool(free.policy, score: 10)
        let freeIndex = try #require(free.pools.firstIndex { $0.pool == freeHome })
        free.pools[freeIndex].slowdownsInFlight = [2.5]
        free.step(arrivals: Array(repeating: 10, count: 8), cpu: 0.02)
        #expect((free.policy.types[freeHome]?.relativeSpeed ?? 1) < 1)
    }

    /// Between ticks, inside a burst: once the late runs in flight spend the budget, arrivals that would go to the
    /// cheap pool go to a full-speed one at once.
    @Test func lateRunsInFlightSendTheRestOfABurstToAFullSpeedPool() throws {
        var d = settledOnACheapType(budget: true)
        let home = homePool(d.policy, score: 10)
        let index = try #require(d.pools.firstIndex { $0.pool == home })
        #expect(d.pools[index].instanceType.relativeSpeed < 1)
        let other = try #require(d.pools.firstIndex { $0.pool != home })
        d.pools[other].instanceType = catalog.standard
        #expect(d.policy.route(demand(score: 10), pools: d.pools) == home)

        d.pools[index].slowdownsInFlight = [2.5, 0.2]
        #expect(d.policy.route(demand(score: 10), pools: d.pools) == d.pools[other].pool)

        var free = settledOnACheapType(budget: false)
        free.pools = d.pools
        #expect(free.policy.route(demand(score: 10), pools: free.pools) == homePool(free.policy, score: 10))
    }

    /// A forewarm policy (re-planning every 30 s, first plan after 20 runs) after 100 s of short runs at score 10,
    /// which put their pool on a cheap, slower type; with or without a slowdown budget.
    func settledOnACheapType(budget: Bool) -> Driver<ForewarmPolicy> {
        var options = ForewarmOptions()
        options.replanEvery = 30
        options.minimumSamples = 20
        if !budget { options.slowdownBudgetWindow = nil }
        var d = Driver(ForewarmPolicy(catalog: catalog, options: options))
        for _ in 0..<20 { d.step(arrivals: Array(repeating: 10, count: 8), cpu: 0.02) }
        return d
    }
}
