import ArgumentParser
import ForewarmAnalysis
import Foundation

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure source files: per-function complexity, Halstead, structure and demand hints.",
        discussion: """
            Folders are searched recursively for source files. `-` reads standard input.
            Exit codes: 0 success, 1 some inputs failed (each named on stderr), 2 usage error.
            With --compare-lizard, runs lizard over the same inputs and reports per-language agreement instead.
            """)

    @Option(name: .shortAndLong, help: "Language of every input (default: detect from the name, else the content).")
    var language: String?

    @Option(name: .shortAndLong, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Flag(help: "Compare per-function cyclomatic complexity with lizard's on the same files.")
    var compareLizard = false

    @Option(help: "The lizard command to compare with.")
    var lizard = "lizard"

    @Argument(help: "Files or folders to analyze; `-` for standard input.")
    var paths: [String]

    func validate() throws {
        if let language, Language(name: language) == nil {
            throw ValidationError(
                "unknown language '\(language)'; known: \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let language = language.flatMap(Language.init(name:))
        var failures = 0
        var inputs: [SourceInput] = []
        for path in paths {
            do {
                inputs += try SourceFiles.expand([path], language: language)
            } catch {
                FileHandle.standardError.write(Data("forewarm: \(error)\n".utf8))
                failures += 1
            }
        }
        if compareLizard {
            try LizardAgreement.run(inputs: inputs, lizard: lizard, format: format)
            if failures > 0 { throw ExitCode(1) }
            return
        }
        var analyzer = Analyzer()
        var printer = MetricsPrinter(format: format)
        for input in inputs {
            do {
                let bytes = try SourceFiles.read(input)
                let metrics = analyzer.analyze(
                    bytes, language: language, path: input.isStandardInput ? nil : input.path)
                printer.add(metrics, displayPath: input.path)
            } catch {
                FileHandle.standardError.write(Data("forewarm: \(error)\n".utf8))
                failures += 1
            }
        }
        printer.finish()
        if failures > 0 { throw ExitCode(1) }
    }
}
