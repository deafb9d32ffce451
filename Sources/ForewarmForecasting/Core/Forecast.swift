/// Point forecasts for the next `horizon` buckets with a central prediction interval at `level`.
public struct Forecast: Sendable, Equatable {
    /// Mean forecast, one value per step ahead.
    public var mean: [Double]
    /// Lower bound of the prediction interval, one per step.
    public var lower: [Double]
    /// Upper bound of the prediction interval, one per step.
    public var upper: [Double]
    /// Coverage probability of the interval, e.g. 0.95.
    public var level: Double

    public init(mean: [Double], lower: [Double], upper: [Double], level: Double) {
        self.mean = mean
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// Builds a forecast from means and per-step standard deviations of a normal predictive distribution.
    /// Non-finite values are replaced so that no NaN ever leaves the module.
    init(mean: [Double], standardDeviations: [Double], level: Double, fallback: Double) {
        let z = Normal.quantile(0.5 + level / 2)
        var m = [Double](), lo = [Double](), hi = [Double]()
        m.reserveCapacity(mean.count)
        var last = fallback.isFinite ? fallback : 0
        for (i, value) in mean.enumerated() {
            let point = value.isFinite ? value : last
            last = point
            let sd = standardDeviations[i].isFinite ? max(standardDeviations[i], 0) : 0
            let big = Double.greatestFiniteMagnitude
            m.append(point)
            lo.append(min(max(point - z * sd, -big), big))
            hi.append(min(max(point + z * sd, -big), big))
        }
        self.init(mean: m, lower: lo, upper: hi, level: level)
    }

    /// Clamps the forecast and bounds at `floor` (e.g. 0 for counts and durations).
    public func clamped(atLeast floor: Double) -> Forecast {
        Forecast(
            mean: mean.map { max($0, floor) }, lower: lower.map { max($0, floor) },
            upper: upper.map { max($0, floor) }, level: level)
    }
}
