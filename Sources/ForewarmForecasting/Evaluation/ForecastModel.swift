/// Which model to fit: a family chosen automatically, or a specific specification.
public enum ForecastModel: Sendable, Hashable, CustomStringConvertible {
    /// AutoETS, AutoARIMA or the naive baseline, whichever has the lowest rolling-origin MASE on the series.
    case auto
    /// The ETS specification with the lowest AICc.
    case ets
    /// The ARIMA orders chosen by the stepwise AICc search.
    case arima
    /// Holt–Winters (additive or multiplicative by AICc), or Holt (plain or damped) without a season.
    case holtWinters
    /// The seasonal naive baseline.
    case naive
    /// A given ETS specification.
    case exponentialSmoothing(ETSSpecification)
    /// Given ARIMA orders.
    case arimaOrders(ARIMASpecification, ARIMAMethod)

    /// Parses the CLI names `auto`, `ets`, `arima`, `holt-winters`, `naive`.
    public init?(name: String) {
        switch name.lowercased() {
        case "auto": self = .auto
        case "ets": self = .ets
        case "arima": self = .arima
        case "holt-winters", "holtwinters", "hw": self = .holtWinters
        case "naive", "snaive", "seasonal-naive": self = .naive
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .auto: "auto"
        case .ets: "ets"
        case .arima: "arima"
        case .holtWinters: "holt-winters"
        case .naive: "naive"
        case .exponentialSmoothing(let s): s.description
        case .arimaOrders(let s, _): s.description
        }
    }

    /// Fits the model to `series`. Series too short for the chosen model fall back to the naive baseline; a series
    /// with no finite value throws.
    public func fit(_ series: [Double], seasonLength: Int = 1, selection: ModelSelection = ModelSelection())
        throws -> any Forecaster
    {
        let m = max(seasonLength, 1)
        guard series.contains(where: \.isFinite) else {
            throw ForecastError("the series has no finite values to forecast from (\(series.count) given)")
        }
        do {
            switch self {
            case .auto: return try selection.choose(series, seasonLength: m)
            case .ets: return try AutoETS.fit(series, seasonLength: m)
            case .arima: return try AutoARIMA().fit(series, seasonLength: m)
            case .holtWinters: return try Self.holtWinters(series, seasonLength: m)
            case .naive: return try SeasonalNaive(fitting: series, seasonLength: m)
            case .exponentialSmoothing(let spec): return try ETSModel(fitting: series, specification: spec)
            case .arimaOrders(let spec, let method):
                return try ARIMAModel(fitting: series, specification: spec, method: method)
            }
        } catch is ForecastError {
            return try SeasonalNaive(fitting: series, seasonLength: m)
        }
    }

    static func holtWinters(_ series: [Double], seasonLength m: Int) throws -> ETSModel {
        let positive = series.filter(\.isFinite).allSatisfy { $0 > 0 }
        var specs: [ETSSpecification] = [.holt, .dampedHolt]
        if m > 1 {
            specs = [.holtWinters(seasonLength: m), .holtWinters(seasonLength: m, damped: true)]
            if positive {
                specs += [.holtWinters(seasonLength: m, multiplicative: true),
                    .holtWinters(seasonLength: m, multiplicative: true, damped: true)]
            }
        }
        var best: ETSModel?
        for spec in specs {
            guard let model = try? ETSModel(fitting: series, specification: spec) else { continue }
            if best.map({ model.aicc < $0.aicc }) ?? true { best = model }
        }
        guard let best else { throw ForecastError.tooShort("Holt-Winters", needs: 2 * m + 2, has: series.count) }
        return best
    }
}

/// How `.auto` picks a model per series: rolling-origin MASE of each candidate family on the series itself.
public struct ModelSelection: Sendable, Hashable {
    /// Candidate families, tried in order (ties keep the earlier one).
    public var candidates: [ForecastModel] = [.ets, .arima, .naive]
    /// The backtest the candidates are scored by.
    public var backtest = RollingOrigin(horizon: 5, origins: 6, step: 5)

    public init() {}

    public init(candidates: [ForecastModel], backtest: RollingOrigin) {
        self.candidates = candidates
        self.backtest = backtest
    }

    /// Fits the candidate family with the lowest backtest MASE on `series`.
    func choose(_ series: [Double], seasonLength: Int) throws -> any Forecaster {
        var plan = backtest
        plan.seasonLength = seasonLength
        var best = candidates.first ?? .naive, bestScore = Double.infinity
        for candidate in candidates {
            let score = plan.evaluate(series) { try candidate.fit($0, seasonLength: seasonLength) }
            if let mase = score?.mase, mase < bestScore { best = candidate; bestScore = mase }
        }
        return try best.fit(series, seasonLength: seasonLength)
    }
}
