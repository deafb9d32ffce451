import ForewarmForecasting
import Foundation

/// One demand series (arrivals or CPU-seconds per control period) and its forecast, kept cheap: the model is fitted
/// once `minimumHistory` buckets exist, then updated incrementally each bucket and refitted every `refitEvery`
/// buckets on the last `window` (ForewarmForecasting's `ScheduledForecaster`). Before the first fit it falls back to
/// the rolling mean and standard deviation of what it has seen.
public struct SeriesForecaster: Sendable {
    public struct Options: Sendable, Hashable {
        /// Simple exponential smoothing fits in about a millisecond. `.auto` chooses per series among `selection`'s
        /// candidates by backtest instead, which replays slower and did not pay on the evaluation traces
        /// (docs/controller.md, "The forecasting model").
        public var model: ForecastModel = .exponentialSmoothing(.simple)
        /// How `.auto` chooses: simple exponential smoothing unless damped Holt or the naive forecast is
        /// significantly better over six 5-bucket backtest origins.
        public var selection = ModelSelection(
            candidates: [.exponentialSmoothing(.simple), .exponentialSmoothing(.dampedHolt), .naive],
            combinations: [], backtest: RollingOrigin(horizon: 5, origins: 6, step: 5))
        /// Refits between backtest selections (the refits in between keep the chosen family).
        public var reselectEvery = 4
        public var minimumHistory = 12
        public var refitEvery = 60
        public var window = 720
        /// Consecutive one-step errors of one sign that count as a level shift and trigger an early refit (a model
        /// fitted on noise has α ≈ 0 and would otherwise ignore a shift until its next scheduled refit).
        public var driftRun = 6
        public init() {}

        /// The forecasters offered by name (`simulate --forecast-model`, the gateway's `controller.forecastModel`):
        /// `ses` (the default, simple exponential smoothing) and `auto` (chosen per series by backtest).
        public static let modelNames = ["ses", "auto"]

        /// The forecaster called `name`, if it is one of ``modelNames``.
        public static func model(named name: String) -> ForecastModel? {
            modelNames.contains(name) ? ForecastModel(name: name) : nil
        }
    }

    public let options: Options
    private var recent: RollingWindow
    private var history: [Double] = []
    private var fitted: ScheduledForecaster?
    private var drift = 0

    public init(options: Options = Options()) {
        self.options = options
        recent = RollingWindow(capacity: max(options.minimumHistory, 2))
    }

    /// Starts from an existing series (e.g. a pool's share of the binned history after its score range moved).
    public init(history: [Double], options: Options = Options()) {
        self.init(options: options)
        for value in history.suffix(options.window) { append(value) }
    }

    /// Buckets seen.
    public private(set) var count = 0
    /// The model in use (nil before the first fit).
    public var modelName: String? { fitted?.name }

    public mutating func append(_ value: Double) {
        let value = value.isFinite ? max(value, 0) : 0
        count += 1
        recent.append(value)
        history.append(value)
        if history.count > 2 * options.window { history.removeFirst(history.count - options.window) }
        if fitted != nil {
            let expected = fitted?.forecast(horizon: 1, level: 0.5).mean.first ?? value
            let sign = value > expected ? 1 : (value < expected ? -1 : 0)
            drift = sign != 0 && (drift == 0 || (drift > 0) == (sign > 0)) ? drift + sign : sign
            // In place: updating a copy while `fitted` still holds the original would copy its history each bucket.
            fitted?.update(with: [value])
            if abs(drift) >= options.driftRun {
                drift = 0
                refit()
            }
            return
        }
        if history.count >= options.minimumHistory { refit() }
    }

    private mutating func refit() {
        if let model = try? ScheduledForecaster(
            fitting: Array(history.suffix(options.window)), model: options.model, refitEvery: options.refitEvery,
            window: options.window, selection: options.selection, reselectEvery: options.reselectEvery)
        {
            fitted = model
        }
    }

    /// The mean forecast and the upper bound at `quantile` (one-sided, e.g. 0.9), each the maximum over the next
    /// `horizon` buckets, never below 0.
    public func forecast(horizon: Int, quantile: Double) -> (mean: Double, upper: Double) {
        let h = max(horizon, 1)
        let q = min(max(quantile, 0.5), 0.999)
        if let fitted {
            let f = fitted.forecast(horizon: h, level: 2 * q - 1).clamped(atLeast: 0)
            return (f.mean.max() ?? 0, f.upper.max() ?? 0)
        }
        guard recent.count > 0 else { return (0, 0) }
        let z = NormalQuantile.of(q)
        return (recent.mean, max(recent.mean + z * recent.variance.squareRoot(), recent.quantile(q)))
    }
}

/// The standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9).
enum NormalQuantile {
    static func of(_ p: Double) -> Double {
        let p = min(max(p, 1e-12), 1 - 1e-12)
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low { return -of(1 - p) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
