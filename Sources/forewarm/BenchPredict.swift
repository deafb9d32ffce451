import ArgumentParser
import Dispatch
import ForewarmAnalysis
import ForewarmModel
import Foundation

/// `forewarm bench predict DIR`: per-snippet latency of a whole prediction (analysis, features, trees, score,
/// contributions) and the model's load time.
struct BenchPredict: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Measure prediction latency (analysis included) on snippets cut from a corpus, and model load time.")

    @Argument(help: "Folders or files to cut snippets from (every supported language).")
    var paths: [String]

    @Option(help: "Snippet size in bytes.")
    var snippetBytes = 4096

    @Option(help: "Predictions to time.")
    var snippets = 20_000

    @Option(help: "Model file (default: the shipped model).")
    var model: String?

    @Option(
        help: ArgumentHelp(
            "Instead of timing, write every file's exact prediction and a checksum of its features to this file.",
            discussion: "One line per file, doubles printed so they round-trip: diff two dumps to prove that a"
                + " change to the model's code leaves every prediction bit for bit as it was."))
    var dump: String?

    func run() throws {
        if let dump {
            let loaded = try model.map(DemandModel.load(path:)) ?? DemandModel.shipped()
            try PredictionDump.write(paths: paths, model: loaded, to: dump)
            return
        }
        var loads: [Double] = []
        var loaded: DemandModel?
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            loaded = try model.map(DemandModel.load(path:)) ?? DemandModel.shipped()
            loads.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        guard let loaded else { return }

        print(
            String(
                format: "model load: best %.1f ms, first %.1f ms (%d trees)", loads.min() ?? 0, loads[0],
                loaded.cpuP50.trees.count + loaded.cpuP90.trees.count + loaded.memory.trees.count
                    + loaded.heavy.trees.count))
        let data = try loaded.encoded()
        var decodes: [Double] = []
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try DemandModel.decode(data)
            decodes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        print(String(format: "  of which decoding: best %.1f ms", decodes.min() ?? 0))
        let pieces = try BenchSnippets.cut(paths: paths, size: snippetBytes)
        guard !pieces.isEmpty else { throw CLIError.input("no snippets of \(snippetBytes / 2)+ bytes found") }
        var predictor = DemandPredictor(model: loaded)
        var analysisOnly = Analyzer()
        var total: [Double] = []
        var again: [Double] = []
        var analysis: [Double] = []
        var featuresTime: [Double] = []
        var modelTime: [Double] = []
        let extractor = FeatureExtractor()
        total.reserveCapacity(snippets)
        again.reserveCapacity(snippets)
        analysis.reserveCapacity(snippets)
        featuresTime.reserveCapacity(snippets)
        modelTime.reserveCapacity(snippets)
        var checksum = 0.0
        for index in 0..<snippets {
            let piece = pieces[index % pieces.count]
            // A new snippet, then the same one again.
            checksum += BenchSnippets.timed(into: &total) {
                predictor.predict(code: piece.bytes, language: piece.language).score
            }
            checksum += BenchSnippets.timed(into: &again) {
                predictor.predict(code: piece.bytes, language: piece.language).score
            }
            // Stage by stage, on the snippet half the sample away: it too has not been seen for hundreds of
            // predictions, so the stages are timed as a new snippet meets them.
            let other = pieces[(index + pieces.count / 2) % pieces.count]
            let metrics = BenchSnippets.timed(into: &analysis) {
                analysisOnly.analyze(other.bytes, language: other.language)
            }
            let x = BenchSnippets.timed(into: &featuresTime) { extractor.features(metrics, source: other.bytes) }
            checksum += BenchSnippets.timed(into: &modelTime) {
                predictor.predict(features: x, language: other.language).score
            }
        }
        print("\(pieces.count) distinct snippets of \(snippetBytes) bytes, \(snippets) predictions (1 core)")
        print(line("prediction of a new snippet (analysis included)", total.sorted()))
        print(line("the same snippet again (its branches and bytes now warm)", again.sorted()))
        print("a new snippet, stage by stage:")
        print(line("  analysis", analysis.sorted()))
        print(line("  features", featuresTime.sorted()))
        print(line("  trees, score, contributions", modelTime.sorted()))
        print("prediction of a new snippet, by language:")
        var byLanguage: [Language: [Double]] = [:]
        for (index, time) in total.enumerated() {
            byLanguage[pieces[index % pieces.count].language, default: []].append(time)
        }
        for (language, times) in byLanguage.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            print(line("  \(language.rawValue) (\(times.count))", times.sorted()))
        }
        if checksum.isNaN { print("") }
    }

    private func line(_ label: String, _ sorted: [Double]) -> String {
        "\(label): " + BenchSnippets.summary(sorted)
    }
}
