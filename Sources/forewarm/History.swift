import ArgumentParser
import ForewarmGateway
import ForewarmStore
import Foundation

/// `forewarm history export`: dumps every recorded run.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The history of runs the gateway recorded.", subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Writes every recorded run as JSON lines or CSV.")

        @Option(help: "jsonl or csv.")
        var format: String = "jsonl"

        @Option(name: .customLong("data-dir"), help: "Directory of the history database (default ./.forewarm).")
        var dataDirectory: String?

        @Option(help: "Path of the database (overrides --data-dir).")
        var database: String?

        @Option(help: "JSON configuration file (for its data directory or database path).")
        var config: String?

        func run() throws {
            guard let format = HistoryExport.Format(rawValue: format) else {
                throw ValidationError("--format must be jsonl or csv")
            }
            var configuration = try GatewayConfiguration.load(file: config)
            if let dataDirectory { configuration.dataDirectory = dataDirectory }
            if let database { configuration.databasePath = database }
            let path = configuration.resolvedDatabasePath
            guard FileManager.default.fileExists(atPath: path) else {
                throw ValidationError("no history at \(path)")
            }
            let store = try HistoryStore(path: path)
            try HistoryExport.export(store, format: format) { line in
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        }
    }
}
