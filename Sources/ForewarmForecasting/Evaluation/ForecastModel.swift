import RealModule

/// Which model to fit: a family chosen automatically, or a specific specification.
public enum ForecastModel: Sendable, Hashable, CustomStringConvertible {
    /// The default model (STL + AutoETS on seasonal series, AutoETS otherwise) unless AutoARIMA, Holt–Winters, the
    /// naive baseline or the ETS + ARIMA mean is significantly better in a rolling-origin backtest on the series
    /// (see `ModelSelection`).
    case auto
    /// The ETS specification with the lowest AICc.
    case ets
    /// The ARIMA orders chosen by the stepwise AICc search.
    case arima
    /// Holt–Winters fitted by least squares (additive or multiplicative season by AIC), or Holt (plain or damped)
    /// without a season.
    case holtWinters
    /// STL decomposition, AutoETS on the seasonally adjusted series (on the log scale for a positive series whose
    /// season grows with its level); AutoETS alone on a series without a season.
    case stl
    /// The seasonal naive baseline.
    case naive
    /// A given ETS specification.
    case exponentialSmoothing(ETSSpecification)
    /// Given ARIMA orders.
    case arimaOrders(ARIMASpecification, ARIMAMethod)

    /// Parses the CLI names `auto`, `ets`, `arima`, `holt-winters`, `stl`, `naive`, and `ses` (simple exponential
    /// smoothing, ETS(A,N,N)).
    public init?(name: String) {
        switch name.lowercased() {
        case "auto": self = .auto
        case "ets": self = .ets
        case "arima": self = .arima
        case "holt-winters", "holtwinters", "hw": self = .holtWinters
        case "stl", "stlf": self = .stl
        case "ses", "simple": self = .exponentialSmoothing(.simple)
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
        case .stl: "stl"
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
            case .auto:
                return try ModelSelection.fit(selection.select(series, seasonLength: m), to: series, seasonLength: m)
            case .ets: return try AutoETS.fit(series, seasonLength: m)
            case .arima: return try AutoARIMA().fit(series, seasonLength: m)
            case .holtWinters: return try Self.holtWinters(series, seasonLength: m)
            case .stl:
                guard m > 1 else { return try AutoETS.fit(series) }
                let logarithmic = STLForecaster.prefersLogarithm(series, seasonLength: m)
                return try STLForecaster(fitting: series, seasonLength: m, logarithmic: logarithmic)
            case .naive: return try SeasonalNaive(fitting: series, seasonLength: m)
            case .exponentialSmoothing(let spec): return try ETSModel(fitting: series, specification: spec)
            case .arimaOrders(let spec, let method):
                return try ARIMAModel(fitting: series, specification: spec, method: method)
            }
        } catch is ForecastError {
            return try SeasonalNaive(fitting: series, seasonLength: m)
        }
    }

    /// Classic Holt–Winters as statsmodels' `holtwinters.ExponentialSmoothing` fits it: weights and initial states
    /// by least squares, additive or multiplicative season (plain or damped trend), chosen by AIC of the SSE fit
    /// (n log(SSE/n) + 2k, comparable across the two season types since both minimise the same squared errors).
    /// Without a season: Holt, plain or damped.
    static func holtWinters(_ series: [Double], seasonLength m: Int) throws -> ETSModel {
        let positive = series.filter(\.isFinite).allSatisfy { $0 > 0 }
        var specs: [ETSSpecification] = [.holt, .dampedHolt]
        if m > 1 {
            specs = [.holtWinters(seasonLength: m), .holtWinters(seasonLength: m, damped: true)]
            if positive {
                specs += [
                    .holtWinters(seasonLength: m, multiplicative: true),
                    .holtWinters(seasonLength: m, multiplicative: true, damped: true),
                ]
            }
        }
        var best: (model: ETSModel, aic: Double)?
        for spec in specs {
            guard let model = try? ETSModel(fitting: series, specification: spec, objective: .sse) else { continue }
            let n = Double(model.observations)
            let k = Double(spec.smoothingCount + 1 + (spec.trend == .none ? 0 : 1) + (spec.season == .none ? 0 : m - 1))
            let aic = n * Double.log(max(model.absoluteSquaredErrors / n, 1e-300)) + 2 * k
            if aic.isFinite, best.map({ aic < $0.aic }) ?? true { best = (model, aic) }
        }
        guard let best else { throw ForecastError.tooShort("Holt-Winters", needs: 2 * m + 2, has: series.count) }
        return best.model
    }
}
