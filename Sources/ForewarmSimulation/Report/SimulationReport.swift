import Foundation

/// The results of one comparison run, and the three ways they are shown: a terminal table, JSON and an HTML page.
public struct SimulationReport: Sendable, Codable, Equatable {
    public var policies: [PolicyResult]

    public init(policies: [PolicyResult]) {
        self.policies = policies
    }

    /// `{"policies": [{"name", "coldStartRate", "p50LatencyMs", "p99LatencyMs", "sloViolationRate", "cost",
    /// "idleInstanceSeconds", "misroutes", …, "series", "directiveLog"}]}`, keys sorted.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// One row per policy, aligned for a terminal.
    public func table() -> String {
        let header = [
            "policy", "requests", "cold %", "p50 ms", "p95 ms", "p99 ms", "SLO viol %", "cost $", "idle inst-s",
            "misroutes", "directives",
        ]
        let rows = policies.map { p in
            [
                p.name, "\(p.requests)", String(format: "%.2f", 100 * p.coldStartRate),
                String(format: "%.0f", p.p50LatencyMs), String(format: "%.0f", p.p95LatencyMs),
                String(format: "%.0f", p.p99LatencyMs), String(format: "%.2f", 100 * p.sloViolationRate),
                String(format: "%.4f", p.cost), String(format: "%.0f", p.idleInstanceSeconds), "\(p.misroutes)",
                "\(p.directives)",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        return ([format(header), rule] + rows.map(format)).joined(separator: "\n") + "\n"
    }
}
