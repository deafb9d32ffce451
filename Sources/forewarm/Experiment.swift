import ArgumentParser
import ForewarmDatasets
import ForewarmModel
import Foundation

/// `forewarm experiment feedback`: replays a biased workload through the feedback loop (offline) and writes the
/// error-over-time figure.
struct Experiment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Offline experiments with the model.", subcommands: [FeedbackCommand.self])

    struct FeedbackCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feedback",
            abstract: "Show the feedback loop correcting a biased model: a workload of unseen tasks on a machine "
                + "N× slower than the labels, replayed through static, corrected and retrained pipelines.")

        @Option(name: .long, parsing: .upToNextOption, help: "Labeled corpora.")
        var data: [String] = ["../shared/data/labels"]

        @Option(help: "How much slower the serving machine is than the one that measured the labels.")
        var slowdown = 3.0

        @Option(help: "Retrain every this many runs.")
        var retrainEvery = 150

        @Option(help: "Rolling window (runs) for the figure and the table.")
        var window = 100

        @Option(help: "Write the figure (SVG) here.")
        var svg: String?

        @Option(name: .shortAndLong, help: "Output format: table or json.")
        var format: OutputFormat = .table

        func run() throws {
            let samples = Datasets.samples(try Datasets.load(data))
            var experiment = FeedbackExperiment()
            experiment.slowdown = slowdown
            experiment.retrainEvery = retrainEvery
            let result = experiment.run(samples)
            if format == .json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(result), as: UTF8.self))
            } else {
                printTable(result)
            }
            if let svg {
                let chart = LineChart(
                    title: String(
                        format: "Feedback loop on a machine %.0f× slower than the labels (%d unseen-task runs)",
                        slowdown, result.errors.first?.count ?? 0),
                    xLabel: "runs observed", yLabel: "MAE log10 CPU (rolling \(window) runs)",
                    series: zip(result.pipelines, result.errors).map { ($0, rolling($1, window)) },
                    markers: result.swaps)
                guard FileManager.default.createFile(atPath: svg, contents: Data(chart.render().utf8)) else {
                    throw CLIError.input("cannot write \(svg)")
                }
            }
        }

        private func printTable(_ result: FeedbackExperiment.Result) {
            let count = result.errors.first?.count ?? 0
            print(
                "workload: \(count) runs of unseen tasks, CPU × \(slowdown); model trained on "
                    + "\(result.trainingSamples) programs of the other tasks")
            var header = "| runs |"
            var rule = "|---|"
            for name in result.pipelines {
                header += " \(name) |"
                rule += "---|"
            }
            print(header)
            print(rule)
            var start = 0
            while start < count {
                let end = min(count, start + window)
                var line = "| \(start + 1)–\(end) |"
                for errors in result.errors {
                    let slice = errors[start..<end]
                    line += String(format: " %.3f |", slice.reduce(0, +) / Double(slice.count))
                }
                print(line)
                start = end
            }
            var line = "| all |"
            for errors in result.errors { line += String(format: " %.3f |", errors.reduce(0, +) / Double(count)) }
            print(line)
            print("retrainings (MAE on the held-back recent slice; promoted if not worse than serving):")
            for record in result.retrainings {
                print(
                    String(
                        format: "  %@: candidate %.3f, serving %.3f, %@", record.version, record.holdoutMAE,
                        record.servingMAE, record.promoted ? "promoted" : "kept serving"))
            }
        }

        private func rolling(_ values: [Double], _ window: Int) -> [Double] {
            var out: [Double] = []
            var sum = 0.0
            for (index, value) in values.enumerated() {
                sum += value
                if index >= window { sum -= values[index - window] }
                out.append(sum / Double(min(index + 1, window)))
            }
            return out
        }
    }
}
