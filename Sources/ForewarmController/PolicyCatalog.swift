import Foundation

/// Builds a scaling policy by its command-line name.
public enum PolicyCatalog {
    /// Every policy `all` stands for, in report order. `make` and `parse` also take any keep-alive as
    /// `keepalive-<N>s`, `-<N>m` or `-<N>h` (see ``keepAliveSeconds(named:)``).
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
        case "oracle":
            guard let future else { throw .needsFuture }
            return OraclePolicy(future: future, catalog: catalog, slo: forewarm.slo)
        default:
            guard let seconds = keepAliveSeconds(named: name) else { throw .unknown(name) }
            return KeepAlivePolicy(keepAlive: seconds, name: name)
        }
    }

    /// Whether `make` builds a policy of this name.
    public static func isKnown(_ name: String) -> Bool { names.contains(name) || keepAliveSeconds(named: name) != nil }

    /// The idle timeout of a keep-alive policy name — `keepalive-30s`, `keepalive-10m`, `keepalive-1h`: a whole
    /// number of seconds, minutes or hours, at most a day — or nil for any other name.
    public static func keepAliveSeconds(named name: String) -> Double? {
        let prefix = "keepalive-"
        guard name.hasPrefix(prefix), let unit = name.last else { return nil }
        let digits = name.dropFirst(prefix.count).dropLast()
        let scale: Double
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3_600
        default: return nil
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let count = Int(digits)
        else { return nil }
        let seconds = Double(count) * scale
        return seconds <= 86_400 ? seconds : nil
    }

    /// Parses `all` or a comma-separated list of names (each checked, order kept, duplicates dropped).
    public static func parse(_ list: String) throws(PolicyError) -> [String] {
        let trimmed = list.trimmingCharacters(in: .whitespaces)
        if trimmed == "all" { return names }
        var result: [String] = []
        for part in trimmed.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard isKnown(name) else { throw .unknown(name) }
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
                + " (or any keepalive-<N>s, -<N>m, -<N>h up to a day)"
        case .needsFuture: "the oracle policy needs the trace's future arrivals"
        case .emptyCatalog: "the instance catalog lists no types to build pools from"
        }
    }
}
