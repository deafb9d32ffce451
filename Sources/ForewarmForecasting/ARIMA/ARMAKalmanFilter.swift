import RealModule

/// The Kalman filter of a zero-mean ARMA process in companion (Harvey) form, with unit innovation variance.
///
/// Each step costs O(r²) for state dimension r = max(p, q + 1) by exploiting the companion structure, and O(r)
/// once the prediction variance has converged to its steady state (as R's `arima` does).
struct ARMAKalmanFilter: Sendable {
    let phi: [Double]
    let r: [Double]
    let dimension: Int
    /// Predicted state a_{t|t-1}.
    var state: [Double]
    /// Predicted covariance P_{t|t-1}, row-major.
    var covariance: [Double]
    var steady = false

    /// Starts the filter at the stationary distribution; fails when the AR part is not stationary.
    init?(ar: [Double], ma: [Double]) {
        let n = max(ar.count, ma.count + 1)
        dimension = n
        phi = ar + [Double](repeating: 0, count: n - ar.count)
        r = [1] + ma + [Double](repeating: 0, count: n - 1 - ma.count)
        state = [Double](repeating: 0, count: n)
        guard let p0 = Self.stationaryCovariance(phi: phi, r: r) else { return nil }
        covariance = p0
    }

    /// Solves P = T P T' + R R' by doubling: P = Σ T^k R R' T'^k.
    static func stationaryCovariance(phi: [Double], r: [Double]) -> [Double]? {
        let n = phi.count
        var p = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { p[i * n + j] = r[i] * r[j] } }
        if phi.allSatisfy({ $0 == 0 }) {
            // Pure MA: T is a shift, so the sum is finite.
            var total = p, term = p
            for _ in 1..<max(n, 1) {
                term = shift(term, n)
                for k in 0..<(n * n) { total[k] += term[k] }
            }
            return total
        }
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n { a[i * n] = phi[i]; if i + 1 < n { a[i * n + i + 1] = 1 } }
        for _ in 0..<80 {
            let apa = multiply(multiply(a, p, n), transpose(a, n), n)
            var change = 0.0, size = 0.0
            for k in 0..<(n * n) { p[k] += apa[k]; change = max(change, abs(apa[k])); size = max(size, abs(p[k])) }
            if !size.isFinite || size > 1e12 { return nil }
            if change <= 1e-14 * size { return p }
            a = multiply(a, a, n)
        }
        return nil
    }

    /// Absorbs observation `y` (already demeaned); returns the innovation and its variance.
    mutating func step(_ y: Double) -> (v: Double, f: Double) {
        var result = (v: 0.0, f: 1.0)
        absorb(CollectionOfOne(y), mean: 0) { v, f in result = (v, f) }
        return result
    }

    /// Absorbs `values − mean` in order, handing each innovation and its variance to `body` — the likelihood's
    /// inner loop: no allocation per step, the state and covariance updated in place through pointers.
    @inline(__always)
    mutating func absorb(
        _ values: some Sequence<Double>, mean: Double, _ body: (_ v: Double, _ f: Double) -> Void
    ) {
        let n = dimension
        var steady = self.steady
        phi.withUnsafeBufferPointer { phi in
            r.withUnsafeBufferPointer { r in
                state.withUnsafeMutableBufferPointer { state in
                    covariance.withUnsafeMutableBufferPointer { covariance in
                        withUnsafeTemporaryAllocation(of: Double.self, capacity: n * n + n) { scratch in
                            for value in values {
                                let y = value - mean
                                if steady {
                                    // Steady state: the gain K = P[:,0] / F is fixed; T a in place, front to back.
                                    let f = covariance[0]
                                    let v = y - state[0]
                                    let a0 = state[0] + covariance[0] / f * v
                                    for i in 0..<n {
                                        let upper = i + 1 < n ? state[i + 1] + covariance[(i + 1) * n] / f * v : 0
                                        state[i] = phi[i] * a0 + upper
                                    }
                                    body(v, f)
                                    continue
                                }
                                let v = y - state[0]
                                let f = covariance[0]
                                guard f > 0 else {
                                    body(v, 1)
                                    continue
                                }
                                // Update: a += P[:,0] v / F, P -= P[:,0] P[0,:] / F.
                                for i in 0..<n { state[i] += covariance[i * n] / f * v }
                                for i in 0..<n { scratch[n * n + i] = covariance[i * n] }
                                for i in 0..<n {
                                    for j in 0..<n {
                                        covariance[i * n + j] -= scratch[n * n + i] * scratch[n * n + j] / f
                                    }
                                }
                                // Predict: a = T a; P = T P T' + R R'.
                                let a0 = state[0]
                                for i in 0..<n { state[i] = phi[i] * a0 + (i + 1 < n ? state[i + 1] : 0) }
                                let p00 = covariance[0]
                                for i in 0..<n {
                                    let pi0 = i + 1 < n ? covariance[(i + 1) * n] : 0
                                    for j in 0..<n {
                                        let p0j = j + 1 < n ? covariance[j + 1] : 0
                                        let pij = i + 1 < n && j + 1 < n ? covariance[(i + 1) * n + j + 1] : 0
                                        scratch[i * n + j] =
                                            phi[i] * phi[j] * p00 + phi[i] * p0j + phi[j] * pi0 + pij + r[i] * r[j]
                                    }
                                }
                                if abs(scratch[0] - f) < 1e-11 * f { steady = true }
                                for k in 0..<(n * n) { covariance[k] = scratch[k] }
                                body(v, f)
                            }
                        }
                    }
                }
            }
        }
        self.steady = steady
    }

    /// Mean forecasts of the next `horizon` observations from the current predicted state.
    func forecast(_ horizon: Int) -> [Double] {
        var a = state
        var out = [Double]()
        for _ in 0..<horizon {
            out.append(a[0])
            let a0 = a[0]
            for i in 0..<dimension { a[i] = phi[i] * a0 + (i + 1 < dimension ? a[i + 1] : 0) }
        }
        return out
    }

    private static func shift(_ m: [Double], _ n: Int) -> [Double] {
        var out = [Double](repeating: 0, count: n * n)
        for i in 0..<(n - 1) { for j in 0..<(n - 1) { out[i * n + j] = m[(i + 1) * n + j + 1] } }
        return out
    }

    private static func multiply(_ a: [Double], _ b: [Double], _ n: Int) -> [Double] {
        var out = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for k in 0..<n where a[i * n + k] != 0 { for j in 0..<n { out[i * n + j] += a[i * n + k] * b[k * n + j] } }
        }
        return out
    }

    private static func transpose(_ a: [Double], _ n: Int) -> [Double] {
        var out = a
        for i in 0..<n { for j in 0..<n { out[j * n + i] = a[i * n + j] } }
        return out
    }
}
