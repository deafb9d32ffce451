import ArgumentParser
import Foundation
import ForewarmDatasets
import ForewarmModel

/// `forewarm evaluate`: task-grouped cross-validation of the model against baselines on labeled corpora.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cross-validate the demand model (split by task) against baselines on labeled corpora.",
        discussion: """
            Reports, overall and per language: Spearman of predicted vs measured CPU, MAE of log10 CPU seconds,
            and precision, recall and AUC for the heavy class (≥ 1 s CPU, the CPU limit, or ≥ 512 MB).
            """)

    @Option(name: .long, parsing: .upToNextOption,
        help: "Labeled corpora (Rosetta labels folder or a fixture folder with index.jsonl).")
    var data: [String] = ["../shared/data/labels"]

    @Option(help: "Cross-validation folds (tasks never straddle folds).")
    var folds = 5

    @OptionGroup var boosting: BoostingOptions

    @Flag(help: "Also print every predictor's per-language rows.")
    var perLanguage = false

    @Option(help: "Write every sample's out-of-fold prediction here (JSON lines).")
    var predictions: String?

    @Option(name: .shortAndLong, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() throws {
        let start = Date()
        let samples = Datasets.samples(try Datasets.load(data))
        guard !samples.isEmpty else { throw CLIError.input("no labeled programs in \(data.joined(separator: " "))") }
        var report = CrossValidation(folds: folds, parameters: boosting.parameters).run(samples)
        if let predictions {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var lines = Data()
            for row in report.outOfFold {
                lines += try encoder.encode(row)
                lines.append(UInt8(ascii: "\n"))
            }
            guard FileManager.default.createFile(atPath: predictions, contents: lines) else {
                throw CLIError.input("cannot write \(predictions)")
            }
        }
        report.outOfFold = []
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .table, .csv:
            print(EvaluationTable(report: report).render(perLanguage: perLanguage))
            print(String(format: "(%.1f s)", Date().timeIntervalSince(start)))
        }
    }
}

/// Options of the boosted trees, shared by `train` and `evaluate`.
struct BoostingOptions: ParsableArguments {
    @Option(help: "Trees per ensemble.")
    var trees = BoostingParameters().trees

    @Option(help: "Maximum tree depth.")
    var depth = BoostingParameters().maxDepth

    @Option(help: "Learning rate.")
    var learningRate = BoostingParameters().learningRate

    @Option(help: "Minimum samples per leaf.")
    var minLeaf = BoostingParameters().minSamplesLeaf

    var parameters: BoostingParameters {
        var parameters = BoostingParameters()
        parameters.trees = trees
        parameters.maxDepth = depth
        parameters.learningRate = learningRate
        parameters.minSamplesLeaf = minLeaf
        return parameters
    }
}
