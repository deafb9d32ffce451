import ForewarmTestSupport
import Foundation
import Testing

@testable import ForewarmStore

/// The live controller's directives survive reopening and export oldest first, reason included.
struct DirectiveStoreTests {
    @Test func directivesRoundTripAndExport() throws {
        let scratch = try ScratchDirectory(prefix: "fw-dir")
        defer { scratch.remove() }
        let path = scratch.path("history.sqlite")
        do {
            let store = try HistoryStore(path: path)
            for (index, pool) in ["lightweight", "heavyweight"].enumerated() {
                try store.record(
                    DirectiveRecord(
                        policy: "forewarm", pool: pool, action: "maintain", instances: 3 + index,
                        instanceType: index == 0 ? nil : "sandbox.large", languages: #"{"python":3}"#,
                        reason: "forecast p90, \"quoted\"",
                        createdAt: Date(timeIntervalSince1970: 1_000 + Double(index))))
            }
        }
        let reopened = try HistoryStore(path: path)
        let newestFirst = try reopened.directives(limit: 10)
        #expect(newestFirst.map(\.pool) == ["heavyweight", "lightweight"])
        #expect(newestFirst.first?.instanceType == "sandbox.large")
        #expect(try reopened.directives(limit: 1).count == 1)
        var lines: [String] = []
        #expect(try HistoryExport.exportDirectives(reopened, format: .csv) { lines.append($0) } == 2)
        #expect(lines.first?.hasPrefix("id,createdAt,policy,pool") == true)
        #expect(lines[1].contains("lightweight") && lines[1].contains(#""forecast p90, ""quoted""""#))
        var json: [String] = []
        try HistoryExport.exportDirectives(reopened, format: .jsonl) { json.append($0) }
        #expect(json.count == 2 && json[0].contains(#""instances":3"#))
    }
}
