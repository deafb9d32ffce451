import RealModule

/// Seasonal series forecast through their STL decomposition, as R's `stlf` and statsmodels' `STLForecast` do: the
/// seasonally adjusted series (`y − seasonal`) is forecast by a non-seasonal AutoETS, and the last cycle of the
/// seasonal component is added back. Unlike seasonal ETS it handles long seasons (a day of minutes) at the cost of
/// one decomposition, and lets the season's shape drift slowly.
///
/// With `logarithmic`, a strictly positive series is decomposed on the log scale (a season whose swing grows with
/// the level) and the forecast and bounds are transformed back.
public struct STLForecaster: Forecaster {
    /// The non-seasonal model of the seasonally adjusted series.
    public private(set) var adjusted: ETSModel
    /// The seasonal component's last cycle; `season[phase]` belongs to the next bucket.
    public private(set) var season: [Double]
    /// Whether the series was decomposed on the log scale.
    public let logarithmic: Bool
    /// The power of two the series was divided by before fitting (see `PreparedSeries`).
    private let scale: Double
    private var phase = 0

    public var name: String { "STL\(logarithmic ? "(log)" : "")+\(adjusted.name)" }

    public var parameters: [String: Double] {
        var out = adjusted.parameters
        for (i, value) in season.enumerated() { out["season.\(i)"] = value }
        return out
    }

    /// Decomposes `series` (season length ≥ 2, at least two seasons) and fits AutoETS to the adjusted series.
    /// Non-finite values are interpolated first; `logarithmic` requires every value to be positive.
    public init(fitting series: [Double], seasonLength m: Int, logarithmic: Bool = false) throws {
        let prepared = try PreparedSeries(series, model: "STL", minimumCount: 2 * max(m, 2))
        var y = prepared.values
        if logarithmic {
            guard y.allSatisfy({ $0 > 0 }) else {
                throw ForecastError("a logarithmic STL forecast needs a positive series")
            }
            y = y.map { Double.log($0) }
        }
        let stl = try STLDecomposition(y, period: m)
        self.adjusted = try AutoETS.fit(zip(y, stl.seasonal).map { $0 - $1 }, seasonLength: 1)
        self.season = Array(stl.seasonal.suffix(m))
        self.logarithmic = logarithmic
        self.scale = prepared.scale
    }

    /// Whether `series` is better decomposed on the log scale: positive, and its within-season spread grows with
    /// its level. Guerrero's (1993) criterion restricted to the two candidate transforms: the spread of each
    /// complete season divided by its mean^(1 − λ) varies least across seasons at λ = 0 (log) rather than λ = 1.
    public static func prefersLogarithm(_ series: [Double], seasonLength m: Int) -> Bool {
        guard m > 1, series.count >= 2 * m, series.allSatisfy({ $0.isFinite && $0 > 0 }) else { return false }
        var spreads: [Double] = [], means: [Double] = []
        for start in stride(from: series.count % m, to: series.count, by: m) {
            let cycle = series[start..<(start + m)]
            spreads.append(sampleVariance(cycle).squareRoot())
            means.append(cycle.reduce(0, +) / Double(m))
        }
        func variation(_ ratios: [Double]) -> Double {
            let mean = ratios.reduce(0, +) / Double(ratios.count)
            return mean > 0 ? sampleVariance(ratios).squareRoot() / mean : .infinity
        }
        return variation(zip(spreads, means).map { $0 / $1 }) < variation(spreads)
    }

    public func forecast(horizon: Int, level: Double = 0.95) -> Forecast {
        let base = adjusted.forecast(horizon: horizon, level: level)
        func reseason(_ values: [Double]) -> [Double] {
            values.enumerated().map { i, value in
                let shifted = value + season[(phase + i) % season.count]
                return scale * (logarithmic ? Double.exp(min(shifted, 700)) : shifted)
            }
        }
        return Forecast(
            mean: reseason(base.mean), lower: reseason(base.lower), upper: reseason(base.upper), level: level)
    }

    public mutating func update(with values: [Double]) {
        for value in values {
            let scaled = value / scale
            let z = logarithmic ? (scaled > 0 ? Double.log(scaled) : .nan) : scaled
            adjusted.update(with: [z - season[phase]])
            phase = (phase + 1) % season.count
        }
    }
}
