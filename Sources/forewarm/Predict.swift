import ArgumentParser
import ForewarmAnalysis
import ForewarmModel
import Foundation

/// `forewarm predict`: predicted CPU, memory, score and pool per file.
struct Predict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Predict each file's CPU time (p50, p90), peak memory, complexity score and pool.",
        discussion: """
            The score maps predicted p50 CPU time log-linearly from 1 ms (0) to 60 s (100). Pools come from
            --pools (default small:40,medium:70,large). Folders are searched recursively; `-` reads stdin.
            """)

    @Option(name: .shortAndLong, help: "Language of every input (default: detect from the name, else the content).")
    var language: String?

    @Option(help: "A file given to the program as standard input (its size and numbers are features).")
    var stdin: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Arguments the program will be run with.")
    var args: [String] = []

    @Option(help: "Model file (default: the shipped model).")
    var model: String?

    @Option(help: "Pools by score: name:bound,... (a program goes to the first pool whose bound exceeds its score).")
    var pools = "small:40,medium:70,large"

    @Flag(help: "Show the features that drove each prediction.")
    var explain = false

    @Option(name: .shortAndLong, help: "Output format: table, json, jsonl or csv.")
    var format: PredictionFormat = .table

    @Argument(help: "Files or folders; `-` for standard input.")
    var paths: [String]

    func validate() throws {
        if let language, Language(name: language) == nil {
            throw ValidationError(
                "unknown language '\(language)'; known: \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if PoolThresholds(parsing: pools) == nil {
            throw ValidationError("--pools must look like small:40,medium:70,large")
        }
    }

    func run() throws {
        let language = language.flatMap(Language.init(name:))
        let thresholds = PoolThresholds(parsing: pools) ?? .default
        var input = RequestInput(arguments: args)
        if let stdin {
            guard let data = FileManager.default.contents(atPath: stdin) else {
                throw CLIError.input("\(stdin): cannot read")
            }
            input = RequestInput(stdin: Array(data), arguments: args)
        }
        var predictor = DemandPredictor(model: try model.map(DemandModel.load(path:)) ?? DemandModel.shipped())
        var printer = PredictionPrinter(format: format, explain: explain)
        var failures = 0
        for path in paths {
            do {
                for source in try SourceFiles.expand([path], language: language) {
                    let bytes = try SourceFiles.read(source)
                    let prediction = predictor.predict(
                        code: bytes, language: language,
                        path: source.isStandardInput ? nil : source.path, input: input)
                    printer.add(file: source.path, prediction, pool: thresholds.pool(forScore: prediction.score))
                }
            } catch {
                FileHandle.standardError.write(Data("forewarm: \(error)\n".utf8))
                failures += 1
            }
        }
        printer.finish()
        if failures > 0 { throw ExitCode(1) }
    }
}

enum PredictionFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, jsonl, csv
}
