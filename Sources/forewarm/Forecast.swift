import ArgumentParser
import ForewarmForecasting
import Foundation

struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forecast a time-bucketed demand series with prediction intervals.",
        discussion: """
            The CSV is `timestamp,value` or a single `value` column (a header row is optional).
            With --evaluate, runs the rolling-origin comparison against the committed statsmodels/statsforecast
            references instead (build with -c release for meaningful timings).
            """)

    @Option(help: "CSV file with the series (`-` for standard input).")
    var series: String?

    @Option(help: "Model: auto, ets, arima, holt-winters, stl or naive.")
    var model: String = "auto"

    @Option(help: "Steps to forecast.")
    var horizon: Int = 10

    @Option(help: "Season length in buckets (default: detected from the autocorrelation).")
    var season: Int?

    @Option(help: "Prediction interval level.")
    var level: Double = 0.95

    @Option(name: .shortAndLong, help: "Output format: table or json.")
    var format: OutputFormat = .table

    @Option(
        help: """
            For auto: the confidence at which another model must beat the default in the backtest to replace it \
            (0 takes the lowest backtest error outright).
            """)
    var switchConfidence: Double = 0.95

    @Flag(help: "Run the rolling-origin comparison with the reference implementations.")
    var evaluate = false

    @OptionGroup var evaluation: EvaluationOptions

    func validate() throws {
        guard ForecastModel(name: model) != nil else {
            throw ValidationError("unknown model '\(model)'; known: auto, ets, arima, holt-winters, stl, naive")
        }
        guard horizon > 0, horizon <= 100_000 else { throw ValidationError("--horizon must be 1…100000") }
        guard level > 0, level < 1 else { throw ValidationError("--level must be between 0 and 1") }
        if let season, season < 1 { throw ValidationError("--season must be at least 1") }
        guard switchConfidence >= 0, switchConfidence < 1 else {
            throw ValidationError("--switch-confidence must be at least 0 and below 1")
        }
        if !evaluate && series == nil { throw ValidationError("give --series FILE.csv, or --evaluate") }
    }

    /// How `auto` chooses: backtests over the horizon asked for (`--evaluate` sets each family's own).
    var selection: ModelSelection {
        var selection = ModelSelection()
        selection.switchConfidence = switchConfidence > 0 ? switchConfidence : nil
        selection.backtest = RollingOrigin(horizon: horizon, origins: 6, step: horizon)
        return selection
    }

    func run() throws {
        if evaluate {
            try ForecastEvaluation(options: evaluation, selection: selection).run(format: format)
            return
        }
        guard let path = series, let kind = ForecastModel(name: model) else { return }
        let values: [Double]
        let fitted: any Forecaster
        let seasonLength: Int
        do {
            values = try SeriesCSV.read(path: path)
            seasonLength = season ?? Periodicity.seasonLength(values)
            fitted = try kind.fit(values, seasonLength: seasonLength, selection: selection)
        } catch {
            FileHandle.standardError.write(Data("forewarm: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let forecast = fitted.forecast(horizon: horizon, level: level)
        switch format {
        case .json:
            let object: [String: Any] = [
                "model": fitted.name, "season": seasonLength, "parameters": fitted.parameters,
                "forecast": forecast.mean, "lower": forecast.lower, "upper": forecast.upper, "level": level,
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        case .table, .csv:
            let separator = format == .csv ? "," : "  "
            if format == .table {
                print(
                    "# \(fitted.name) on \(values.count) buckets, season \(seasonLength); \(Int(level * 100))% intervals"
                )
            }
            print(["step", "forecast", "lower", "upper"].joined(separator: separator))
            for i in 0..<horizon {
                let row =
                    [String(i + 1)]
                    + [forecast.mean[i], forecast.lower[i], forecast.upper[i]].map {
                        String(format: "%.4f", $0)
                    }
                print(row.joined(separator: separator))
            }
        }
    }
}
