import ArgumentParser

@main
struct Forewarm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forewarm",
        abstract: "Predicts the demand of code snippets and keeps warm sandbox pools sized for it.",
        subcommands: [Analyze.self, Forecast.self, Bench.self])
}
