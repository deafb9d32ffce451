import ForewarmPools
import Testing

@testable import ForewarmController

@Suite struct LiveAdapterTests {
    @Test func splitKeepsFloorsAndSharesTheRest() {
        let split = LanguageTargetSplit.split(
            total: 10, shares: ["python": 3, "javascript": 1], floors: ["python": 2, "ruby": 1])
        #expect(split.values.reduce(0, +) == 10)
        #expect(split["ruby"] == 1)
        // 7 beyond the floors: python 5.25 → 5 (+ remainder), javascript 1.75 → 2.
        #expect(split["python"] == 2 + 5)
        #expect(split["javascript"] == 2)
    }

    @Test func splitNeverGoesBelowTheFloors() {
        let split = LanguageTargetSplit.split(total: 0, shares: ["python": 1], floors: ["python": 4])
        #expect(split == ["python": 4])
        #expect(LanguageTargetSplit.split(total: 5, shares: [:], floors: [:]).isEmpty)
    }

    @Test func namesPairByScoreOrder() throws {
        let type = InstanceType(name: "t", vCPU: 1, memoryMiB: 512, pricePerHour: 0.1, startupMs: 100)
        let plans = [("heavy", 70.0), ("light", 0.0), ("standard", 30.0)].map {
            PoolPlan(
                name: $0.0, instanceType: type, minScore: $0.1, maxScore: 100, initialInstances: 1,
                minInstances: 0, maxInstances: 4)
        }
        let map = try #require(
            PoolNameMap(plans: plans, backendPools: [("lightweight", 0), ("heavyweight", 60), ("standard", 25)]))
        #expect(map.toBackend == ["light": "lightweight", "standard": "standard", "heavy": "heavyweight"])
        #expect(map.toPolicy["heavyweight"] == "heavy")
        #expect(PoolNameMap(plans: Array(plans.prefix(1)), backendPools: [("a", 0), ("b", 50)]) == nil)
    }
}
