import ForewarmForecasting
import Foundation

/// Aggregates rolling-origin scores per series family and renders the comparison tables.
struct ForecastEvaluationReport {
    /// family → model → one score per series.
    private(set) var families: [String: [String: [ForecastEvaluation.Score]]] = [:]
    private(set) var seriesCount: [String: Int] = [:]

    mutating func add(series: String, family: String, scores: [String: ForecastEvaluation.Score]) {
        seriesCount[family, default: 0] += 1
        for (model, score) in scores { families[family, default: [:]][model, default: []].append(score) }
    }

    struct Row {
        var model: String
        var metrics: AccuracyMetrics
        var milliseconds: Double
        var failures: Int
    }

    func rows(_ family: String) -> [Row] {
        (families[family] ?? [:]).map { model, scores in
            Row(
                model: model, metrics: .mean(scores.map(\.metrics)),
                milliseconds: 1000 * scores.map(\.seconds).reduce(0, +) / Double(max(scores.count, 1)),
                failures: scores.map(\.failures).reduce(0, +))
        }.sorted {
            ($0.model.hasPrefix("forewarm") ? 1 : 0, $0.model) < ($1.model.hasPrefix("forewarm") ? 1 : 0, $1.model)
        }
    }

    func render(format: OutputFormat, counterparts: [String: String], markdown: Bool = false) -> String {
        if format == .json { return json(counterparts: counterparts) }
        var out = ""
        var summary: [[String]] = []
        for family in families.keys.sorted() {
            let rows = rows(family)
            let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0.model, $0) })
            out +=
                markdown
                ? "\n### \(family) (\(seriesCount[family] ?? 0) series)\n\n"
                : "\n== \(family) (\(seriesCount[family] ?? 0) series)\n"
            // Times are from two different runs (the references' and this one); `bench forecast` gives fair ratios.
            var table = [["model", "MASE", "sMAPE", "cov95", "ms/fit", "failed", "same model as"]]
            for row in rows {
                let same = counterparts[row.model].flatMap { byName[$0] != nil ? $0 : nil } ?? ""
                table.append([
                    row.model, String(format: "%.3f", row.metrics.mase), String(format: "%.2f", row.metrics.smape),
                    String(format: "%.3f", row.metrics.coverage), String(format: "%.2f", row.milliseconds),
                    String(row.failures), same,
                ])
            }
            out += Self.layout(table, markdown: markdown)
            let chosen = (families[family]?["forewarm-auto"] ?? []).flatMap(\.chosen)
            if !chosen.isEmpty {
                let counts = Dictionary(chosen.map { (Self.kind($0), 1) }, uniquingKeysWith: +)
                let list = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) ×\($0.value)" }
                let label = markdown ? "\nforewarm-auto chose (per origin): " : "auto chose: "
                out += label + list.joined(separator: ", ") + "\n"
            }
            let references = rows.filter { !$0.model.hasPrefix("forewarm") && $0.failures == 0 }
            if let best = references.min(by: { $0.metrics.mase < $1.metrics.mase }), let auto = byName["forewarm-auto"]
            {
                let ratio = auto.metrics.mase / best.metrics.mase
                let bestOwn = rows.filter { $0.model.hasPrefix("forewarm") }.min { $0.metrics.mase < $1.metrics.mase }
                summary.append([
                    family, "\(best.model) \(String(format: "%.3f", best.metrics.mase))",
                    String(format: "%.3f", auto.metrics.mase), String(format: "%.3f", ratio),
                    ratio <= 1.05 ? "yes" : "NO",
                    bestOwn.map { "\($0.model) \(String(format: "%.3f", $0.metrics.mase))" } ?? "",
                ])
            }
        }
        let head = [
            ["family", "best reference (MASE)", "forewarm-auto MASE", "ratio", "≤ 1.05", "best forewarm model"]
        ]
        out += markdown ? "\n### Summary\n\n" : "\n== summary\n"
        out += Self.layout(head + summary, markdown: markdown)
        return out
    }

    /// `ETS(A,Ad,N)` → `ETS(A,Ad,N)`, `ARIMA(2,1,1)+c` → `ARIMA`, `mean(ETS(…), ARIMA(…))` → `mean(ETS, ARIMA)`.
    static func kind(_ name: String) -> String {
        if name.hasPrefix("mean(") {
            let inner = name.dropFirst(5).dropLast()
            let parts = inner.components(separatedBy: ", ").map { kind(String($0)) }
            return "mean(" + parts.joined(separator: ", ") + ")"
        }
        return name.hasPrefix("ARIMA") ? "ARIMA" : name
    }

    static func layout(_ table: [[String]], markdown: Bool) -> String {
        if markdown {
            var lines = table.map { "| " + $0.joined(separator: " | ") + " |" }
            lines.insert("|" + String(repeating: " --- |", count: table.first?.count ?? 0), at: 1)
            return lines.joined(separator: "\n") + "\n"
        }
        let widths = (0..<(table.first?.count ?? 0)).map { c in table.map { $0[c].count }.max() ?? 0 }
        return table.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(
                separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    func json(counterparts: [String: String]) -> String {
        var object: [String: Any] = [:]
        for family in families.keys {
            var models: [String: Any] = [:]
            for row in rows(family) {
                models[row.model] = [
                    "mase": row.metrics.mase, "smape": row.metrics.smape, "coverage": row.metrics.coverage,
                    "milliseconds": row.milliseconds, "failures": row.failures,
                ]
            }
            object[family] = models
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
