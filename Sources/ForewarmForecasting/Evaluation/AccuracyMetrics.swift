/// Accuracy of one forecast against what happened.
public struct AccuracyMetrics: Sendable, Equatable {
    /// Mean absolute scaled error (scaled by the in-sample mean absolute one-season naive error).
    public var mase: Double
    /// Symmetric mean absolute percentage error, 0…200 (a step where actual and forecast are both 0 counts as 0).
    public var smape: Double
    /// Fraction of actual values inside the prediction interval.
    public var coverage: Double

    public init(mase: Double, smape: Double, coverage: Double) {
        self.mase = mase
        self.smape = smape
        self.coverage = coverage
    }

    /// Scores `forecast` against `actual`, with the MASE scale taken from `training` at lag `seasonLength`
    /// (a constant training series falls back to scale 1 so the value stays finite).
    public init(forecast: Forecast, actual: [Double], training: [Double], seasonLength: Int = 1) {
        let m = max(seasonLength, 1) < training.count ? max(seasonLength, 1) : 1
        var scale = 0.0, scaleCount = 0
        for t in m..<max(training.count, m) where training[t].isFinite && training[t - m].isFinite {
            scale += abs(training[t] - training[t - m])
            scaleCount += 1
        }
        scale = scaleCount > 0 ? scale / Double(scaleCount) : 0
        if !(scale > 0) || !scale.isFinite { scale = 1 }
        var absolute = 0.0, smape = 0.0, covered = 0.0, n = 0.0
        for (i, y) in actual.enumerated() where i < forecast.mean.count && y.isFinite {
            let f = forecast.mean[i]
            absolute += abs(y - f)
            let denominator = abs(y) + abs(f)
            smape += denominator > 0 ? 200 * abs(y - f) / denominator : 0
            if y >= forecast.lower[i] && y <= forecast.upper[i] { covered += 1 }
            n += 1
        }
        let k = max(n, 1)
        self.init(mase: absolute / k / scale, smape: smape / k, coverage: covered / k)
    }

    /// The mean of several scores.
    public static func mean(_ all: [AccuracyMetrics]) -> AccuracyMetrics {
        let n = Double(max(all.count, 1))
        return AccuracyMetrics(
            mase: all.reduce(0) { $0 + $1.mase } / n, smape: all.reduce(0) { $0 + $1.smape } / n,
            coverage: all.reduce(0) { $0 + $1.coverage } / n)
    }
}
