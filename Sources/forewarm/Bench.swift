import ArgumentParser

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks, run in release mode.",
        subcommands: [BenchAnalyze.self, BenchForecast.self, BenchPredict.self, BenchRolling.self])
}
