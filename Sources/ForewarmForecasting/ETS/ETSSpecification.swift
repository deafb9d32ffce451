/// Which exponential smoothing model: error, trend and seasonal components (Hyndman's ETS taxonomy).
public struct ETSSpecification: Sendable, Hashable, CustomStringConvertible {
    /// How the error enters the observation: added, or proportional to the level.
    public enum Error: String, Sendable, Hashable { case additive = "A", multiplicative = "M" }
    /// The trend component: none, additive (Holt) or additive damped.
    public enum Trend: String, Sendable, Hashable { case none = "N", additive = "A", damped = "Ad" }
    /// The seasonal component: none or Holt–Winters additive or multiplicative.
    public enum Season: String, Sendable, Hashable { case none = "N", additive = "A", multiplicative = "M" }

    public var error: Error
    public var trend: Trend
    public var season: Season
    /// Buckets per season (ignored when `season` is `.none`).
    public var seasonLength: Int

    public init(error: Error = .additive, trend: Trend = .none, season: Season = .none, seasonLength: Int = 1) {
        self.error = error
        self.trend = trend
        self.season = seasonLength > 1 ? season : .none
        self.seasonLength = self.season == .none ? 1 : seasonLength
    }

    /// Simple exponential smoothing, ETS(A,N,N).
    public static let simple = ETSSpecification()
    /// Holt's linear trend, ETS(A,A,N).
    public static let holt = ETSSpecification(trend: .additive)
    /// Holt's damped trend, ETS(A,Ad,N).
    public static let dampedHolt = ETSSpecification(trend: .damped)

    /// Holt–Winters with additive or multiplicative seasonality.
    public static func holtWinters(seasonLength: Int, multiplicative: Bool = false, damped: Bool = false)
        -> ETSSpecification
    {
        ETSSpecification(
            error: multiplicative ? .multiplicative : .additive, trend: damped ? .damped : .additive,
            season: multiplicative ? .multiplicative : .additive, seasonLength: seasonLength)
    }

    /// `ETS(A,Ad,N)` style name.
    public var description: String { "ETS(\(error.rawValue),\(trend.rawValue),\(season.rawValue))" }

    /// Parses `ANN`, `AAdN`, `MAM`, … (the letters of the name, without punctuation).
    public init?(code: String, seasonLength: Int) {
        var rest = Substring(code.uppercased())
        guard let e = rest.first.flatMap({ Error(rawValue: String($0)) }) else { return nil }
        rest = rest.dropFirst()
        let t: Trend
        if rest.hasPrefix("AD") {
            t = .damped; rest = rest.dropFirst(2)
        } else if let c = rest.first, let parsed = Trend(rawValue: String(c)) {
            t = parsed; rest = rest.dropFirst()
        } else {
            return nil
        }
        guard rest.count == 1, let s = Season(rawValue: String(rest)) else { return nil }
        if s != .none && seasonLength < 2 { return nil }
        self.init(error: e, trend: t, season: s, seasonLength: seasonLength)
    }

    /// Smoothing parameters estimated (alpha, beta, gamma, phi) for this specification.
    var smoothingCount: Int {
        1 + (trend == .none ? 0 : 1) + (season == .none ? 0 : 1) + (trend == .damped ? 1 : 0)
    }

    /// Whether the model needs strictly positive data.
    var needsPositiveData: Bool { error == .multiplicative || season == .multiplicative }
}

/// The objective a model's parameters are fitted by.
public enum FitObjective: String, Sendable, Hashable {
    /// Maximum likelihood (as statsmodels' ETSModel and statsforecast's AutoETS).
    case likelihood
    /// Sum of squared one-step errors (as statsmodels' `holtwinters.ExponentialSmoothing`).
    case sse
}
