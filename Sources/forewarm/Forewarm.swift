import ArgumentParser
import Foundation

@main
struct Forewarm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forewarm",
        abstract: "Predicts the demand of code snippets and keeps warm sandbox pools sized for it.",
        subcommands: [
            Analyze.self, Predict.self, Train.self, Calibrate.self, Evaluate.self, Experiment.self, Forecast.self, Serve.self,
            History.self, Bench.self, Trace.self, Simulate.self,
        ])

    /// Runs the command, reporting usage errors with exit code 2 (argument-parser's default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
