import ArgumentParser
import ForewarmDatasets
import ForewarmModel
import Foundation

/// `forewarm evaluate`: task-grouped cross-validation of the model against baselines on labeled corpora.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cross-validate the demand model (split by task) against baselines on labeled corpora.",
        discussion: """
            Reports, overall and per language: Spearman of predicted vs measured CPU, MAE of log10 CPU seconds,
            and precision, recall and AUC for the heavy class (≥ 1 s CPU, the CPU limit, or ≥ 512 MB).
            """)

    @Option(
        name: .long, parsing: .upToNextOption,
        help: "Labeled corpora (Rosetta labels folder or a fixture folder with index.jsonl).")
    var data: [String] = ["../shared/data/labels"]

    @Option(help: "Cross-validation folds (tasks never straddle folds).")
    var folds = 5

    @Option(help: "Another task-grouped split (0: the documented one), to check that a difference is not luck.")
    var foldSeed = 0

    @OptionGroup var boosting: BoostingOptions

    @Flag(help: "Also print every predictor's per-language rows.")
    var perLanguage = false

    @Option(
        help: """
            Instead of cross-validation, score a trained model's ranking of programs within each problem of a corpus         measured elsewhere (CodeNet/PIE judge times), against lines of code, cyclomatic complexity and Halstead volume.
            """)
    var withinProblem: String?

    @Option(help: "Model for --within-problem (default: the shipped model).")
    var model: String?

    @Option(help: "Write every sample's out-of-fold prediction here (JSON lines).")
    var predictions: String?

    @Option(name: .shortAndLong, help: "Output format: table or json.")
    var format: OutputFormat = .table

    func run() throws {
        if let withinProblem {
            try rankWithinProblems(withinProblem)
            return
        }
        let start = Date()
        let samples = Datasets.samples(try Datasets.load(data))
        guard !samples.isEmpty else { throw CLIError.input("no labeled programs in \(data.joined(separator: " "))") }
        var validation = CrossValidation(folds: folds, parameters: boosting.parameters)
        validation.foldSeed = foldSeed
        var report = validation.run(samples)
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

extension Evaluate {
    func rankWithinProblems(_ directory: String) throws {
        guard CodeNetPIE.recognizes(directory) else { throw CLIError.input("\(directory): no programs/programs.csv") }
        let samples = Datasets.samples(try CodeNetPIE.load(directory))
        let predictor = DemandPredictor(
            model: try model.map(DemandModel.load(path:)) ?? DemandModel.shipped(),
            contributions: 0)
        let predicted = samples.map { predictor.predict(features: $0.features, language: $0.language).cpuSecondsP50 }
        var rows = [
            WithinGroupRanking(
                predictor: "boosted trees (\(predictor.model.version))", samples: samples,
                scores: predicted)
        ]
        for (name, feature) in [
            ("lines of code", "code_lines_log"), ("cyclomatic complexity", "cyclomatic_log"),
            ("Halstead volume", "halstead_volume_log"),
        ] {
            let column = FeatureExtractor.names.firstIndex(of: feature) ?? 0
            rows.append(
                WithinGroupRanking(predictor: name, samples: samples, scores: samples.map { $0.features[column] }))
        }
        if format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            return
        }
        print(
            "\(rows[0].programs) programs in \(rows[0].groups) problems (≥ 3 programs each); judge CPU on unseen inputs"
        )
        print("")
        print("| predictor | mean within-problem Spearman | pairs ordered right (≥ 2× apart) |")
        print("|---|---|---|")
        for row in rows {
            print(
                "| \(row.predictor) | \(row.meanSpearman.map { String(format: "%.3f", $0) } ?? "—") | "
                    + "\(row.pairAccuracy.map { String(format: "%.3f", $0) } ?? "—") |")
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

    @Option(help: "L2 penalty of the word lexicon (in programs).")
    var lexiconLambda = BoostingParameters().lexiconLambda

    @Option(help: "Log-odds of P(heavy) added per decade of predicted p90 CPU above 1 s (0: the classifier alone).")
    var heavyP90Weight = BoostingParameters().heavyP90Weight

    @Option(help: "Width in decades of the heavy classifier's soft labels (0: hard 0/1 labels).")
    var heavySoftness = BoostingParameters().heavySoftness

    var parameters: BoostingParameters {
        var parameters = BoostingParameters()
        parameters.trees = trees
        parameters.maxDepth = depth
        parameters.learningRate = learningRate
        parameters.minSamplesLeaf = minLeaf
        parameters.lexiconLambda = lexiconLambda
        parameters.heavyP90Weight = heavyP90Weight
        parameters.heavySoftness = heavySoftness
        return parameters
    }
}
