import Foundation
import Testing

@testable import ForewarmTraces

struct TraceDecoderTests {
    static let full = TraceRecord(
        arrival: 12.345678901234567, language: "python", codePath: "../shared/data/rosettacode/a b/é.py",
        code: "print(\"hi\")\n\tx = '\\\\' # ☃ 𝄞 \u{7}", program: "programs/python/a.py", cpuSeconds: 0.086404,
        memoryMB: 9.11328125, source: "azure-code",
        ids: ["row": "2", "timestamp": "2023-11-16 18:17:03.9799600", "quote\"d": "sla/sh"])

    /// Decodes `text` fed in pieces of `size` bytes (a chunk boundary may fall anywhere in a line).
    static func decode(_ text: String, chunk size: Int) throws -> [TraceRecord] {
        var decoder = TraceDecoder()
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(start + size, bytes.count)
            try decoder.feed(bytes[start..<end])
            start = end
        }
        return try decoder.finish()
    }

    @Test func everyFieldRoundTripsThroughTheEncoder() throws {
        let minimal = TraceRecord(arrival: 0, language: "c", code: "", cpuSeconds: 0, memoryMB: 0)
        let records = [
            Self.full, minimal,
            TraceRecord(arrival: 1e-7, language: "go", codePath: "/x.go", cpuSeconds: 3e5, memoryMB: 1),
        ]
        let text = try TraceFile.encode(records)
        #expect(try TraceFile.decode(text) == records)
        // Each value equals what JSONDecoder makes of the same line.
        let decoder = JSONDecoder()
        for line in text.split(separator: "\n") {
            let expected = try decoder.decode(TraceRecord.self, from: Data(line.utf8))
            #expect(try TraceFile.decode(String(line)) == [expected])
        }
    }

    @Test(arguments: [1, 2, 7, 64, 4096])
    func chunkBoundariesAnywhereGiveTheSameRecords(size: Int) throws {
        let records =
            (0..<20).map {
                TraceRecord(
                    arrival: Double($0) * 0.37, language: "ruby", codePath: "/p/\($0).rb",
                    cpuSeconds: 0.01 * Double($0),
                    memoryMB: 4, ids: ["row": "\($0)"])
            } + [Self.full]
        let text = try TraceFile.encode(records)
        #expect(try Self.decode(text, chunk: size) == records)
        #expect(try Self.decode(String(text.dropLast()), chunk: size) == records)  // no final newline
    }

    @Test func whitespaceEscapesNumbersNullsAndUnknownKeysAreJSON() throws {
        let line =
            #"  { "memoryMB" : 2E1 , "cpuSeconds":-0.0,"arrival":1.5e+2, "language":"c\u0061","code":null,"#
            + #""codePath":"\/a\ud834\udd1e.c","program":null,"ids":null,"extra":{"a":[1,true,false,null,"x",{}]},"#
            + #""more":[] }  "# + "\r"
        let record = try #require(try TraceFile.decode(line).first)
        #expect(record.arrival == 150)
        #expect(record.memoryMB == 20)
        #expect(record.cpuSeconds == 0)
        #expect(record.language == "ca")
        #expect(record.code == nil)
        #expect(record.codePath == "/a𝄞.c")
        #expect(record.program == nil && record.ids == nil && record.source == nil)
        let expected = try JSONDecoder().decode(TraceRecord.self, from: Data(line.utf8))
        #expect(record == expected)
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let good = #"{"arrival":1,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1}"#
        #expect(try TraceFile.decode("\n  \n\t\r\n" + good + "\n\n").count == 1)
        #expect(try TraceFile.decode("").isEmpty)
        #expect(throws: TraceError.badLine(4, "not a JSON object")) { try TraceFile.decode("\n \n\(good)\n{") }
    }

    @Test(arguments: [
        (#"{"arrival":1,"language":"c","code":"x","memoryMB":1}"#, #"missing "cpuSeconds""#),
        (#"{"language":"c","code":"x","cpuSeconds":1}"#, #"missing "arrival""#),
        (#"{}"#, #"missing "arrival""#),
        (#"{"arrival":"1","language":"c","code":"x","cpuSeconds":1,"memoryMB":1}"#, #""arrival" has the wrong type"#),
        (#"{"arrival":null,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1}"#, #""arrival" has the wrong type"#),
        (#"{"arrival":1,"language":3,"code":"x","cpuSeconds":1,"memoryMB":1}"#, #""language" has the wrong type"#),
        (#"{"arrival":1,"language":"c","code":[],"cpuSeconds":1,"memoryMB":1}"#, #""code" has the wrong type"#),
        (
            #"{"arrival":1,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1,"ids":{"row":2}}"#,
            #""ids.row" has the wrong type"#
        ),
        (
            #"{"arrival":1,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1,"ids":[]}"#,
            #""ids" has the wrong type"#
        ),
        (
            #"{"arrival":-1,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1}"#,
            "arrival must be a time in seconds ≥ 0"
        ),
        (
            #"{"arrival":1,"language":"c","code":"x","cpuSeconds":-1,"memoryMB":1}"#,
            "cpuSeconds and memoryMB must be numbers ≥ 0"
        ),
        (#"{"arrival":1,"language":"c","cpuSeconds":1,"memoryMB":1}"#, #"needs "codePath" or "code""#),
        (#"{oops"#, "not a JSON object"),
        (#"[1]"#, "not a JSON object"),
        (#"{"arrival":1,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1} x"#, "not a JSON object"),
        (#"{"arrival":1,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1,}"#, "not a JSON object"),
        (#"{"arrival":01,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1}"#, "not a JSON object"),
        (#"{"arrival":1.,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1}"#, "not a JSON object"),
        (#"{"arrival":1,"language":"c","code":"\q","cpuSeconds":1,"memoryMB":1}"#, "not a JSON object"),
        (#"{"arrival":1,"language":"c","code":"\ud834","cpuSeconds":1,"memoryMB":1}"#, "not a JSON object"),
        (#"{"arrival":1,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1,"z":tru}"#, "not a JSON object"),
        // A syntax error anywhere wins over a missing or mistyped field, as with JSONDecoder.
        (#"{"arrival":"1","language":"c","code":"x" "cpuSeconds":1}"#, "not a JSON object"),
    ])
    func badLinesNameTheLineAndTheReason(line: String, reason: String) {
        let good = #"{"arrival":0,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1}"#
        #expect(throws: TraceError.badLine(3, reason)) { try TraceFile.decode(good + "\n\n" + line + "\n" + good) }
        #expect(throws: TraceError.badLine(3, reason)) { try Self.decode(good + "\n\n" + line + "\n" + good, chunk: 5) }
    }

    @Test func invalidUTF8AndRawControlCharactersAreErrors() throws {
        var bytes = Array(#"{"arrival":1,"language":"c","code":"x"#.utf8) + [0xFF]
        bytes += Array(#"","cpuSeconds":1,"memoryMB":1}"#.utf8)
        var decoder = TraceDecoder()
        #expect(throws: TraceError.badLine(1, "not a JSON object")) {
            try decoder.feed(bytes)
            _ = try decoder.finish()
        }
        #expect(throws: TraceError.badLine(1, "not a JSON object")) {
            try TraceFile.decode("{\"arrival\":1,\"language\":\"c\",\"code\":\"a\tb\",\"cpuSeconds\":1,\"memoryMB\":1}")
        }
    }

    @Test func repeatedValuesDecodeTheSameEveryTime() throws {
        // The decoder remembers values by their bytes; a repeat must give the same record, and a bad repeat the error.
        let records = (0..<5).map {
            TraceRecord(
                arrival: Double($0), language: "python", codePath: "/same.py", cpuSeconds: 1, memoryMB: 2,
                source: "azure-code", ids: ["row": "7", "note": "a\"b"])
        }
        let text = try TraceFile.encode(records)
        #expect(try Self.decode(text + text, chunk: 33) == records + records)
        let bad = #"{"arrival":1,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1,"ids":{"row":7}}"#
        #expect(throws: TraceError.badLine(2, #""ids.row" has the wrong type"#)) {
            try TraceFile.decode(text.split(separator: "\n")[0] + "\n" + bad + "\n" + bad)
        }
    }

    @Test func deepNestingInAnUnknownKeyIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: TraceError.badLine(1, "not a JSON object")) {
            try TraceFile.decode(#"{"arrival":1,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1,"z":"# + deep)
        }
    }
}
