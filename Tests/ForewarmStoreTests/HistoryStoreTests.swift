import ForewarmTestSupport
import Foundation
import Testing

@testable import ForewarmStore

struct HistoryStoreTests {
    static func sample(_ id: String, stdout: String = "hi\n") -> ExecutionRecord {
        ExecutionRecord(
            id: id, codeHash: "abc", language: "python", codeBytes: 14, metrics: "{\"lines\":1}", score: 12.5,
            cpuSecondsP50: nil, predictedPool: "lightweight", pool: "lightweight", instance: "lightweight-python-1",
            instanceType: "sandbox.small", route: "warm", coldStart: false, queueMs: 0.1, status: "ok", exitCode: 0,
            cpuMs: 1.5, wallMs: 2.5, peakMemoryKB: 12000, compileMs: nil, totalMs: 3.0, stdout: stdout, stderr: "",
            createdAt: Date(timeIntervalSince1970: 1_700_000_000),
            finishedAt: Date(timeIntervalSince1970: 1_700_000_001))
    }

    @Test func recordsSurviveReopeningInWALMode() throws {
        let scratch = try ScratchDirectory(prefix: "fw-store")
        defer { scratch.remove() }
        let path = scratch.path("history.sqlite")
        do {
            let store = try HistoryStore(path: path)
            #expect(store.journalMode == "wal")
            try store.record(Self.sample("a"))
            try store.record(Self.sample("b"))
        }
        let reopened = try HistoryStore(path: path)
        #expect(try reopened.count() == 2)
        #expect(try reopened.execution(id: "a") == Self.sample("a"))
        #expect(try reopened.execution(id: "zzz") == nil)
        #expect(try reopened.integrityCheck() == "ok")
    }

    @Test func exportsJSONLinesAndCSV() throws {
        let scratch = try ScratchDirectory(prefix: "fw-store")
        defer { scratch.remove() }
        let store = try HistoryStore(path: scratch.path("history.sqlite"))
        try store.record(Self.sample("a", stdout: "with, comma \"and\" quote\n"))
        try store.record(Self.sample("b"))
        var jsonl = ""
        #expect(try HistoryExport.export(store, format: .jsonl) { jsonl += $0 } == 2)
        let lines = jsonl.split(separator: "\n")
        #expect(lines.count == 2)
        let decoded = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(decoded?["id"] as? String == "a")
        var csv = ""
        try HistoryExport.export(store, format: .csv) { csv += $0 }
        #expect(csv.hasPrefix("id,codeHash,language"))
        #expect(csv.contains("\"with, comma \"\"and\"\" quote\n\""))
    }
}

struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex("".utf8) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1000).utf8)
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
