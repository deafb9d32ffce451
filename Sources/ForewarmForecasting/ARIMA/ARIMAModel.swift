import RealModule

/// A fitted (seasonal) ARIMA model with an optional constant, estimated by exact or conditional maximum likelihood.
public struct ARIMAModel: Forecaster {
    public let specification: ARIMASpecification
    public let method: ARIMAMethod
    let coefficients: ARMACoefficients
    /// Innovation variance in scaled units.
    let variance: Double
    let scale: Double
    let differencing: [Double]
    var filter: ARMAKalmanFilter
    /// The last `differencing.count` scaled observations, oldest first.
    var tail: [Double]
    /// Maximised log-likelihood (of the differenced series).
    public let logLikelihood: Double
    /// Corrected Akaike information criterion, used by `AutoARIMA`.
    public let aicc: Double

    public var name: String { specification.description }

    public var parameters: [String: Double] {
        var p: [String: Double] = ["sigma2": variance * scale * scale]
        for (i, v) in coefficients.ar.enumerated() { p["ar.L\(i + 1)"] = v }
        for (i, v) in coefficients.ma.enumerated() { p["ma.L\(i + 1)"] = v }
        let m = specification.seasonLength
        for (i, v) in coefficients.seasonalAR.enumerated() { p["ar.S.L\((i + 1) * m)"] = v }
        for (i, v) in coefficients.seasonalMA.enumerated() { p["ma.S.L\((i + 1) * m)"] = v }
        if specification.includesConstant { p["mean"] = coefficients.mean * scale }
        return p.finiteValues()
    }

    /// Fits `specification` to `series` (non-finite values are interpolated).
    public init(fitting series: [Double], specification: ARIMASpecification, method: ARIMAMethod = .exact) throws {
        let lag = specification.differencingLag
        let arLength = specification.p + specification.seasonalP * specification.seasonLength
        let needs = lag + max(arLength, specification.coefficientCount) + 3
        let prepared = try PreparedSeries(series, model: specification.description, minimumCount: needs)
        let y = prepared.values
        let delta = Polynomials.differencing(
            d: specification.d, seasonalD: specification.seasonalD, m: specification.seasonLength)
        let w = Self.difference(y, delta)
        let fitter = ARIMAFitter(w: w, spec: specification)
        let (coefficients, _) = fitter.fit(method: method)
        guard
            var filter = ARMAKalmanFilter(
                ar: coefficients.expandedAR(specification.seasonLength),
                ma: coefficients.expandedMA(specification.seasonLength))
        else { throw ForecastError("\(specification) has no stationary fit on this series") }
        var sum = 0.0, logs = 0.0
        filter.absorb(w, mean: coefficients.mean) { v, f in
            sum += v * v / f
            logs += Double.log(f)
        }
        let n = Double(w.count)
        let sigma2 = sum / n
        var ll = -0.5 * (n * Double.log(2 * .pi * max(sigma2, 1e-300)) + n + logs) - n * Double.log(prepared.scale)
        if !ll.isFinite { ll = -.greatestFiniteMagnitude }
        let k = Double(specification.coefficientCount + (specification.includesConstant ? 1 : 0) + 1)
        let penalty = n - k - 1 > 0 ? 2 * k * (k + 1) / (n - k - 1) : .greatestFiniteMagnitude
        let aicc = -2 * ll + 2 * k + penalty
        self.specification = specification
        self.method = method
        self.coefficients = coefficients
        self.variance = sigma2.isFinite ? sigma2 : 0
        self.scale = prepared.scale
        self.differencing = delta
        self.filter = filter
        self.tail = Array(y.suffix(delta.count))
        self.logLikelihood = ll
        self.aicc = aicc.isFinite ? aicc : .greatestFiniteMagnitude
    }

    /// w_t = y_t − Σ δ_k y_{t−k}.
    static func difference(_ y: [Double], _ delta: [Double]) -> [Double] {
        guard !delta.isEmpty else { return y }
        return (delta.count..<y.count).map { t in
            var v = y[t]
            for (k, c) in delta.enumerated() where c != 0 { v -= c * y[t - k - 1] }
            return v
        }
    }

    public func forecast(horizon: Int, level: Double = 0.95) -> Forecast {
        guard horizon > 0 else { return Forecast(mean: [], lower: [], upper: [], level: level) }
        let w = filter.forecast(horizon).map { $0 + coefficients.mean }
        var history = tail
        var mean = [Double]()
        for value in w {
            var y = value
            for (k, c) in differencing.enumerated() where c != 0 { y += c * history[history.count - k - 1] }
            history.append(y)
            mean.append(y * scale)
        }
        let m = specification.seasonLength
        let ar = Polynomials.multiply(
            coefficients.expandedAR(m).map { -$0 }, differencing.map { -$0 }
        ).map { -$0 }
        let psi = Polynomials.psiWeights(ar: ar, ma: coefficients.expandedMA(m), count: horizon)
        var cumulative = 0.0
        let sds = psi.map { p -> Double in
            cumulative += p * p
            return (variance * cumulative).squareRoot() * scale
        }
        return Forecast(mean: mean, standardDeviations: sds, level: level, fallback: (tail.last ?? 0) * scale)
    }

    public mutating func update(with values: [Double]) {
        for raw in values {
            let y = raw.isFinite ? raw / scale : (forecast(horizon: 1, level: 0.5).mean.first ?? 0) / scale
            var w = y
            for (k, c) in differencing.enumerated() where c != 0 { w -= c * tail[tail.count - k - 1] }
            _ = filter.step(w - coefficients.mean)
            if !differencing.isEmpty {
                tail.append(y)
                tail.removeFirst()
            }
        }
    }
}
