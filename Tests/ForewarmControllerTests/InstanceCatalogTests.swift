import ForewarmPools
import Foundation
import Testing

@testable import ForewarmController

@Suite struct InstanceCatalogTests {
    @Test func standardCatalogIsPricedByResources() {
        let types = InstanceCatalog.standard.byPrice
        #expect(types.first?.name == "ce.0.25x0.5")
        #expect(types.last?.name == "ce.4x16")
        // 1 vCPU + 2 GB at Code Engine rates: 3600 × (0.00003431 + 2 × 0.00000356) ≈ $0.149/h.
        #expect(abs((InstanceCatalog.standard["ce.1x2"]?.pricePerHour ?? 0) - 0.1492) < 0.001)
        #expect(InstanceCatalog.standard["ce.0.5x1"]?.relativeSpeed == 0.5)
        #expect(InstanceCatalog.standard["ce.4x16"]?.relativeSpeed == 1)
    }

    @Test func atFullSpeedDropsOnlyTheTypesSlowerThanTheReferenceCore() {
        #expect(
            InstanceCatalog.standard.atFullSpeed.types.map(\.name) == [
                "ce.1x2", "ce.1x4", "ce.2x4", "ce.2x8", "ce.4x16",
            ])
        let twice = InstanceType(name: "2x", vCPU: 2, memoryMiB: 1024, pricePerHour: 1, startupMs: 1, relativeSpeed: 2)
        let once = InstanceType(name: "1x", vCPU: 1, memoryMiB: 1024, pricePerHour: 0.5, startupMs: 1, relativeSpeed: 1)
        let half = InstanceType(
            name: "half", vCPU: 1, memoryMiB: 1024, pricePerHour: 0.2, startupMs: 1, relativeSpeed: 0.5)
        #expect(InstanceCatalog(types: [twice, once, half]).atFullSpeed.types.map(\.name) == ["2x", "1x"])
        let slow = InstanceType(
            name: "slow", vCPU: 1, memoryMiB: 1024, pricePerHour: 0.1, startupMs: 1, relativeSpeed: 0.25)
        #expect(InstanceCatalog(types: [half, slow]).atFullSpeed.types.map(\.name) == ["half"])
    }

    @Test func readsJSONAndRejectsNonsense() throws {
        let json = #"{"types": [{"name": "a", "vCPU": 2, "memoryMiB": 512, "pricePerHour": 0.1, "startupMs": 300}]}"#
        let catalog = try InstanceCatalog(json: Data(json.utf8))
        #expect(catalog["a"]?.relativeSpeed == 1)
        #expect(throws: CatalogError.empty) { try InstanceCatalog(json: Data(#"{"types": []}"#.utf8)) }
        let bad = #"{"types": [{"name": "b", "vCPU": 0, "memoryMiB": 512, "pricePerHour": 0.1, "startupMs": 1}]}"#
        #expect(throws: CatalogError.invalid("b")) { try InstanceCatalog(json: Data(bad.utf8)) }
    }
}
