import RealModule

/// ARMA coefficients of a fitted model (statsmodels' sign convention: y_t = Σ φ_i y_{t−i} + ε_t + Σ θ_j ε_{t−j}).
struct ARMACoefficients: Sendable, Equatable {
    var ar: [Double] = []
    var ma: [Double] = []
    var seasonalAR: [Double] = []
    var seasonalMA: [Double] = []
    var mean = 0.0

    /// Full AR coefficients of (1 − φ(B))(1 − Φ(B^m)).
    func expandedAR(_ m: Int) -> [Double] {
        Polynomials.multiply(ar.map { -$0 }, Polynomials.seasonal(seasonalAR.map { -$0 }, m)).map { -$0 }
    }

    /// Full MA coefficients of (1 + θ(B))(1 + Θ(B^m)).
    func expandedMA(_ m: Int) -> [Double] { Polynomials.multiply(ma, Polynomials.seasonal(seasonalMA, m)) }
}

/// Estimates ARMA coefficients and the constant of a differenced series by CSS, then (for `.exact`) by the exact
/// Kalman-filter likelihood starting from the CSS estimates.
struct ARIMAFitter {
    let w: [Double]
    let spec: ARIMASpecification
    let spread: Double

    init(w: [Double], spec: ARIMASpecification) {
        self.w = w
        self.spec = spec
        spread = max(sampleVariance(w).squareRoot(), 1e-8)
    }

    /// Returns the coefficients and the concentrated −2 log-likelihood (exact or conditional).
    func fit(method: ARIMAMethod) -> (ARMACoefficients, Double) {
        var x = [Double](repeating: 0, count: spec.coefficientCount)
        if spec.includesConstant { x.append(w.reduce(0, +) / Double(w.count) / spread) }
        let optimizer = NelderMead(
            maxEvaluations: 300 * max(x.count, 1), tolerance: 1e-9, restarts: 1, initialStep: 0.3)
        if !x.isEmpty { x = optimizer.minimize(x) { conditionalObjective(decode($0)) }.x }
        if method == .conditional { return (decode(x), conditionalObjective(decode(x))) }
        // The CSS optimum is close: a short, local simplex polishes it under the exact likelihood.
        let polish = NelderMead(maxEvaluations: 120 * max(x.count, 1), tolerance: 1e-9, restarts: 1, initialStep: 0.05)
        let exact = x.isEmpty ? x : polish.minimize(x) { exactObjective(decode($0)) }.x
        return (decode(exact), exactObjective(decode(exact)))
    }

    func decode(_ x: [Double]) -> ARMACoefficients {
        var i = 0
        func take(_ k: Int) -> [Double] { defer { i += k }; return Array(x[i..<(i + k)]) }
        var c = ARMACoefficients()
        c.ar = Polynomials.stationary(take(spec.p))
        c.ma = Polynomials.stationary(take(spec.q)).map { -$0 }
        c.seasonalAR = Polynomials.stationary(take(spec.seasonalP))
        c.seasonalMA = Polynomials.stationary(take(spec.seasonalQ)).map { -$0 }
        if spec.includesConstant { c.mean = x[i] * spread }
        return c
    }

    /// Unconstrained coordinates of given coefficients (the inverse of `decode`).
    func encode(_ c: ARMACoefficients) -> [Double] {
        var x = Polynomials.unconstrained(c.ar) + Polynomials.unconstrained(c.ma.map { -$0 })
        x += Polynomials.unconstrained(c.seasonalAR) + Polynomials.unconstrained(c.seasonalMA.map { -$0 })
        if spec.includesConstant { x.append(c.mean / spread) }
        return x
    }

    /// n log(SSE / n) over the residuals after the first p + mP observations.
    func conditionalObjective(_ c: ARMACoefficients) -> Double {
        let ar = c.expandedAR(spec.seasonLength), ma = c.expandedMA(spec.seasonLength)
        let start = ar.count
        guard w.count > start + 1 else { return .infinity }
        var e = [Double](repeating: 0, count: w.count)
        var sse = 0.0
        for t in start..<w.count {
            var v = w[t] - c.mean
            for (i, a) in ar.enumerated() { v -= a * (w[t - i - 1] - c.mean) }
            for (j, b) in ma.enumerated() where t - j - 1 >= 0 { v -= b * e[t - j - 1] }
            e[t] = v
            sse += v * v
        }
        let n = Double(w.count - start)
        return sse.isFinite ? n * Double.log(max(sse / n, 1e-300)) : .infinity
    }

    /// −2 log-likelihood (up to n log 2π + n) with σ² concentrated out.
    func exactObjective(_ c: ARMACoefficients) -> Double {
        guard var filter = ARMAKalmanFilter(ar: c.expandedAR(spec.seasonLength), ma: c.expandedMA(spec.seasonLength))
        else { return .infinity }
        var sum = 0.0, logs = 0.0
        filter.absorb(w, mean: c.mean) { v, f in
            sum += v * v / f
            logs += Double.log(f)
        }
        let n = Double(w.count)
        let value = n * Double.log(max(sum / n, 1e-300)) + logs
        return value.isFinite ? value : .infinity
    }
}
