import ArgumentParser
import ForewarmForecasting
import Foundation

/// `forewarm bench forecast`: times Forewarm's fit + forecast on the windows the reference timings used and prints
/// the speed ratio per model pair and series family.
struct BenchForecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast", abstract: "Fit + forecast speed against statsmodels/statsforecast (release build).")

    @Option(help: "Reference timings written by scripts/bench_forecast.py.")
    var timings = ".cache/bench_reference.json"

    @Option(help: "Folder of series CSVs.")
    var seriesDirectory = "Tests/ForewarmForecastingTests/Fixtures/series"

    @Option(help: "Repetitions per fit (the best is kept, as for the references).")
    var repeats = 3

    @Option(help: "Time only the Forewarm models whose name contains this text (e.g. ets-MAM).")
    var only: String?

    struct Entry: Decodable {
        var family: String
        var season: Int
        var horizon: Int
        var origin: Int
        var seconds: [String: Double?]
    }

    func run() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: timings))
        let entries = try JSONDecoder().decode([String: Entry].self, from: data)
        // family → pair → (reference seconds, forewarm seconds) summed over series.
        var totals: [String: [String: (Double, Double)]] = [:]
        let clock = ContinuousClock()
        for name in entries.keys.sorted() {
            guard let entry = entries[name] else { continue }
            let values = Array(try SeriesCSV.read(path: "\(seriesDirectory)/\(name).csv").prefix(entry.origin))
            for candidate in ForecastEvaluation.candidates(seasonLength: entry.season) {
                guard let counterpart = candidate.counterpart, let reference = entry.seconds[counterpart] ?? nil,
                    reference.isFinite, only.map({ candidate.name.contains($0) }) ?? true
                else { continue }
                var best = Double.infinity
                for _ in 0..<max(repeats, 1) {
                    let elapsed = clock.measure {
                        _ = try? candidate.model.fit(values, seasonLength: entry.season)
                            .forecast(horizon: entry.horizon, level: 0.95)
                    }
                    best = min(
                        best, Double(elapsed.components.attoseconds) * 1e-18 + Double(elapsed.components.seconds))
                }
                let key = "\(candidate.name) vs \(counterpart)"
                let old = totals[entry.family, default: [:]][key] ?? (0, 0)
                totals[entry.family, default: [:]][key] = (old.0 + reference, old.1 + best)
            }
        }
        var table = [["family", "pair", "reference s", "forewarm s", "speed-up"]]
        for family in totals.keys.sorted() {
            for (pair, (reference, own)) in (totals[family] ?? [:]).sorted(by: { $0.key < $1.key }) {
                table.append([
                    family, pair, String(format: "%.4f", reference), String(format: "%.4f", own),
                    String(format: "%.0f×", reference / max(own, 1e-9)),
                ])
            }
        }
        print(ForecastEvaluationReport.layout(table, markdown: false))
    }
}
