/// How `.auto` picks a model per series: rolling-origin MASE of each candidate family — and of equal-weight
/// combinations of them — on the series' own history.
public struct ModelSelection: Sendable, Hashable {
    /// Candidate families, tried in order (ties keep the earlier one). `.holtWinters` is skipped on non-seasonal
    /// series, where it would only refit the trend models AutoETS already considers.
    public var candidates: [ForecastModel] = [.ets, .arima, .holtWinters, .stl, .naive]
    /// Combinations scored after the single candidates: the average of the members' forecasts (see
    /// `ForecastCombination`). Each member is fitted once per origin, shared with the single candidates.
    public var combinations: [[ForecastModel]] = [[.ets, .arima]]
    /// The backtest the candidates are scored by.
    public var backtest = RollingOrigin(horizon: 5, origins: 6, step: 5)

    public init() {}

    public init(candidates: [ForecastModel], backtest: RollingOrigin) {
        self.candidates = candidates
        self.backtest = backtest
    }

    public init(candidates: [ForecastModel], combinations: [[ForecastModel]], backtest: RollingOrigin) {
        self.candidates = candidates
        self.combinations = combinations
        self.backtest = backtest
    }

    /// One scored choice: a single family or a combination.
    public struct Choice: Sendable, Hashable {
        public var models: [ForecastModel]
        /// Mean backtest MASE (nil when no origin could be scored).
        public var mase: Double?
    }

    /// The backtest score of every candidate and combination on `series`, in the order they are tried.
    public func scores(_ series: [Double], seasonLength: Int) -> [Choice] {
        var plan = backtest
        plan.seasonLength = seasonLength
        let singles =
            candidates.count > 1 && seasonLength <= 1
            ? candidates.filter { $0 != .holtWinters && $0 != .stl } : candidates
        let choices = singles.map { [$0] } + combinations.filter { !$0.isEmpty }
        var members: [ForecastModel] = []
        for model in choices.flatMap({ $0 }) where !members.contains(model) { members.append(model) }
        var sums = [Double](repeating: 0, count: choices.count), counts = [Int](repeating: 0, count: choices.count)
        for origin in plan.originPoints(count: series.count) {
            let training = Array(series[..<origin])
            let actual = Array(series[origin..<(origin + plan.horizon)])
            var forecasts: [ForecastModel: Forecast] = [:]
            for model in members {
                // Members are fitted directly (never through `.auto`), so selection does not recurse.
                guard model != .auto, let fitted = try? model.fit(training, seasonLength: seasonLength) else {
                    continue
                }
                forecasts[model] = fitted.forecast(horizon: plan.horizon, level: 0.95)
            }
            for (i, choice) in choices.enumerated() {
                let parts = choice.compactMap { forecasts[$0] }
                guard parts.count == choice.count, let forecast = Self.average(parts) else { continue }
                let score = AccuracyMetrics(
                    forecast: forecast, actual: actual, training: training, seasonLength: plan.seasonLength)
                sums[i] += score.mase
                counts[i] += 1
            }
        }
        return choices.indices.map { i in
            Choice(models: choices[i], mase: counts[i] > 0 ? sums[i] / Double(counts[i]) : nil)
        }
    }

    /// Fits the candidate or combination with the lowest backtest MASE on `series`.
    func choose(_ series: [Double], seasonLength: Int) throws -> any Forecaster {
        var best = [candidates.first ?? .naive], bestScore = Double.infinity
        for choice in scores(series, seasonLength: seasonLength) {
            if let mase = choice.mase, mase < bestScore { best = choice.models; bestScore = mase }
        }
        let fitted = try best.filter { $0 != .auto }.map { try $0.fit(series, seasonLength: seasonLength) }
        if fitted.count == 1 { return fitted[0] }
        if fitted.isEmpty { return try SeasonalNaive(fitting: series, seasonLength: seasonLength) }
        return try ForecastCombination(members: fitted)
    }

    static func average(_ forecasts: [Forecast]) -> Forecast? {
        guard let first = forecasts.first else { return nil }
        if forecasts.count == 1 { return first }
        let k = Double(forecasts.count)
        func mean(_ part: (Forecast) -> [Double]) -> [Double] {
            first.mean.indices.map { i in forecasts.reduce(0) { $0 + part($1)[i] / k } }
        }
        return Forecast(mean: mean(\.mean), lower: mean(\.lower), upper: mean(\.upper), level: first.level)
    }
}
