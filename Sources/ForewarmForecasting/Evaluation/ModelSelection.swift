/// How `.auto` picks a model per series: rolling-origin MASE of each candidate family — and of equal-weight
/// combinations of them — on the series' own history. The first candidate is the default; another is chosen only
/// when the backtest shows it significantly better, so a few lucky origins cannot swap a sound model for a fragile
/// one (with six origins, a naive forecast often wins by chance on bursty counts and then costs dearly).
public struct ModelSelection: Sendable, Hashable {
    /// Candidate families, tried in order; the first one that applies to the series is the default. `.stl` and
    /// `.holtWinters` are skipped on non-seasonal series (there they would only refit AutoETS's models), so the
    /// default is STL + AutoETS on seasonal series and AutoETS otherwise.
    public var candidates: [ForecastModel] = [.stl, .ets, .arima, .holtWinters, .naive]
    /// Combinations scored after the single candidates: the average of the members' forecasts (see
    /// `ForecastCombination`). Each member is fitted once per origin, shared with the single candidates.
    public var combinations: [[ForecastModel]] = [[.ets, .arima]]
    /// The backtest the candidates are scored by.
    public var backtest = RollingOrigin(horizon: 5, origins: 6, step: 5)
    /// The confidence at which the best-scoring choice must beat the default to replace it: a one-sided paired
    /// t-test of their per-origin MASE. nil takes the lowest mean MASE outright.
    public var switchConfidence: Double? = 0.95

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
        /// MASE at each backtest origin (nil where the choice could not be fitted).
        public var perOrigin: [Double?] = []
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
        let origins = plan.originPoints(count: series.count)
        var perOrigin = [[Double?]](repeating: [Double?](repeating: nil, count: origins.count), count: choices.count)
        for (k, origin) in origins.enumerated() {
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
                perOrigin[i][k] = score.mase
            }
        }
        return choices.indices.map { i in
            let scored = perOrigin[i].compactMap { $0 }
            let mean = scored.isEmpty ? nil : scored.reduce(0, +) / Double(scored.count)
            return Choice(models: choices[i], mase: mean, perOrigin: perOrigin[i])
        }
    }

    /// The candidate or combination `.auto` settles on for `series`: the default (first) one unless the lowest-scoring
    /// choice beats it at `switchConfidence`.
    public func select(_ series: [Double], seasonLength: Int) -> [ForecastModel] {
        let all = scores(series, seasonLength: seasonLength)
        // The lowest mean MASE; the earlier choice on a tie.
        var winner: Choice?
        for choice in all {
            if let mase = choice.mase, mase < winner?.mase ?? .infinity { winner = choice }
        }
        guard let winner else { return [candidates.first ?? .naive] }
        if let confidence = switchConfidence, let standing = all.first, standing.mase != nil,
            winner.models != standing.models,
            !Self.significantlyBetter(winner.perOrigin, than: standing.perOrigin, confidence: confidence)
        {
            return standing.models
        }
        return winner.models
    }

    /// Fits one model, or the equal-weight combination of several (the seasonal naive forecast when none is left).
    public static func fit(_ models: [ForecastModel], to series: [Double], seasonLength: Int) throws -> any Forecaster {
        let fitted = try models.filter { $0 != .auto }.map { try $0.fit(series, seasonLength: seasonLength) }
        if fitted.count == 1 { return fitted[0] }
        if fitted.isEmpty { return try SeasonalNaive(fitting: series, seasonLength: seasonLength) }
        return try ForecastCombination(members: fitted)
    }

    /// Whether `challenger`'s errors are lower than `standing`'s at `confidence`, by a one-sided paired t-test
    /// over the origins where both were scored (at least two).
    static func significantlyBetter(_ challenger: [Double?], than standing: [Double?], confidence: Double) -> Bool {
        let differences = zip(challenger, standing).compactMap { a, b in a.flatMap { a in b.map { a - $0 } } }
        let k = differences.count
        guard k >= 2 else { return false }
        let mean = differences.reduce(0, +) / Double(k)
        let variance = sampleVariance(differences)
        guard variance > 0 else { return mean < 0 }
        let critical = StudentT.quantile(confidence, degreesOfFreedom: k - 1)
        return mean / (variance / Double(k)).squareRoot() < -critical
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
