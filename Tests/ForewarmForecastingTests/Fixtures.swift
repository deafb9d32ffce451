import Foundation

/// Loads the committed fixtures (series CSVs and statsmodels parameters written by scripts/reference_forecasts.py).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    static func series(_ name: String) throws -> [Double] {
        let text = try String(contentsOf: directory.appendingPathComponent("series/\(name).csv"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            line.split(separator: ",").last.flatMap { Double($0) }
        }
    }

    /// series → model → parameter name → value (plus `origin` and `llf`).
    static func referenceParameters() throws -> [String: [String: [String: Double]]] {
        let data = try Data(contentsOf: directory.appendingPathComponent("reference_parameters.json"))
        return try JSONDecoder().decode([String: [String: [String: Double]]].self, from: data)
    }

    /// statsmodels' STL of AirPassengers: variant (`raw-plain`, `log-robust`, …) → values, seasonal, trend.
    static func referenceSTL() throws -> [String: [String: [Double]]] {
        let data = try Data(contentsOf: directory.appendingPathComponent("reference_stl.json"))
        return try JSONDecoder().decode([String: [String: [Double]]].self, from: data)
    }

    static var airPassengers: [Double] { (try? series("airpassengers")) ?? [] }
}
