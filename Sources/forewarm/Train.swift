import ArgumentParser
import ForewarmDatasets
import ForewarmModel
import Foundation

/// `forewarm train`: fits the demand model on labeled corpora and writes the model file.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the demand model on labeled corpora and write it as a versioned JSON model file.",
        discussion: """
            The shipped default model is Sources/ForewarmModel/Resources/default-model.json, trained with
            `forewarm train --data ../shared/data/labels --out Sources/ForewarmModel/Resources/default-model.json`.
            """)

    @Option(
        name: .long, parsing: .upToNextOption,
        help: "Labeled corpora (Rosetta labels folder or a fixture folder with index.jsonl).")
    var data: [String] = ["../shared/data/labels"]

    @Flag(help: "Also train on the gateway's measured runs (needs the history store; not in this build yet).")
    var fromHistory = false

    @Option(help: "Where to write the model.")
    var out = "model.json"

    @Option(help: "Version name stored in the model (default: date and sample count).")
    var version: String?

    @OptionGroup var boosting: BoostingOptions

    func run() throws {
        if fromHistory {
            throw CLIError.input("--from-history needs the gateway's history store, which this build does not have yet")
        }
        let start = Date()
        let samples = Datasets.samples(try Datasets.load(data))
        guard !samples.isEmpty else { throw CLIError.input("no labeled programs in \(data.joined(separator: " "))") }
        let loaded = Date()
        let name = version ?? "\(ISO8601DateFormatter().string(from: start).prefix(10))-n\(samples.count)"
        let model = DemandModel.train(samples, parameters: boosting.parameters, version: name)
        let encoded = try model.encoded()
        guard FileManager.default.createFile(atPath: out, contents: encoded) else {
            throw CLIError.input("cannot write \(out)")
        }
        print(
            String(
                format: "trained %@ on %d programs (%@) in %.2f s (analysis %.2f s); wrote %@ (%d KB)",
                name, samples.count,
                model.trainedOn.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                    .joined(separator: ", "),
                Date().timeIntervalSince(loaded), loaded.timeIntervalSince(start), out, encoded.count / 1024))
    }
}
