import ForewarmPools
import Testing

@testable import ForewarmController

@Suite struct CostTests {
    let chooser = InstanceTypeChooser(sizer: PoolSizer(slo: ServiceLevelObjective(maxSlowdownSeconds: 0.5)))

    func profile(cpu: Double, memory: Double, count: Int = 100) -> DemandProfile {
        DemandProfile(
            (0..<count).map { _ in DemandSample(score: 0, cpuSeconds: cpu, memoryMB: memory) }, percentile: 0.95)
    }

    @Test func lightShortRunsGetTheCheapestType() {
        let c = chooser.choose(catalog: catalog, profile: profile(cpu: 0.02, memory: 50), arrivalRate: 5, workRate: 0)
        #expect(c.type.name == "ce.0.25x0.5")
        #expect(c.costPerHour == Double(c.sizing.instances) * c.type.pricePerHour)
    }

    @Test func longRunsGetAFullSpeedType() {
        // 5 CPU-s on a quarter core would add 15 s; only speed 1 keeps the slowdown under 0.5 s.
        let c = chooser.choose(catalog: catalog, profile: profile(cpu: 5, memory: 100), arrivalRate: 0.1, workRate: 0)
        #expect(c.type.relativeSpeed == 1)
        #expect(c.type.name == "ce.1x2")
    }

    @Test func memoryPicksABigEnoughType() {
        let c = chooser.choose(catalog: catalog, profile: profile(cpu: 5, memory: 3_000), arrivalRate: 0.1, workRate: 0)
        #expect(c.type.name == "ce.1x4")
        let none = chooser.choose(
            catalog: catalog, profile: profile(cpu: 5, memory: 100_000), arrivalRate: 0.1, workRate: 0)
        #expect(none.type.name == "ce.4x16")
        #expect(none.reason.contains("no type"))
    }

    func bimodal(light: Int, heavy: Int, heavyCPU: Double = 4) -> [DemandSample] {
        (0..<light).map { k in DemandSample(score: 10 + Double(k % 10), cpuSeconds: 0.02, memoryMB: 40) }
            + (0..<heavy).map { k in DemandSample(score: 80 + Double(k % 10), cpuSeconds: heavyCPU, memoryMB: 200) }
    }

    @Test(arguments: [0.5, 5, 50])
    func plannerIsNeverWorseThanOnePoolOrTheDefaultSplit(arrivalRate: Double) throws {
        let planner = CutPointPlanner(chooser: chooser)
        let samples = bimodal(light: 950, heavy: 50)
        let work = arrivalRate * (0.95 * 0.02 + 0.05 * 4)
        let result = try #require(
            planner.plan(
                samples: samples, arrivalRate: arrivalRate, workRate: work, catalog: catalog, current: [30, 70]))
        let plan = result.best
        let single = chooser.choose(
            catalog: catalog, profile: DemandProfile(samples, percentile: 0.99), arrivalRate: arrivalRate,
            workRate: work)
        #expect(plan.costPerHour <= single.costPerHour + 1e-12)
        #expect(plan.costPerHour <= (result.current?.costPerHour ?? 0) + 1e-12)
        // Heavy scores (80–89) never land on a slow type: 4 CPU-s would take 16 s on a quarter core.
        let heavySide = plan.cuts[1] <= 80 ? 2 : (plan.cuts[0] <= 80 ? 1 : 0)
        #expect(plan.choices[heavySide].type.relativeSpeed == 1)
    }

    @Test func plannerSharesTheColdStartBudgetTowardsTheBusyCheapPool() throws {
        let planner = CutPointPlanner(chooser: chooser)
        // 95 % of arrivals are light and cheap to keep warm; 5 % run 4 s on full-speed instances.
        let samples = bimodal(light: 950, heavy: 50)
        let result = try #require(
            planner.plan(
                samples: samples, arrivalRate: 5, workRate: 1.1, catalog: catalog,
                current: [30, 70]))
        let plan = try #require(result.current)
        let budget = 1 - chooser.slo.waitPercentile
        let spent = zip(plan.shares, plan.noWarmProbabilities).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(spent <= budget + 1e-12)
        #expect(plan.noWarmProbabilities[2] > plan.noWarmProbabilities[0])
        #expect(plan.noWarmProbabilities[2] > budget)
    }

    @Test func plannerGivesASeparateLightPoolTheCheapestType() throws {
        let planner = CutPointPlanner(chooser: chooser)
        // The default split 30/70: light scores alone in the light pool must get the quarter core.
        let samples = bimodal(light: 950, heavy: 50)
        let result = try #require(
            planner.plan(
                samples: samples, arrivalRate: 5, workRate: 1.1, catalog: catalog,
                current: [30, 70]))
        #expect(result.current?.choices[0].type.name == "ce.0.25x0.5")
        #expect(result.current?.choices[1].sizing.instances == 0)
    }

    @Test func plannerKeepsOnePoolWhenTheLoadIsTiny() throws {
        let planner = CutPointPlanner(chooser: chooser)
        let samples = bimodal(light: 50, heavy: 50)
        let result = try #require(
            planner.plan(
                samples: samples, arrivalRate: 0.01, workRate: 0.02, catalog: catalog,
                current: [30, 70]))
        // One warm instance in total: a second pool would cost another.
        #expect(result.best.choices.filter { $0.sizing.instances > 0 }.count == 1)
        #expect(result.current != nil)
        #expect(result.best.costPerHour <= result.current?.costPerHour ?? 0)
    }
}
