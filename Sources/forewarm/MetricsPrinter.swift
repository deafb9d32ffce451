import ForewarmAnalysis
import Foundation

/// Prints analysis results as a table, JSON (an array of files) or CSV (one row per function).
struct MetricsPrinter {
    let format: OutputFormat
    private var jsonFiles: [FileMetrics] = []
    private var wroteHeader = false

    init(format: OutputFormat) { self.format = format }

    static let csvColumns = [
        "file", "language", "function", "start_line", "end_line", "nloc", "ccn", "cognitive", "tokens", "parameters",
        "max_nesting", "loop_depth", "loops", "calls", "recursive", "halstead_volume", "halstead_difficulty",
        "halstead_effort", "comment_lines", "blank_lines",
    ]

    mutating func add(_ file: FileMetrics, displayPath: String) {
        switch format {
        case .json:
            jsonFiles.append(file)
        case .csv:
            if !wroteHeader {
                print(Self.csvColumns.joined(separator: ","))
                wroteHeader = true
            }
            for function in file.functions {
                let fields: [String] = [
                    displayPath, file.language.rawValue, function.name, "\(function.startLine)", "\(function.endLine)",
                    "\(function.lines.code)", "\(function.cyclomatic)", "\(function.cognitive)", "\(function.tokens)",
                    "\(function.parameters)", "\(function.structure.maxNesting)", "\(function.structure.maxLoopDepth)",
                    "\(function.structure.loops)", "\(function.structure.calls)", function.isRecursive ? "1" : "0",
                    format2(function.halstead.volume), format2(function.halstead.difficulty),
                    format2(function.halstead.effort), "\(function.lines.comment)", "\(function.lines.blank)",
                ]
                print(fields.map(csvEscape).joined(separator: ","))
            }
        case .table:
            printTable(file, displayPath: displayPath)
        }
    }

    mutating func finish() {
        guard format == .json else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if let data = try? encoder.encode(jsonFiles) { print(String(decoding: data, as: UTF8.self)) }
    }

    private func printTable(_ file: FileMetrics, displayPath: String) {
        let header = ["NLOC", "CCN", "COG", "TOKENS", "PARAMS", "NEST", "LOOPS", "VOLUME", "LINES", "FUNCTION"]
        print("\(displayPath)  [\(file.language.rawValue), \(file.lines.total) lines]")
        print(header.map { pad($0, 7) }.joined())
        for function in file.functions {
            let cells = [
                "\(function.lines.code)", "\(function.cyclomatic)", "\(function.cognitive)", "\(function.tokens)",
                "\(function.parameters)", "\(function.structure.maxNesting)", "\(function.structure.loopsDescription)",
                String(format: "%.0f", function.halstead.volume), "\(function.startLine)-\(function.endLine)",
            ]
            print(cells.map { pad($0, 7) }.joined() + function.name)
        }
        print(
            "  total: \(file.functions.count) functions, NLOC \(file.lines.code), CCN \(file.cyclomatic), "
                + "cognitive \(file.cognitive), tokens \(file.tokens), Halstead volume "
                + String(format: "%.0f", file.halstead.volume) + ", max literal 10^"
                + String(format: "%.1f", file.hints.maxLiteralLog10))
        print("")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    private func format2(_ value: Double) -> String { String(format: "%.2f", value) }

    private func csvEscape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension StructureMetrics {
    /// Loops and the deepest loop nesting, as `loops/depth`.
    var loopsDescription: String { "\(loops)/\(maxLoopDepth)" }
}
