import ForewarmForecasting
import Foundation

/// `forewarm forecast --evaluate`: rolling-origin comparison of Forewarm's models with the committed
/// statsmodels/statsforecast references, over the same series, origins and horizons.
struct ForecastEvaluation {
    let options: EvaluationOptions
    /// How `auto` chooses; the backtest's horizon and step are set per series to its family's horizon.
    var selection = ModelSelection()

    /// A Forewarm model and the reference that fits the same model (for parameter and speed comparison).
    struct Candidate {
        var name: String
        var model: ForecastModel
        var counterpart: String?
    }

    static func candidates(seasonLength m: Int) -> [Candidate] {
        var list = [
            Candidate(
                name: "forewarm-ets-ANN", model: .exponentialSmoothing(.simple), counterpart: "statsmodels-ets-ANN"),
            Candidate(
                name: "forewarm-ets-AAdN", model: .exponentialSmoothing(.dampedHolt),
                counterpart: "statsmodels-ets-AAdN"),
        ]
        if m > 1 {
            list += [
                Candidate(
                    name: "forewarm-ets-AAA", model: .exponentialSmoothing(.holtWinters(seasonLength: m)),
                    counterpart: "statsmodels-ets-AAA"),
                Candidate(
                    name: "forewarm-ets-MAM",
                    model: .exponentialSmoothing(.holtWinters(seasonLength: m, multiplicative: true)),
                    counterpart: "statsmodels-ets-MAM"),
                Candidate(
                    name: "forewarm-arima-011-011",
                    model: .arimaOrders(
                        ARIMASpecification(
                            p: 0, d: 1, q: 1, seasonalP: 0, seasonalD: 1, seasonalQ: 1, seasonLength: m,
                            includesConstant: false), .exact),
                    counterpart: "statsmodels-arima-011-011"),
            ]
        } else {
            list.append(
                Candidate(
                    name: "forewarm-arima-101c", model: .arimaOrders(ARIMASpecification(p: 1, d: 0, q: 1), .exact),
                    counterpart: "statsmodels-arima-101c"))
        }
        if m > 1 { list.append(Candidate(name: "forewarm-stl", model: .stl, counterpart: nil)) }
        list += [
            Candidate(name: "forewarm-autoets", model: .ets, counterpart: "statsforecast-autoets"),
            Candidate(name: "forewarm-autoarima", model: .arima, counterpart: "statsforecast-autoarima"),
            Candidate(name: "forewarm-naive", model: .naive, counterpart: nil),
            Candidate(name: "forewarm-auto", model: .auto, counterpart: nil),
        ]
        return list
    }

    /// Scores of one model on one series.
    struct Score {
        var metrics: AccuracyMetrics
        var seconds: Double
        var failures: Int
        /// The model each origin's fit ended up with (for `auto`: the family the backtest chose).
        var chosen: [String] = []
    }

    func run(format: OutputFormat) throws {
        let references = try ReferenceForecasts(path: options.references)
        var report = ForecastEvaluationReport()
        for name in references.series.keys.sorted() {
            if let only = options.only, !name.contains(only) { continue }
            guard let entry = references.series[name] else { continue }
            let path = "\(options.seriesDirectory)/\(name).csv"
            let values = try SeriesCSV.read(path: path)
            let origins = entry.models.values.first?.map(\.origin) ?? []
            var scores: [String: Score] = [:]
            for (model, runs) in entry.models {
                scores[model] = Self.scoreReference(runs, values: values, entry: entry)
            }
            var selection = selection
            selection.backtest = RollingOrigin(horizon: entry.horizon, origins: 6, step: entry.horizon)
            for candidate in Self.candidates(seasonLength: entry.season) {
                scores[candidate.name] = Self.score(
                    candidate.model, selection: selection, values: values, origins: origins, entry: entry)
            }
            report.add(series: name, family: entry.family, scores: scores)
            FileHandle.standardError.write(Data("evaluated \(name)\n".utf8))
        }
        let pairs = Dictionary(
            (Self.candidates(seasonLength: 1) + Self.candidates(seasonLength: 12))
                .compactMap { c in c.counterpart.map { (c.name, $0) } }, uniquingKeysWith: { a, _ in a })
        let text = report.render(format: format, counterparts: pairs)
        print(text)
        if let markdown = options.markdown {
            try report.render(format: .table, counterparts: pairs, markdown: true)
                .write(toFile: markdown, atomically: true, encoding: .utf8)
        }
    }

    static func scoreReference(_ runs: [ReferenceForecasts.Run], values: [Double], entry: ReferenceForecasts.Series)
        -> Score
    {
        var metrics: [AccuracyMetrics] = [], failures = 0
        for run in runs {
            guard run.isUsable, run.origin + entry.horizon <= values.count else { failures += 1; continue }
            let forecast = ForewarmForecasting.Forecast(
                mean: run.forecast.map { $0 ?? 0 }, lower: run.lower.map { $0 ?? 0 },
                upper: run.upper.map { $0 ?? 0 }, level: 0.95)
            metrics.append(
                AccuracyMetrics(
                    forecast: forecast, actual: Array(values[run.origin..<(run.origin + entry.horizon)]),
                    training: Array(values[..<run.origin]), seasonLength: entry.season))
        }
        let seconds = runs.map(\.seconds).reduce(0, +) / Double(max(runs.count, 1))
        return Score(metrics: .mean(metrics), seconds: seconds, failures: failures)
    }

    static func score(
        _ model: ForecastModel, selection: ModelSelection, values: [Double], origins: [Int],
        entry: ReferenceForecasts.Series
    ) -> Score {
        var metrics: [AccuracyMetrics] = [], failures = 0, seconds = 0.0, chosen: [String] = []
        let clock = ContinuousClock()
        for origin in origins where origin + entry.horizon <= values.count {
            let training = Array(values[..<origin])
            var forecast: ForewarmForecasting.Forecast?
            let elapsed = clock.measure {
                let fitted = try? model.fit(training, seasonLength: entry.season, selection: selection)
                forecast = fitted?.forecast(horizon: entry.horizon, level: 0.95)
                if let fitted { chosen.append(fitted.name) }
            }
            seconds += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            guard let forecast else { failures += 1; continue }
            metrics.append(
                AccuracyMetrics(
                    forecast: forecast, actual: Array(values[origin..<(origin + entry.horizon)]),
                    training: training, seasonLength: entry.season))
        }
        return Score(
            metrics: .mean(metrics), seconds: seconds / Double(max(origins.count, 1)), failures: failures,
            chosen: chosen)
    }
}
