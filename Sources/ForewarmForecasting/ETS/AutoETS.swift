/// Automatic exponential smoothing: fits every admissible ETS specification and keeps the lowest AICc, as
/// statsforecast's `AutoETS` and R's `ets` do.
public enum AutoETS {
    /// The candidate specifications for a series (multiplicative ones only when `positive`).
    public static func candidates(seasonLength m: Int, positive: Bool, count: Int) -> [ETSSpecification] {
        var specs: [ETSSpecification] = []
        let errors: [ETSSpecification.Error] = positive ? [.additive, .multiplicative] : [.additive]
        let seasons: [ETSSpecification.Season] =
            m > 1 && count >= 2 * m + 2
            ? (positive ? [.none, .additive, .multiplicative] : [.none, .additive]) : [.none]
        for error in errors {
            for trend in [ETSSpecification.Trend.none, .additive, .damped] {
                for season in seasons {
                    // Additive error with multiplicative season is numerically unstable (excluded by R's ets too).
                    if error == .additive && season == .multiplicative { continue }
                    specs.append(ETSSpecification(error: error, trend: trend, season: season, seasonLength: m))
                }
            }
        }
        return specs
    }

    /// Fits all candidates and returns the one with the lowest AICc.
    public static func fit(_ series: [Double], seasonLength: Int = 1) throws -> ETSModel {
        let finite = series.filter(\.isFinite)
        let positive = !finite.isEmpty && finite.allSatisfy { $0 > 0 }
        var best: ETSModel?
        var lastError: Error?
        for spec in candidates(seasonLength: seasonLength, positive: positive, count: finite.count) {
            do {
                let model = try ETSModel(fitting: series, specification: spec)
                if best.map({ model.aicc < $0.aicc }) ?? true { best = model }
            } catch { lastError = error }
        }
        if let best { return best }
        throw lastError ?? ForecastError.tooShort("AutoETS", needs: 3, has: finite.count)
    }
}
