/// Lag-polynomial helpers. Coefficients are stored without the leading 1: `[a1, a2, …]` means 1 + a1 B + a2 B² ….
enum Polynomials {
    /// Product of two lag polynomials in the 1 + Σ form.
    static func multiply(_ a: [Double], _ b: [Double]) -> [Double] {
        let full = [1] + a, other = [1] + b
        var out = [Double](repeating: 0, count: full.count + other.count - 1)
        for (i, x) in full.enumerated() { for (j, y) in other.enumerated() { out[i + j] += x * y } }
        return Array(out.dropFirst())
    }

    /// Expands a seasonal polynomial: coefficients at lags m, 2m, ….
    static func seasonal(_ coefficients: [Double], _ m: Int) -> [Double] {
        guard !coefficients.isEmpty else { return [] }
        var out = [Double](repeating: 0, count: coefficients.count * m)
        for (i, c) in coefficients.enumerated() { out[(i + 1) * m - 1] = c }
        return out
    }

    /// Maps unconstrained reals to the coefficients of a stationary AR polynomial 1 − Σ φ B^i (Jones 1980: partial
    /// autocorrelations r = u/√(1+u²), then Durbin–Levinson).
    static func stationary(_ u: [Double]) -> [Double] {
        var phi = [Double]()
        for (k, x) in u.enumerated() {
            let r = x / (1 + x * x).squareRoot()
            var next = phi
            for i in 0..<k { next[i] = phi[i] - r * phi[k - 1 - i] }
            next.append(r)
            phi = next
        }
        return phi
    }

    /// Inverse of `stationary`, clipping partial autocorrelations to ±0.99 for non-stationary input.
    static func unconstrained(_ phi: [Double]) -> [Double] {
        var current = phi
        var r = [Double](repeating: 0, count: phi.count)
        for k in stride(from: phi.count - 1, through: 0, by: -1) {
            let rk = min(max(current[k], -0.99), 0.99)
            r[k] = rk
            var previous = [Double](repeating: 0, count: k)
            for i in 0..<k { previous[i] = (current[i] + rk * current[k - 1 - i]) / (1 - rk * rk) }
            current = previous
        }
        return r.map { $0 / (1 - $0 * $0).squareRoot() }
    }

    /// The differencing operator (1 − B)^d (1 − B^m)^D as `δ` with y_t − Σ δ_k y_{t−k} = w_t.
    static func differencing(d: Int, seasonalD: Int, m: Int) -> [Double] {
        var poly: [Double] = []
        for _ in 0..<d { poly = multiply(poly, [-1]) }
        for _ in 0..<seasonalD { poly = multiply(poly, seasonal([-1], m)) }
        return poly.map { -$0 }
    }

    /// ψ weights of y_t = Σ ψ_j ε_{t−j} for AR coefficients `ar` (y_t = Σ ar_i y_{t−i} + …) and MA `ma`.
    static func psiWeights(ar: [Double], ma: [Double], count: Int) -> [Double] {
        var psi = [Double](repeating: 0, count: max(count, 1))
        psi[0] = 1
        for j in 1..<max(count, 1) {
            var v = j <= ma.count ? ma[j - 1] : 0
            for i in 1...min(j, max(ar.count, 1)) where i <= ar.count { v += ar[i - 1] * psi[j - i] }
            psi[j] = v
        }
        return Array(psi.prefix(count))
    }
}
