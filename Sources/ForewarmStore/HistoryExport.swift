import Foundation

/// Dumps the history as JSON lines or CSV.
public enum HistoryExport {
    public enum Format: String, Sendable, CaseIterable {
        case jsonl, csv
    }

    /// Writes every record to `write`, one line at a time. Returns how many records.
    @discardableResult
    public static func export(_ store: HistoryStore, format: Format, write: (String) -> Void) throws -> Int {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var count = 0
        if format == .csv { write(ExecutionRecord.columns.joined(separator: ",") + "\n") }
        try store.forEach { record in
            count += 1
            switch format {
            case .jsonl:
                let data = try encoder.encode(record)
                write(String(decoding: data, as: UTF8.self) + "\n")
            case .csv:
                write(csvRow(record) + "\n")
            }
        }
        return count
    }

    static func csvRow(_ r: ExecutionRecord) -> String {
        let iso = ISO8601DateFormatter()
        func num(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "" }
        let fields: [String] = [
            r.id, r.codeHash, r.language, "\(r.codeBytes)", r.metrics, num(r.score), num(r.cpuSecondsP50),
            r.predictedPool, r.pool ?? "", r.instance ?? "", r.instanceType ?? "", r.route, r.coldStart ? "1" : "0",
            num(r.queueMs), r.status, r.exitCode.map(String.init) ?? "", num(r.cpuMs), num(r.wallMs),
            "\(r.peakMemoryKB)", num(r.compileMs), num(r.totalMs), r.stdout, r.stderr, iso.string(from: r.createdAt),
            iso.string(from: r.finishedAt), num(r.cpuSecondsP90), num(r.predictedMemoryMB), r.modelVersion ?? "",
        ]
        return fields.map(quote).joined(separator: ",")
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
