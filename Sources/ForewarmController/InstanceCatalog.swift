import ForewarmPools
import Foundation

/// The instance types a controller may choose from, with their prices.
public struct InstanceCatalog: Sendable, Hashable, Codable {
    public var types: [InstanceType]

    public init(types: [InstanceType]) {
        self.types = types
    }

    public subscript(name: String) -> InstanceType? { types.first { $0.name == name } }

    /// Types cheapest first.
    public var byPrice: [InstanceType] { types.sorted { ($0.pricePerHour, $0.name) < ($1.pricePerHour, $1.name) } }

    /// Reads `{"types": [{"name", "vCPU", "memoryMiB", "pricePerHour", "startupMs", "relativeSpeed"?}, …]}`.
    public init(json: Data) throws {
        self = try JSONDecoder().decode(InstanceCatalog.self, from: json)
        guard !types.isEmpty else { throw CatalogError.empty }
        for type in types
        where
            !(type.vCPU > 0 && type.memoryMiB > 0 && type.pricePerHour >= 0
            && type.startupMs >= 0 && type.relativeSpeed > 0)
        {
            throw CatalogError.invalid(type.name)
        }
        guard Set(types.map(\.name)).count == types.count else { throw CatalogError.duplicate }
    }

    /// The default catalog: the vCPU/memory sizes IBM Cloud Code Engine offers (the ones its tenants pick in
    /// `../shared/data/ibm_code_engine`), priced at Code Engine's published pay-as-you-go rates
    /// ($0.00003431 per vCPU-second, $0.00000356 per GB-second), with start-up times that grow with size.
    public static let standard = InstanceCatalog(types: [
        entry("ce.0.25x0.5", vCPU: 0.25, memoryGB: 0.5, startupMs: 500),
        entry("ce.0.5x1", vCPU: 0.5, memoryGB: 1, startupMs: 600),
        entry("ce.1x2", vCPU: 1, memoryGB: 2, startupMs: 800),
        entry("ce.1x4", vCPU: 1, memoryGB: 4, startupMs: 900),
        entry("ce.2x4", vCPU: 2, memoryGB: 4, startupMs: 1_000),
        entry("ce.2x8", vCPU: 2, memoryGB: 8, startupMs: 1_200),
        entry("ce.4x16", vCPU: 4, memoryGB: 16, startupMs: 1_500),
    ])

    static func entry(_ name: String, vCPU: Double, memoryGB: Double, startupMs: Double) -> InstanceType {
        let perHour = 3600 * (vCPU * 0.000_034_31 + memoryGB * 0.000_003_56)
        return InstanceType(
            name: name, vCPU: vCPU, memoryMiB: Int(memoryGB * 1024), pricePerHour: perHour, startupMs: startupMs)
    }
}

public enum CatalogError: Error, CustomStringConvertible, Equatable {
    case empty
    case invalid(String)
    case duplicate

    public var description: String {
        switch self {
        case .empty: "the catalog lists no instance types"
        case .invalid(let name):
            "instance type \(name): vCPU, memoryMiB and relativeSpeed must be positive, price and start-up ≥ 0"
        case .duplicate: "the catalog names an instance type twice"
        }
    }
}
