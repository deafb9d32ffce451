import Foundation

/// Builds a scaling policy by its command-line name.
public enum PolicyCatalog {
    /// Every policy, in report order.
    public static let names = [
        "forewarm", "threshold", "fixed", "kpa", "hpa", "homogeneous-heavy", "keepalive-10m", "oracle",
    ]

    /// The policy called `name`. The oracle needs `future` (every arrival of the trace, with its true cost);
    /// `forewarm` configures both `forewarm` and `homogeneous-heavy`.
    public static func make(
        name: String, catalog: InstanceCatalog, future: [FutureArrival]? = nil,
        forewarm: ForewarmOptions = ForewarmOptions()
    ) throws(PolicyError) -> any ScalingPolicy {
        guard !catalog.types.isEmpty else { throw .emptyCatalog }
        switch name {
        case "forewarm": return ForewarmPolicy(catalog: catalog, options: forewarm)
        case "homogeneous-heavy": return ForewarmPolicy(catalog: catalog, options: forewarm, homogeneous: true)
        case "threshold": return ThresholdPolicy()
        case "fixed": return FixedPolicy()
        case "kpa": return KPAPolicy()
        case "hpa": return HPAPolicy()
        case "keepalive-10m": return KeepAlivePolicy(keepAlive: 600)
        case "oracle":
            guard let future else { throw .needsFuture }
            return OraclePolicy(future: future, catalog: catalog, slo: forewarm.slo)
        default: throw .unknown(name)
        }
    }

    /// Parses `all` or a comma-separated list of names (each checked, order kept, duplicates dropped).
    public static func parse(_ list: String) throws(PolicyError) -> [String] {
        let trimmed = list.trimmingCharacters(in: .whitespaces)
        if trimmed == "all" { return names }
        var result: [String] = []
        for part in trimmed.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard names.contains(name) else { throw .unknown(name) }
            if !result.contains(name) { result.append(name) }
        }
        guard !result.isEmpty else { throw .unknown(list) }
        return result
    }
}

/// A policy name the catalog does not know, an oracle without its future, or no instance types to use.
public enum PolicyError: Error, CustomStringConvertible, Equatable {
    case unknown(String)
    case needsFuture
    case emptyCatalog

    public var description: String {
        switch self {
        case .unknown(let name):
            "unknown policy '\(name)'; known: all, " + PolicyCatalog.names.joined(separator: ", ")
        case .needsFuture: "the oracle policy needs the trace's future arrivals"
        case .emptyCatalog: "the instance catalog lists no types to build pools from"
        }
    }
}
