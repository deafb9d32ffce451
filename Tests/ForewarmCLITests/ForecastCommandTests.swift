import Foundation
import Testing

@Suite struct ForecastCommandTests {
    /// Four years of a monthly season whose swing grows with the level.
    static let seasonal =
        "value\n"
        + (0..<48).map { t in
            let level = 100 + 2 * Double(t)
            return String(level * (1 + 0.2 * sin(2 * Double.pi * Double(t) / 12)))
        }.joined(separator: "\n") + "\n"

    @Test func stlPrintsTheDocumentedJSON() throws {
        let result = try CLIRunner.run(
            ["forecast", "--series", "-", "--model", "stl", "--season", "12", "--horizon", "6", "--format", "json"],
            stdin: Self.seasonal)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["model"] as? String)?.hasPrefix("STL(log)+ETS") == true, "\(json["model"] ?? "")")
        let mean = try #require(json["forecast"] as? [Double])
        let lower = try #require(json["lower"] as? [Double]), upper = try #require(json["upper"] as? [Double])
        #expect(mean.count == 6 && lower.count == 6 && upper.count == 6)
        for i in 0..<6 { #expect(lower[i] < mean[i] && mean[i] < upper[i]) }
        // The next month is the season's rising phase at a level near 196: 196 · (1 + 0.2 · sin 0) = 196.
        #expect(abs(mean[0] - 196) < 10, "\(mean)")
    }

    @Test func autoNamesTheModelItChose() throws {
        let result = try CLIRunner.run(
            ["forecast", "--series", "-", "--season", "12", "--horizon", "3", "--format", "json"],
            stdin: Self.seasonal)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((json?["model"] as? String)?.isEmpty == false)
    }

    @Test func unknownModelIsAUsageError() throws {
        let result = try CLIRunner.run(["forecast", "--series", "-", "--model", "prophet"], stdin: Self.seasonal)
        #expect(result.status == 2)
        #expect(result.stderr.contains("known: auto, ets, arima, holt-winters, stl, naive"), "\(result.stderr)")
    }

    @Test func switchConfidenceMustBeBelowOne() throws {
        let result = try CLIRunner.run(
            ["forecast", "--series", "-", "--switch-confidence", "1"], stdin: Self.seasonal)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--switch-confidence"), "\(result.stderr)")
    }
}
