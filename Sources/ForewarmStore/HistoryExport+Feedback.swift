import ForewarmModel
import Foundation

extension HistoryExport {
    /// One observed run as exported: the stored row with its features as numbers (code left out).
    struct ObservedRunLine: Encodable {
        var id, taskGroup, language, source, instanceType, featureSchema: String
        var cpuSeconds, memoryMB: Double
        var hitCPULimit: Bool
        var finishedAt: Date
        var input: String?
        var features: [Double]
    }

    /// Writes every observed run (the feedback loop's labeled samples). Returns how many.
    @discardableResult
    public static func exportObservedRuns(_ store: HistoryStore, format: Format, write: (String) -> Void) throws
        -> Int
    {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let iso = ISO8601DateFormatter()
        var count = 0
        if format == .csv { write(ObservedRunRecord.columns.joined(separator: ",") + "\n") }
        try store.forEachObservedRun { row in
            count += 1
            let features = FeatureSchema.unpack(row.features)
            switch format {
            case .jsonl:
                let line = ObservedRunLine(
                    id: row.id, taskGroup: row.taskGroup, language: row.language, source: row.source,
                    instanceType: row.instanceType, featureSchema: row.featureSchema, cpuSeconds: row.cpuSeconds,
                    memoryMB: row.memoryMB, hitCPULimit: row.hitCPULimit, finishedAt: row.finishedAt,
                    input: row.input, features: features)
                write(String(decoding: try encoder.encode(line), as: UTF8.self) + "\n")
            case .csv:
                let vector = String(decoding: try encoder.encode(features), as: UTF8.self)
                let fields = [
                    row.id, row.taskGroup, row.language, row.source, row.instanceType, row.featureSchema,
                    String(format: "%.6f", row.cpuSeconds), String(format: "%.3f", row.memoryMB),
                    row.hitCPULimit ? "1" : "0", iso.string(from: row.finishedAt), row.input ?? "", vector,
                ]
                write(fields.map(quote).joined(separator: ",") + "\n")
            }
        }
        return count
    }

    /// Writes every model version the feedback loop considered, with its scores. Returns how many.
    @discardableResult
    public static func exportModels(_ store: HistoryStore, format: Format, write: (String) -> Void) throws -> Int {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let iso = ISO8601DateFormatter()
        let records = try store.modelRecords()
        if format == .csv { write("version,trainedAt,trainingSamples,holdoutMAE,servingMAE,promoted\n") }
        for record in records {
            switch format {
            case .jsonl: write(String(decoding: try encoder.encode(record), as: UTF8.self) + "\n")
            case .csv:
                let fields = [
                    record.version, iso.string(from: record.trainedAt), "\(record.trainingSamples)",
                    String(format: "%.4f", record.holdoutMAE), String(format: "%.4f", record.servingMAE),
                    record.promoted ? "1" : "0",
                ]
                write(fields.map(quote).joined(separator: ",") + "\n")
            }
        }
        return records.count
    }
}
