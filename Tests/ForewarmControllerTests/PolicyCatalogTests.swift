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

    @Test func keepAlivesOfAnyLength() throws {
        #expect(PolicyCatalog.keepAliveSeconds(named: "keepalive-30s") == 30)
        #expect(PolicyCatalog.keepAliveSeconds(named: "keepalive-0s") == 0)
        #expect(PolicyCatalog.keepAliveSeconds(named: "keepalive-2m") == 120)
        #expect(PolicyCatalog.keepAliveSeconds(named: "keepalive-1h") == 3_600)
        #expect(PolicyCatalog.keepAliveSeconds(named: "keepalive-24h") == 86_400)
        for bad in ["keepalive-25h", "keepalive-m", "keepalive-10", "keepalive-1.5m", "keepalive--3s", "keepalive-٣s"] {
            #expect(PolicyCatalog.keepAliveSeconds(named: bad) == nil, "\(bad)")
            #expect(throws: PolicyError.unknown(bad)) { try PolicyCatalog.make(name: bad, catalog: catalog) }
        }
        let policy = try PolicyCatalog.make(name: "keepalive-90s", catalog: catalog)
        #expect(policy.name == "keepalive-90s")
        #expect(policy.keepAlive == 90)
        #expect(
            try PolicyCatalog.parse("kpa,keepalive-30s,keepalive-10m") == ["kpa", "keepalive-30s", "keepalive-10m"])
        #expect(PolicyError.unknown("x").description.contains("keepalive-<N>s"))
    }

    @Test func parsesLists() throws {
        #expect(try PolicyCatalog.parse("all") == PolicyCatalog.names)
        #expect(try PolicyCatalog.parse("kpa, forewarm,kpa") == ["kpa", "forewarm"])
        #expect(throws: PolicyError.unknown("nope")) { try PolicyCatalog.parse("kpa,nope") }
        #expect(throws: PolicyError.self) { try PolicyCatalog.parse(" ") }
    }
}
