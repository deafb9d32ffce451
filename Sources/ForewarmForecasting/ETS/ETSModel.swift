import RealModule

/// A fitted exponential smoothing model (simple, Holt, damped Holt, Holt–Winters additive or multiplicative).
///
/// Smoothing weights and initial states are estimated together by maximum likelihood (or SSE), within the usual
/// region 0 < β < α < 1, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98, as statsmodels' `ETSModel` does.
public struct ETSModel: Forecaster {
    public let specification: ETSSpecification
    let weights: ETSWeights
    var state: ETSState
    /// Variance of the one-step errors (relative errors for multiplicative-error models), in scaled units.
    var variance: Double
    var squaredErrors: Double
    var observations: Int
    /// Sum of squared one-step errors of the fit in scaled data units (whatever the error type): the SSE criterion.
    let absoluteSquaredErrors: Double
    let scale: Double
    let initialState: ETSState
    /// Maximised log-likelihood of the fit.
    public let logLikelihood: Double
    /// Corrected Akaike information criterion, used by `AutoETS`.
    public let aicc: Double

    public var name: String { specification.description }

    public var parameters: [String: Double] {
        var p: [String: Double] = [
            "alpha": weights.alpha,
            "sigma2": variance
                * (specification.error == .additive
                    ? scale * scale : 1),
            "initial_level": initialState.level * scale,
        ]
        if specification.trend != .none {
            p["beta"] = weights.beta
            p["initial_trend"] = initialState.trend * scale
        }
        if specification.trend == .damped { p["phi"] = weights.phi }
        if specification.season != .none { p["gamma"] = weights.gamma }
        return p.finiteValues()
    }

    /// Fits `specification` to `series` (non-finite values are interpolated).
    public init(fitting series: [Double], specification: ETSSpecification, objective: FitObjective = .likelihood)
        throws
    {
        let m = specification.seasonLength
        let needs = specification.season == .none ? 3 : 2 * m + 2
        let prepared = try PreparedSeries(series, model: specification.description, minimumCount: needs)
        let y = prepared.values
        if specification.needsPositiveData, y.contains(where: { $0 <= 0 }) {
            throw ForecastError("\(specification) needs strictly positive data")
        }
        let fitter = ETSFitter(y: y, spec: specification, objective: objective)
        let (weights, initial) = fitter.fit()
        var state = initial
        var sse = 0.0, logs = 0.0, absolute = 0.0
        for value in y {
            let f = state.oneStep(specification, weights)
            let e = specification.error == .additive ? value - f : (value - f) / f
            sse += e * e
            absolute += (value - f) * (value - f)
            if specification.error == .multiplicative { logs += Double.log(abs(f)) }
            state.advance(value, specification, weights)
        }
        let n = Double(y.count)
        let sigma2 = max(sse / n, 1e-300)
        var ll = -0.5 * n * (Double.log(2 * .pi * sigma2) + 1) - logs
        if specification.error == .additive { ll -= n * Double.log(prepared.scale) }
        let k = Double(
            specification.smoothingCount + 1 + (specification.trend == .none ? 0 : 1)
                + (specification.season == .none ? 0 : m - 1) + 1)
        self.specification = specification
        self.weights = weights
        self.state = state
        self.initialState = initial
        self.variance = sse / n
        self.squaredErrors = sse
        self.absoluteSquaredErrors = absolute
        self.observations = y.count
        self.scale = prepared.scale
        self.logLikelihood = ll.isFinite ? ll : -.greatestFiniteMagnitude
        let penalty = n - k - 1 > 0 ? 2 * k * (k + 1) / (n - k - 1) : .greatestFiniteMagnitude
        let aicc = -2 * self.logLikelihood + 2 * k + penalty
        self.aicc = aicc.isFinite ? aicc : .greatestFiniteMagnitude
    }

    public func forecast(horizon: Int, level: Double = 0.95) -> Forecast {
        guard horizon > 0 else { return Forecast(mean: [], lower: [], upper: [], level: level) }
        let mean = state.forecast(horizon, specification, weights)
        let factors = ETSState.varianceFactors(horizon, specification, weights)
        let sds = zip(mean, factors).map { f, c -> Double in
            let sd = (variance * c).squareRoot()
            return (specification.error == .additive ? sd : sd * abs(f)) * scale
        }
        return Forecast(
            mean: mean.map { $0 * scale }, standardDeviations: sds, level: level, fallback: state.level * scale)
    }

    public mutating func update(with values: [Double]) {
        let spec = specification, w = weights
        for value in PreparedSeries.incoming(values, scale: scale, fallback: { _ in state.oneStep(spec, w) }) {
            let f = state.oneStep(spec, w)
            let e = spec.error == .additive ? value - f : (f == 0 ? 0 : (value - f) / f)
            if e.isFinite {
                squaredErrors += e * e
                observations += 1
                variance = squaredErrors / Double(observations)
            }
            state.advance(value, spec, w)
            if !state.level.isFinite || !state.trend.isFinite { state = initialState }
        }
    }
}
