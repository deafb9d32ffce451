/// Rolling-origin evaluation: fit on the first `origin` buckets, forecast `horizon`, score, move the origin.
public struct RollingOrigin: Sendable, Hashable {
    public var horizon: Int
    /// Number of origins, the last one `horizon` buckets before the end.
    public var origins: Int
    /// Buckets between consecutive origins.
    public var step: Int
    /// Season length used for MASE scaling and by seasonal models.
    public var seasonLength: Int

    public init(horizon: Int, origins: Int, step: Int, seasonLength: Int = 1) {
        self.horizon = max(horizon, 1)
        self.origins = max(origins, 1)
        self.step = max(step, 1)
        self.seasonLength = max(seasonLength, 1)
    }

    /// The training lengths evaluated for a series of `count` buckets, ascending (each leaves room for a fit).
    public func originPoints(count: Int) -> [Int] {
        (0..<origins).map { count - horizon - $0 * step }
            .filter { $0 > 2 * seasonLength + 10 }
            .reversed()
    }

    /// Mean accuracy of `fit` over the origins; origins whose fit throws are skipped.
    public func evaluate(_ series: [Double], fit: ([Double]) throws -> any Forecaster) -> AccuracyMetrics? {
        var scores: [AccuracyMetrics] = []
        for origin in originPoints(count: series.count) {
            guard let model = try? fit(Array(series[..<origin])) else { continue }
            let forecast = model.forecast(horizon: horizon, level: 0.95)
            scores.append(
                AccuracyMetrics(
                    forecast: forecast, actual: Array(series[origin..<(origin + horizon)]),
                    training: Array(series[..<origin]), seasonLength: seasonLength))
        }
        return scores.isEmpty ? nil : AccuracyMetrics.mean(scores)
    }
}
