import ArgumentParser
import ForewarmGateway
import ForewarmModel
import ForewarmStore
import Foundation

/// `forewarm history`: the runs the gateway recorded, the labeled runs the feedback loop learns from, and the
/// model versions it considered.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The history of runs the gateway recorded, the labeled runs and the model versions.",
        subcommands: [Export.self, Models.self])

    /// Where the history database is.
    struct Location: ParsableArguments {
        @Option(name: .customLong("data-dir"), help: "Directory of the history database (default ./.forewarm).")
        var dataDirectory: String?

        @Option(help: "Path of the database (overrides --data-dir).")
        var database: String?

        @Option(help: "JSON configuration file (for its data directory or database path).")
        var config: String?

        func open() throws -> HistoryStore {
            var configuration = try GatewayConfiguration.load(file: config)
            if let dataDirectory { configuration.dataDirectory = dataDirectory }
            if let database { configuration.databasePath = database }
            let path = configuration.resolvedDatabasePath
            guard FileManager.default.fileExists(atPath: path) else {
                throw ValidationError("no history at \(path)")
            }
            return try HistoryStore(path: path)
        }
    }

    enum Table: String, ExpressibleByArgument, CaseIterable {
        case executions, runs, models, directives
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes a table of the history as JSON lines or CSV.",
            discussion: """
                executions: every request; runs: the labeled runs the model learns from (gateway runs and
                `forewarm calibrate`), with their feature vectors; models: the model versions retraining considered;
                directives: every scaling directive the live controller applied, with its reason.
                """)

        @Option(help: "jsonl or csv.")
        var format: String = "jsonl"

        @Option(help: "executions, runs, models or directives.")
        var table: Table = .executions

        @OptionGroup var location: Location

        func run() throws {
            guard let format = HistoryExport.Format(rawValue: format) else {
                throw ValidationError("--format must be jsonl or csv")
            }
            let store = try location.open()
            let write: (String) -> Void = { line in FileHandle.standardOutput.write(Data(line.utf8)) }
            switch table {
            case .executions: try HistoryExport.export(store, format: format, write: write)
            case .runs: try HistoryExport.exportObservedRuns(store, format: format, write: write)
            case .models: try HistoryExport.exportModels(store, format: format, write: write)
            case .directives: try HistoryExport.exportDirectives(store, format: format, write: write)
            }
        }
    }

    struct Models: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lists the model versions the feedback loop considered, with their scores, and what serves.")

        @OptionGroup var location: Location

        func run() throws {
            let store = try location.open()
            let records = try store.modelRecords()
            let runs = try store.observedRunCount()
            let serving = records.last(where: \.promoted)?.version ?? "the shipped model"
            print("\(runs) labeled runs; \(records.count) model versions; serving: \(serving)")
            guard !records.isEmpty else { return }
            print(
                "version                                   trained               samples  holdout MAE  serving MAE  promoted"
            )
            let iso = ISO8601DateFormatter()
            for record in records {
                print(
                    record.version.padding(toLength: 41, withPad: " ", startingAt: 0) + " "
                        + iso.string(from: record.trainedAt)
                        + String(
                            format: " %8d %12.3f %12.3f  ", record.trainingSamples, record.holdoutMAE, record.servingMAE
                        )
                        + (record.promoted ? "yes" : "no"))
            }
        }
    }
}
