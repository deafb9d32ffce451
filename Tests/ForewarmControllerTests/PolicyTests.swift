import ForewarmPools
import Testing

@testable import ForewarmController

@Suite struct ForewarmPolicyTests {
    @Test func prewarmsAheadOfGrowingDemandWithReasons() throws {
        var d = Driver(ForewarmPolicy(catalog: catalog))
        #expect(d.pools.map(\.pool) == ["light", "standard", "heavy"])
        for k in 0..<60 { d.step(arrivals: Array(repeating: 10, count: 5 + k), cpu: 0.2) }
        // 64 arrivals per 5 s × 0.2 CPU-s: 2.6 CPU-s/s, i.e. 2.6 / speed busy instances on the home pool's type;
        // the pool must hold more than that.
        let policy = d.policy
        let home = homePool(policy, score: 10)
        let speed = try #require(policy.types[home]?.relativeSpeed)
        #expect(Double(d.target(home)) > 64.0 / 5 * 0.2 / speed)
        let reasons = d.directives.flatMap { $0 }.compactMap(\.reason)
        #expect(reasons.contains { $0.contains("forecast p50") && $0.contains("needs") })
        #expect(reasons.allSatisfy { !$0.isEmpty })
    }

    @Test func replansTypesAndCutsFromWhatRunsReallyUse() throws {
        var options = ForewarmOptions()
        options.replanEvery = 60
        options.minimumSamples = 20
        var d = Driver(ForewarmPolicy(catalog: catalog, options: options))
        // Light scores that really run 3 CPU-s: a quarter core would add 9 s, so the policy must move them to a
        // full-speed type.
        for _ in 0..<40 { d.step(arrivals: Array(repeating: 12, count: 4), cpu: 3) }
        let policy = d.policy
        let home = homePool(policy, score: 12)
        #expect(policy.types[home]?.relativeSpeed == 1)
        let changed = d.directives.flatMap { $0 }.filter { $0.instanceType != nil }
        #expect(!changed.isEmpty)
        #expect(changed.contains { $0.reason?.contains("re-planned") == true })
        // The ranges in force are reported (the baselines keep their plans' ranges: nil).
        let range = try #require(policy.currentScoreRange(pool: home))
        #expect(range.lower <= 12 && (12 < range.upper || range.upper >= 100))
        #expect(ThresholdPolicy().currentScoreRange(pool: ThresholdPolicy.standard) == nil)
    }

    @Test func theColdStartBudgetSurvivesACallerSettingOnlyTheSLO() {
        var options = ForewarmOptions()
        options.slo = ServiceLevelObjective(maxWaitSeconds: 0.1)
        #expect(abs(options.plannedSLO.waitPercentile - 0.5) < 1e-12)
        #expect(options.plannedSLO.maxWaitSeconds == 0.1)
        options.coldStartBudget = 0.05
        #expect(abs(options.plannedSLO.waitPercentile - 0.95) < 1e-12)
        options.coldStartBudget = nil
        #expect(options.plannedSLO == options.slo)
        options.coldStartBudget = 0.9
        #expect(options.plannedSLO.waitPercentile == 0.5)
    }

    @Test func homogeneousHeavyIsOnePoolOfTheHeaviestType() {
        var d = Driver(ForewarmPolicy(catalog: catalog, homogeneous: true))
        #expect(d.policy.name == "homogeneous-heavy")
        #expect(d.pools.map(\.instanceType.name) == ["ce.4x16"])
        for _ in 0..<20 { d.step(arrivals: Array(repeating: 10, count: 20), cpu: 0.1) }
        #expect(d.pools.map(\.instanceType.name) == ["ce.4x16"])
        #expect(d.target(ForewarmPolicy.heavy) >= 1)
    }

    @Test func scalesDownAfterTheWindowWhenDemandStops() {
        var d = Driver(ForewarmPolicy(catalog: catalog))
        for _ in 0..<30 { d.step(arrivals: Array(repeating: 10, count: 50), cpu: 0.2) }
        let peak = d.target(ForewarmPolicy.light)
        for _ in 0..<60 { d.step(arrivals: []) }
        #expect(peak > 2)
        #expect(d.target(ForewarmPolicy.light) < peak)
    }

    @Test func aQuietPoolHoldsNoSparesUntilArrivalsResume() {
        func burstThenSilence(quietAfter: Double?, busy: Int) -> (
            peak: Int, quiet: Int, rearmed: Int, reasons: [String]
        ) {
            var options = ForewarmOptions()
            options.quietAfter = quietAfter
            var d = Driver(ForewarmPolicy(catalog: catalog, options: options))
            for _ in 0..<30 { d.step(arrivals: Array(repeating: 10, count: 50), cpu: 0.2, pool: ForewarmPolicy.light) }
            let peak = d.target(ForewarmPolicy.light)
            for _ in 0..<6 { d.step(arrivals: [], pool: ForewarmPolicy.light, busy: busy) }
            let quiet = d.target(ForewarmPolicy.light)
            d.step(arrivals: [10], cpu: 0.2, pool: ForewarmPolicy.light)
            let reasons = d.directives.flatMap { $0 }.compactMap(\.reason)
            return (peak, quiet, d.target(ForewarmPolicy.light), reasons)
        }
        // Without the rule the lagging forecast keeps spares through the silence.
        let always = burstThenSilence(quietAfter: nil, busy: 0)
        #expect(always.peak > 2)
        #expect(always.quiet > 0)
        // With it, 30 s of silence leave only what is in use (nothing, or the 2 runs still busy; the stabiliser halves
        // a target at most per period) …
        let idle = burstThenSilence(quietAfter: 5, busy: 0)
        #expect(idle.peak == always.peak)
        #expect(idle.quiet == 0)
        #expect(idle.reasons.contains { $0.contains("no arrival for 5 s: no spares beyond the 0 in use") })
        #expect(burstThenSilence(quietAfter: 5, busy: 2).quiet == 2)
        // … and the next arrival re-arms the pool from the forecast.
        #expect(idle.rearmed > 0)
    }

    @Test func borrowsAnIdleFasterInstanceInsteadOfAColdStart() {
        var p = ForewarmPolicy(catalog: catalog)
        let pools = [
            observation("light", type: catalog.cheapest, idle: 0, busy: 2, target: 2),
            observation("standard", type: catalog["ce.0.5x1"]!, idle: 1, target: 1),
            observation("heavy", type: catalog.standard, idle: 0, target: 0),
        ]
        #expect(p.route(demand(score: 5), pools: pools) == "standard")
        #expect(p.route(demand(score: 90), pools: pools) == "heavy")
    }
}
