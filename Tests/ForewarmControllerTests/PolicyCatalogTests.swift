import ForewarmPools
import Testing

@testable import ForewarmController

@Suite struct PolicyCatalogTests {
    @Test(arguments: PolicyCatalog.names)
    func makesEveryPolicyByName(_ name: String) throws {
        let future = [FutureArrival(time: 1, demand: demand(score: 10), cpuSeconds: 0.1, memoryMB: 50)]
        let policy = try PolicyCatalog.make(name: name, catalog: catalog, future: future)
        #expect(policy.name == name)
        #expect(policy.controlPeriod > 0)
        #expect(!policy.initialPools(catalog: catalog).isEmpty)
    }

    @Test func unknownNamesAndAMissingFutureAreClearErrors() {
        #expect(throws: PolicyError.unknown("kpaa")) { try PolicyCatalog.make(name: "kpaa", catalog: catalog) }
        #expect(PolicyError.unknown("kpaa").description.contains("known: all, forewarm, threshold"))
        #expect(throws: PolicyError.needsFuture) { try PolicyCatalog.make(name: "oracle", catalog: catalog) }
        #expect(throws: PolicyError.emptyCatalog) {
            try PolicyCatalog.make(name: "forewarm", catalog: InstanceCatalog(types: []))
        }
    }

    @Test func parsesLists() throws {
        #expect(try PolicyCatalog.parse("all") == PolicyCatalog.names)
        #expect(try PolicyCatalog.parse("kpa, forewarm,kpa") == ["kpa", "forewarm"])
        #expect(throws: PolicyError.unknown("nope")) { try PolicyCatalog.parse("kpa,nope") }
        #expect(throws: PolicyError.self) { try PolicyCatalog.parse(" ") }
    }
}
