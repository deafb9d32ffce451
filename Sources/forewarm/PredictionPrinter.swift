import ForewarmModel
import Foundation

/// Prints predictions as a table, one JSON document, JSON lines or CSV.
struct PredictionPrinter {
    struct Row: Encodable {
        var file: String
        var language: String
        var score: Double
        var cpuSecondsP50: Double
        var cpuSecondsP90: Double
        var memoryMB: Double
        var heavyProbability: Double
        var pool: String
        var contributions: [Contribution]?
    }

    let format: PredictionFormat
    let explain: Bool
    private var rows: [Row] = []
    private var wroteHeader = false

    init(format: PredictionFormat, explain: Bool) {
        self.format = format
        self.explain = explain
    }

    mutating func add(file: String, _ prediction: Prediction, pool: String) {
        let row = Row(
            file: file, language: prediction.language.rawValue, score: (prediction.score * 10).rounded() / 10,
            cpuSecondsP50: significant(prediction.cpuSecondsP50), cpuSecondsP90: significant(prediction.cpuSecondsP90),
            memoryMB: significant(prediction.memoryMB), heavyProbability: significant(prediction.heavyProbability),
            pool: pool, contributions: explain || format == .json || format == .jsonl ? prediction.contributions : nil)
        switch format {
        case .json: rows.append(row)
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            if let data = try? encoder.encode(row) { print(String(decoding: data, as: UTF8.self)) }
        case .csv:
            if !wroteHeader {
                print("file,language,score,cpuSecondsP50,cpuSecondsP90,memoryMB,heavyProbability,pool")
                wroteHeader = true
            }
            print(
                [
                    csvField(file), row.language, "\(row.score)", "\(row.cpuSecondsP50)", "\(row.cpuSecondsP90)",
                    "\(row.memoryMB)", "\(row.heavyProbability)", pool,
                ].joined(separator: ","))
        case .table:
            if !wroteHeader {
                print(
                    pad("file", 40) + pad("language", 11) + pad("score", 7) + pad("cpuSecondsP50", 15)
                        + pad("cpuSecondsP90", 15) + pad("memoryMB", 10) + "pool")
                wroteHeader = true
            }
            print(
                pad(file, 40) + pad(row.language, 11) + pad(String(format: "%.1f", row.score), 7)
                    + pad(String(format: "%.4g", row.cpuSecondsP50), 15)
                    + pad(String(format: "%.4g", row.cpuSecondsP90), 15)
                    + pad(String(format: "%.1f", row.memoryMB), 10) + pool)
            if explain {
                let parts = prediction.contributions.map { String(format: "%@ %+.2f", $0.feature, $0.log10CPU) }
                print("    drivers (log10 CPU): " + parts.joined(separator: ", "))
            }
        }
    }

    func finish() {
        guard format == .json else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if let data = try? encoder.encode(rows) { print(String(decoding: data, as: UTF8.self)) }
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private func significant(_ value: Double) -> Double {
        guard value > 0 else { return value }
        let scale = pow(10, 4 - ceil(log10(value)))
        return (value * scale).rounded() / scale
    }

    private func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"")
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
