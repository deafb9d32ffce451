import ForewarmAnalysis
import ForewarmModel
import ForewarmTestSupport
import Foundation
import GRDB
import Testing

@testable import ForewarmStore

/// The store as the feedback loop's `ModelHistory`: observed runs and model versions survive reopening.
struct ModelHistoryStoreTests {
    static let programs: [(String, Language, Double)] = [
        ("print('hi')\n", .python, 0.012),
        ("total = 0\nfor i in range(10**7):\n    total += i\nprint(total)\n", .python, 0.9),
        ("puts 1\n", .ruby, 0.04),
        ("my $s = 0; $s += $_ for 1..5_000_000; print $s;\n", .perl, 0.3),
    ]

    static func runs(start: Date) -> [(ObservedRun, String)] {
        var analyzer = Analyzer()
        let extractor = FeatureExtractor()
        return programs.enumerated().map { index, program in
            let bytes = Array(program.0.utf8)
            let metrics = analyzer.analyze(bytes, language: program.1)
            let sample = LabeledSample(
                id: "run-\(index)", group: "task-\(index)", language: program.1,
                features: extractor.features(metrics, source: bytes), cpuSeconds: program.2,
                memoryMB: 10 + Double(index),
                source: "gateway")
            // Whole milliseconds: SQLite keeps dates to the millisecond.
            return (
                ObservedRun(
                    sample: sample, instanceType: "sandbox.small", finishedAt: start.addingTimeInterval(Double(index))),
                program.0
            )
        }
    }

    @Test func observedRunsAndModelVersionsSurviveReopening() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-store")
        defer { scratch.remove() }
        let path = scratch.path("history.sqlite")
        let runs = Self.runs(start: Date(timeIntervalSince1970: 1_800_000_000))
        var parameters = BoostingParameters()
        parameters.trees = 5
        parameters.minSamplesLeaf = 1
        let model = DemandModel.train(runs.map(\.0.sample), parameters: parameters, version: "test-1")
        let first = ModelRecord(
            version: "test-0", trainedAt: Date(timeIntervalSince1970: 1_800_000_100), trainingSamples: 4,
            holdoutMAE: 0.5, servingMAE: 0.4, promoted: false)
        let second = ModelRecord(
            version: "test-1", trainedAt: Date(timeIntervalSince1970: 1_800_000_200), trainingSamples: 4,
            holdoutMAE: 0.3, servingMAE: 0.4, promoted: true)
        do {
            let store = try HistoryStore(path: path)
            let history: any ModelHistory = store
            #expect(try await history.servingModel() == nil)
            for (run, code) in runs { try store.record(run, code: code, input: RequestInput.none) }
            try await history.record(model: model, as: first)
            try await history.record(model: model, as: second)
        }
        let reopened: any ModelHistory = try HistoryStore(path: path)
        let back = try await reopened.recentRuns(limit: 10)
        #expect(back == runs.map(\.0))
        #expect(try await reopened.recentRuns(limit: 2) == runs.suffix(2).map(\.0))
        #expect(try await reopened.modelRecords() == [first, second])
        #expect(try await reopened.servingModel() == model)
    }

    @Test func featuresFromAnotherBuildAreRecomputedFromTheCode() throws {
        let scratch = try ScratchDirectory(prefix: "fw-store")
        defer { scratch.remove() }
        let path = scratch.path("history.sqlite")
        let store = try HistoryStore(path: path)
        let runs = Self.runs(start: Date(timeIntervalSince1970: 1_800_000_000))
        try store.record(runs[1].0, code: runs[1].1, input: RequestInput.none)
        try store.record(runs[2].0)  // no code kept
        // As if an older build with another feature set had written them, with garbage vectors.
        try store.database.write { db in
            try db.execute(sql: "UPDATE observed_runs SET featureSchema = 'old', features = x'00'")
        }
        let back = try store.recentRuns(limit: 10)
        #expect(back.count == 1)  // the run without code cannot be used any more
        #expect(back.first?.sample.features == runs[1].0.sample.features)
        #expect(try store.observedRunCount() == 2)
        var jsonl = ""
        #expect(try HistoryExport.exportObservedRuns(store, format: .jsonl) { jsonl += $0 } == 2)
        #expect(jsonl.contains("\"taskGroup\":\"task-1\""))
    }

    @Test func anIncompatibleStoredModelIsAClearError() throws {
        let scratch = try ScratchDirectory(prefix: "fw-store")
        defer { scratch.remove() }
        let store = try HistoryStore(path: scratch.path("history.sqlite"))
        try store.database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO model_versions (version, trainedAt, trainingSamples, holdoutMAE, servingMAE, promoted, model)
                    VALUES ('broken', '2026-01-01 00:00:00.000', 1, 0, 0, 1, x'7b7d')
                    """)
        }
        #expect(throws: ModelError.self) { try store.servingModel() }
        #expect(try store.modelRecords().map(\.version) == ["broken"])
    }
}
