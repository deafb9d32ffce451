import ForewarmPools
import Testing

@testable import ForewarmController

@Suite struct ThresholdTests {
    @Test func bandsAreStrictlyAbove() throws {
        let t = try ScoreThresholds(low: 20, medium: 40, high: 60)
        #expect(t.band(of: 10) == .belowLow)
        #expect(t.band(of: 20) == .belowLow)
        #expect(t.band(of: 21) == .low)
        #expect(t.band(of: 40.5) == .medium)
        #expect(t.band(of: 60) == .medium)
        #expect(t.band(of: 61) == .high)
    }

    @Test func rejectsThresholdsOutOfOrder() {
        #expect(throws: ThresholdError.self) { try ScoreThresholds(low: 50, medium: 40, high: 60) }
        #expect(throws: ThresholdError.self) { try ScoreThresholds(low: 10, medium: 40, high: 160) }
        #expect(throws: ThresholdError.self) { try ScoreThresholds(low: .nan, medium: 40, high: 60) }
    }

    @Test func thresholdPolicyAddsByRollingAverage() {
        var d = Driver(ThresholdPolicy())
        #expect(d.pools.map(\.instanceType.name) == ["ce.0.25x0.5", "ce.1x2", "ce.4x16"])
        d.step(arrivals: Array(repeating: 80, count: 10))
        #expect(d.directives.last?.first?.pool == ThresholdPolicy.heavyweight)
        #expect(d.directives.last?.first?.action == .add)
        #expect(d.target(ThresholdPolicy.heavyweight) == 2)
        #expect(d.directives.last?.first?.reason?.contains("> high 70") == true)
        // The window is 50 scores: 60 scores of 55 push the average into the medium band.
        d.step(arrivals: Array(repeating: 55, count: 60))
        #expect(d.directives.last?.first?.pool == ThresholdPolicy.standard)
        #expect(d.target(ThresholdPolicy.standard) == 2)
        // Between low and medium: maintain, no directive.
        d.step(arrivals: Array(repeating: 40, count: 60))
        #expect(d.directives.last?.isEmpty == true)
        // Below low: give back, heaviest first, down to the floors.
        d.step(arrivals: Array(repeating: 5, count: 60))
        #expect(d.target(ThresholdPolicy.heavyweight) == 1)
        d.step(arrivals: [5])
        #expect(d.target(ThresholdPolicy.standard) == 1)
        d.step(arrivals: [5])
        #expect(d.directives.last?.isEmpty == true)
    }

    @Test func routesByScoreAndMemory() {
        var p = ThresholdPolicy()
        let pools = p.initialPools(catalog: catalog).map {
            observation($0.name, type: $0.instanceType, idle: 1, target: 1)
        }
        #expect(p.route(demand(score: 10), pools: pools) == ThresholdPolicy.lightweight)
        #expect(p.route(demand(score: 50), pools: pools) == ThresholdPolicy.standard)
        #expect(p.route(demand(score: 90), pools: pools) == ThresholdPolicy.heavyweight)
        // 600 MB does not fit the lightweight type's 512 MiB.
        #expect(p.route(demand(score: 10, memory: 600), pools: pools) == ThresholdPolicy.standard)
    }
}
