import Foundation
import Testing

@testable import ForewarmTraces

struct TraceBuilderTests {
    static let recodexCSV = """
        submission_id;runtime_id;worker_group_id;spawn_ts;duration
        s1;rA;default;1000;1.0
        s2;rA;default;1010;5.0
        s3;rB;long;1020;100.0
        s4;rA;default;5000;3.0
        s5;rB;long;9000;200.0
        s1;rA;default;1000;1.0
        s6;rA;default;oops;1.0
        """

    static let programs = [
        TraceProgram(id: "py/fast", codePath: "/p/py/fast.py", language: "python", cpuSeconds: 0.01, memoryMB: 9),
        TraceProgram(id: "py/mid", codePath: "/p/py/mid.py", language: "python", cpuSeconds: 0.5, memoryMB: 20),
        TraceProgram(id: "py/slow", codePath: "/p/py/slow.py", language: "python", cpuSeconds: 12, memoryMB: 30),
        TraceProgram(id: "c/fast", codePath: "/p/c/fast.c", language: "c", cpuSeconds: 0.001, memoryMB: 1),
        TraceProgram(id: "c/slow", codePath: "/p/c/slow.c", language: "c", cpuSeconds: 3, memoryMB: 4),
    ]

    @Test func recodexRowsAreParsedDeduplicatedAndBadOnesCounted() {
        let (arrivals, skipped) = SourceArrivals.recodex(csvs: [Self.recodexCSV])
        #expect(arrivals.count == 5)
        #expect(skipped == 1)
        #expect(arrivals[2].group == "long")
        #expect(arrivals[2].size == 100)
        #expect(arrivals[2].languageKey == "rB")
        #expect(arrivals[2].ids["submission_id"] == "s3")
    }

    @Test func azureRowsBecomeArrivalsInSeconds() {
        let csv = """
            TIMESTAMP,ContextTokens,GeneratedTokens
            2023-11-16 18:17:03.9799600,4808,10
            2023-11-16 18:17:04.4799600,110,27
            not a time,1,1
            """
        let (arrivals, skipped) = SourceArrivals.azure(csv: csv, service: "code")
        #expect(arrivals.count == 2)
        #expect(skipped == 1)
        #expect(abs(arrivals[1].time - arrivals[0].time - 0.5) < 1e-6)
        #expect(arrivals[0].size == 4808)
        #expect(arrivals[0].languageKey == nil)
    }

    @Test func theBusiestWindowIsKeptAndTimeStartsAtZero() throws {
        let (arrivals, _) = SourceArrivals.recodex(csvs: [Self.recodexCSV])
        // 0.1 h = 360 s: the three jobs at 1000–1020 s.
        let trace = try TraceBuilder(source: "recodex", hours: 0.1).build(arrivals: arrivals, programs: Self.programs)
        #expect(trace.map(\.arrival) == [0, 10, 20])
        #expect(trace.map { $0.ids?["submission_id"] } == ["s1", "s2", "s3"])
        #expect(trace.allSatisfy { $0.source == "recodex" })
    }

    @Test func timeScaleStretchesTheGapsAndWidensTheSourceWindow() throws {
        let (arrivals, _) = SourceArrivals.recodex(csvs: [Self.recodexCSV])
        // 0.1 h of replay at 0.05 = 2 h of source: 1000…5000 s fits, 9000 s does not.
        let trace = try TraceBuilder(source: "recodex", hours: 0.1, timeScale: 0.05)
            .build(arrivals: arrivals, programs: Self.programs)
        #expect(trace.count == 4)
        #expect(abs(trace[3].arrival - 200) < 1e-9)
    }

    @Test func aLongerDurationWithinItsGroupGetsAHeavierProgram() throws {
        let (arrivals, _) = SourceArrivals.recodex(csvs: [Self.recodexCSV])
        let trace = try TraceBuilder(source: "recodex", hours: 8001.0 / 3600).build(
            arrivals: arrivals, programs: Self.programs)
        #expect(trace.count == 5)
        // One runtime per language: rA's jobs all share a language, and so do rB's.
        let byRuntime = Dictionary(grouping: trace, by: { $0.ids?["runtime_id"] ?? "" })
        #expect(Set(byRuntime["rA"]!.map(\.language)).count == 1)
        #expect(Set(byRuntime["rB"]!.map(\.language)).count == 1)
        // Within the default group, CPU follows duration: 1 s < 3 s < 5 s.
        let defaults = trace.filter { $0.ids?["worker_group_id"] == "default" }
            .sorted { Double($0.ids!["duration"]!)! < Double($1.ids!["duration"]!)! }
        #expect(defaults.map(\.cpuSeconds) == defaults.map(\.cpuSeconds).sorted())
        for record in trace {
            let program = try #require(Self.programs.first { $0.id == record.program })
            #expect(record.codePath == program.codePath)
            #expect(record.cpuSeconds == program.cpuSeconds)
            #expect(record.language == program.language)
        }
    }

    @Test func aShortSourceIsReplayedBackToBack() throws {
        let arrivals = (0..<4).map {
            SourceArrival(time: 100 + Double($0), group: "code", size: Double($0), languageKey: nil, ids: [:])
        }
        // 4 arrivals 1 s apart: a period of 3 s + 1 s mean gap, so 10 s hold 10 arrivals.
        let trace = try TraceBuilder(source: "azure-code", hours: 10.0 / 3600)
            .build(arrivals: arrivals, programs: Self.programs)
        #expect(trace.map(\.arrival) == (0..<10).map(Double.init))
    }

    @Test func theSameSeedBuildsTheSameTrace() throws {
        let (arrivals, _) = SourceArrivals.recodex(csvs: [Self.recodexCSV])
        let first = try TraceBuilder(source: "recodex", hours: 10, seed: 3).build(
            arrivals: arrivals, programs: Self.programs)
        let again = try TraceBuilder(source: "recodex", hours: 10, seed: 3).build(
            arrivals: arrivals, programs: Self.programs)
        #expect(try TraceFile.encode(first) == TraceFile.encode(again))
    }

    @Test func badOptionsAndEmptyInputsAreErrors() {
        #expect(throws: TraceError.self) {
            try TraceBuilder(source: "x", hours: 0).build(arrivals: [], programs: Self.programs)
        }
        #expect(throws: TraceError.noArrivals("x")) {
            try TraceBuilder(source: "x", hours: 1).build(arrivals: [], programs: Self.programs)
        }
        let one = [SourceArrival(time: 0, group: "g", size: 1, languageKey: nil, ids: [:])]
        #expect(throws: TraceError.self) {
            try TraceBuilder(source: "x", hours: 1).build(arrivals: one, programs: [])
        }
    }

    @Test func traceFilesRoundTripAndBadLinesNameTheLine() throws {
        let records = [
            TraceRecord(arrival: 0.5, language: "python", codePath: "/a.py", cpuSeconds: 0.1, memoryMB: 8),
            TraceRecord(arrival: 1, language: "c", code: "int main(){}", cpuSeconds: 0, memoryMB: 1),
        ]
        let text = try TraceFile.encode(records)
        #expect(try TraceFile.decode(text + "\n") == records)
        #expect(throws: TraceError.badLine(2, "missing \"cpuSeconds\"")) {
            try TraceFile.decode(#"{"arrival":0,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1}"# + "\n"
                + #"{"arrival":1,"language":"c","code":"x","memoryMB":1}"#)
        }
        #expect(throws: TraceError.badLine(1, "not a JSON object")) { try TraceFile.decode("{oops") }
        #expect(throws: TraceError.badLine(1, "arrival must be a time in seconds ≥ 0")) {
            try TraceFile.decode(#"{"arrival":-1,"language":"c","code":"x","cpuSeconds":1,"memoryMB":1}"#)
        }
        #expect(throws: TraceError.badLine(1, "needs \"codePath\" or \"code\"")) {
            try TraceFile.decode(#"{"arrival":1,"language":"c","cpuSeconds":1,"memoryMB":1}"#)
        }
    }
}
