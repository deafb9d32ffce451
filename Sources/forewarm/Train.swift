import ArgumentParser
import ForewarmDatasets
import ForewarmGateway
import ForewarmModel
import ForewarmStore
import Foundation

/// `forewarm train`: fits the demand model on labeled corpora (and the history store's measured runs) and writes
/// the model file.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the demand model on labeled corpora and write it as a versioned JSON model file.",
        discussion: """
            The shipped default model is Sources/ForewarmModel/Resources/default-model.json, trained with
            `forewarm train --data ../shared/data/labels --out Sources/ForewarmModel/Resources/default-model.json`.
            With --from-history the runs the gateway measured and `forewarm calibrate` stored are added (each counts
            3×, as in the gateway's retraining); with --promote the new model is judged against the serving one on
            the newest runs and, if not worse, stored in the history so `forewarm serve` serves it.
            """)

    static let defaultData = "../shared/data/labels"

    @Option(
        name: .long, parsing: .upToNextOption,
        help:
            "Labeled corpora (Rosetta labels folder or a fixture folder with index.jsonl; default \(Train.defaultData))."
    )
    var data: [String] = []

    @Flag(help: "Also train on the history store's measured runs (gateway and calibration).")
    var fromHistory = false

    @Flag(help: "With --from-history: judge the model on the newest runs and store it; serve it if not worse.")
    var promote = false

    @Option(name: .customLong("data-dir"), help: "Directory of the history database (default ./.forewarm).")
    var dataDirectory: String?

    @Option(help: "Path of the history database (overrides --data-dir).")
    var database: String?

    @Option(help: "Where to write the model.")
    var out = "model.json"

    @Option(help: "Version name stored in the model (default: date and sample count).")
    var version: String?

    @OptionGroup var boosting: BoostingOptions

    func validate() throws {
        if promote && !fromHistory { throw ValidationError("--promote needs --from-history") }
    }

    func run() throws {
        let start = Date()
        var corpora = data
        if corpora.isEmpty {
            if fromHistory && !FileManager.default.fileExists(atPath: Self.defaultData) {
                FileHandle.standardError.write(
                    Data("forewarm: \(Self.defaultData) not found; training on the history only\n".utf8))
            } else {
                corpora = [Self.defaultData]
            }
        }
        let samples = Datasets.samples(try Datasets.load(corpora))
        var history: [ObservedRun] = []
        var store: HistoryStore?
        if fromHistory {
            let path = try historyPath()
            let opened = try HistoryStore(path: path)
            history = try opened.recentRuns(limit: Int(Int32.max))
            guard !history.isEmpty else {
                throw CLIError.input(
                    "no measured runs in \(path): run `forewarm calibrate DIR` or serve requests first")
            }
            store = opened
        }
        guard !samples.isEmpty || !history.isEmpty else {
            throw CLIError.input("no labeled programs in \(corpora.joined(separator: " "))")
        }
        let loaded = Date()
        let name =
            version ?? "\(ISO8601DateFormatter().string(from: start).prefix(10))-n\(samples.count + history.count)"
        var retraining = Retraining()
        retraining.parameters = boosting.parameters
        let model: DemandModel
        var verdict = ""
        if promote, let store {
            let serving = try store.servingModel() ?? DemandModel.shipped()
            let outcome = retraining.run(serving: serving, shipped: samples, history: history, version: name)
            try store.record(model: outcome.candidate, as: outcome.record)
            model = outcome.candidate
            verdict = String(
                format: "; on the newest runs MAE log10 CPU %.3f vs %.3f for the serving %@: %@",
                outcome.record.holdoutMAE, outcome.record.servingMAE, serving.version,
                outcome.promoted ? "promoted, `forewarm serve` serves it" : "not promoted (worse)")
        } else {
            var training = samples
            for run in history {
                for _ in 0..<retraining.localWeight { training.append(run.sample) }
            }
            model = DemandModel.train(training, parameters: boosting.parameters, version: name)
        }
        let encoded = try model.encoded()
        guard FileManager.default.createFile(atPath: out, contents: encoded) else {
            throw CLIError.input("cannot write \(out)")
        }
        print(
            String(
                format: "trained %@ on %d programs (%@) in %.2f s (analysis %.2f s); wrote %@ (%d KB)%@",
                name, samples.count + history.count,
                model.trainedOn.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                    .joined(separator: ", "),
                Date().timeIntervalSince(loaded), loaded.timeIntervalSince(start), out, encoded.count / 1024, verdict))
    }

    private func historyPath() throws -> String {
        var configuration = try GatewayConfiguration.load(file: nil)
        if let dataDirectory { configuration.dataDirectory = dataDirectory }
        if let database { configuration.databasePath = database }
        let path = configuration.resolvedDatabasePath
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError.input("no history store at \(path) (use --data-dir or --database)")
        }
        return path
    }
}
