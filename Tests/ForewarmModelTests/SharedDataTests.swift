import ForewarmAnalysis
import ForewarmDatasets
import ForewarmModel
import Foundation
import Testing

/// Loads the real labeled corpora of `../shared/data` when they are present (skipped, with a message, otherwise).
@Suite struct SharedDataTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data").path

    static func present(_ folder: String) -> Bool {
        let exists = FileManager.default.fileExists(atPath: (shared as NSString).appendingPathComponent(folder))
        if !exists {
            print("skipping: \(shared)/\(folder) is absent (the real labeled corpora are not on this machine)")
        }
        return exists
    }

    @Test func rosettaLabelsKeepOkTimeoutAndMemoryRuns() throws {
        guard Self.present("labels") else { return }
        let programs = try RosettaLabels.load((Self.shared as NSString).appendingPathComponent("labels"))
        // 2,834 ok + 84 CPU-limit + 3 OOM, and the 5 wall timeouts that burned ≥ 5 s of CPU flooding output.
        #expect(programs.count == 2926)
        #expect(programs.filter(\.hitCPULimit).count == 89)
        #expect(programs.allSatisfy { $0.cpuSeconds >= 0 && $0.group.hasPrefix("rosetta:") })
        #expect(programs.filter(\.hitCPULimit).allSatisfy { $0.cpuSeconds >= 10 })
    }

    @Test func benchmarksGameTakesTheWorkloadAsAnArgument() throws {
        guard Self.present("benchmarksgame") else { return }
        let programs = try BenchmarksGame.load((Self.shared as NSString).appendingPathComponent("benchmarksgame"))
        #expect(programs.count > 1000)
        #expect(programs.allSatisfy { $0.input.arguments == 1 })
        #expect(Set(programs.map(\.group)).count == 11)
    }

    @Test func codeNetIsPythonGroupedByProblem() throws {
        guard Self.present("codenet_pie") else { return }
        let programs = try CodeNetPIE.load((Self.shared as NSString).appendingPathComponent("codenet_pie"))
        #expect(programs.count == 1989)
        #expect(programs.allSatisfy { $0.language == .python && $0.group.hasPrefix("codenet:") })
    }

    @Test func shippedModelFitsTheFeaturesOfItsTrainingPrograms() throws {
        guard Self.present("labels") else { return }
        let programs = try RosettaLabels.load((Self.shared as NSString).appendingPathComponent("labels"))
        let samples = Datasets.samples(Array(programs.prefix(400)))
        let predictor = DemandPredictor(model: try DemandModel.shipped(), contributions: 0)
        let predicted = samples.map {
            log10(predictor.predict(features: $0.features, language: $0.language).cpuSecondsP50)
        }
        // In-sample (the shipped model saw these): a sanity check that features match the model, not an evaluation.
        #expect((RankMetrics.spearman(predicted, samples.map(\.cpuLog10)) ?? 0) > 0.8)
    }
}
