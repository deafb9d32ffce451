import Foundation

extension HistoryExport {
    /// Writes every directive the live controller applied, oldest first, with its reason. Returns how many.
    @discardableResult
    public static func exportDirectives(_ store: HistoryStore, format: Format, write: (String) -> Void) throws -> Int {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let iso = ISO8601DateFormatter()
        let rows = try store.directives(limit: Int.max).reversed()
        if format == .csv { write("id,createdAt,policy,pool,action,instances,instanceType,languages,reason\n") }
        for row in rows {
            switch format {
            case .jsonl: write(String(decoding: try encoder.encode(row), as: UTF8.self) + "\n")
            case .csv:
                let fields = [
                    "\(row.id ?? 0)", iso.string(from: row.createdAt), row.policy, row.pool, row.action,
                    "\(row.instances)", row.instanceType ?? "", row.languages, row.reason,
                ]
                write(fields.map(quote).joined(separator: ",") + "\n")
            }
        }
        return rows.count
    }
}
