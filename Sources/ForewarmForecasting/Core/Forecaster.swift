/// A fitted forecasting model: what the controller holds per series.
///
/// Fitting is done by each model's `fit` initializer; a forecaster then forecasts any horizon with intervals and
/// absorbs new buckets through `update(with:)` without refitting its parameters.
public protocol Forecaster: Sendable {
    /// A short model name, e.g. `ETS(A,Ad,N)` or `ARIMA(1,0,1)+c`.
    var name: String { get }
    /// The fitted parameters by name (smoothing weights, coefficients, variance).
    var parameters: [String: Double] { get }
    /// Forecasts `horizon` steps ahead with a central interval at `level` (0 < level < 1).
    func forecast(horizon: Int, level: Double) -> Forecast
    /// Feeds newly observed buckets through the model's state, keeping its parameters.
    mutating func update(with values: [Double])
}
