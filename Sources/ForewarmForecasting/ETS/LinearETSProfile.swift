/// The additive ETS class (additive error, no or additive trend and season) is linear in its initial states: the
/// one-step errors are e = e⁰ − G x₀, with e⁰ the errors from a zero start and column k of G the forecasts produced
/// by a unit initial state k on zero data. For given smoothing weights the SSE-optimal initial states therefore
/// solve a small least-squares problem exactly, and the optimiser only searches the 1–4 smoothing weights
/// (the profile likelihood) instead of up to 4 + m + 1 parameters.
struct LinearETSProfile {
    let y: [Double]
    let spec: ETSSpecification
    /// Free initial states: level, trend (if any), the first m − 1 seasonal states (the last is minus their sum).
    let stateCount: Int

    /// A constant subtracted from the data (added back to the initial level) so that the zero-start errors stay
    /// small and the SSE is not a difference of two huge numbers.
    let offset: Double

    init(y: [Double], spec: ETSSpecification) {
        let k = min(y.count, max(spec.seasonLength, 10))
        let shift = k > 0 ? y.prefix(k).reduce(0, +) / Double(k) : 0
        offset = shift
        self.y = y.map { $0 - shift }
        self.spec = spec
        stateCount = 1 + (spec.trend == .none ? 0 : 1) + (spec.season == .none ? 0 : spec.seasonLength - 1)
    }

    /// Whether `spec` belongs to the linear class this profile handles (seasons up to
    /// `ETSFitter.maxOptimisedSeason`: the cost per evaluation grows with the square of the state count).
    static func handles(_ spec: ETSSpecification) -> Bool {
        spec.error == .additive && spec.season != .multiplicative
            && (spec.season == .none || spec.seasonLength <= ETSFitter.maxOptimisedSeason)
    }

    /// The minimum SSE over initial states for weights `w`, and those initial states; `nil` when the recursion
    /// overflows or the states are not identified.
    func solve(_ w: ETSWeights) -> (sse: Double, state: ETSState)? {
        if spec.season == .none { return solveNonSeasonal(w) }
        let k = stateCount
        let systems = k + 1
        let hasTrend = spec.trend != .none, hasSeason = spec.season != .none
        let m = hasSeason ? spec.seasonLength : 1
        let phi = hasTrend ? w.phi : 0
        let alpha = w.alpha, beta = w.beta, gamma = w.gamma
        // System 0 filters the data from a zero start; system j ≥ 1 filters zeros from unit initial state j.
        var level = [Double](repeating: 0, count: systems)
        var trend = [Double](repeating: 0, count: systems)
        var seasons = [Double](repeating: 0, count: hasSeason ? systems * m : 0)
        level[1] = 1
        if hasTrend { trend[2] = 1 }
        let firstSeason = hasTrend ? 3 : 2
        if hasSeason {
            for j in 0..<(m - 1) {
                seasons[(firstSeason + j) * m + j] = 1
                seasons[(firstSeason + j) * m + m - 1] = -1
            }
        }
        var gram = [Double](repeating: 0, count: k * k)
        var cross = [Double](repeating: 0, count: k)
        var g = [Double](repeating: 0, count: k)
        var total = 0.0
        var index = 0
        // The same recursion and sums, operation for operation, through pointers (no bounds or uniqueness
        // checks in the loop that every evaluation of the optimiser runs).
        level.withUnsafeMutableBufferPointer { level in
            trend.withUnsafeMutableBufferPointer { trend in
                seasons.withUnsafeMutableBufferPointer { seasons in
                    gram.withUnsafeMutableBufferPointer { gram in
                        cross.withUnsafeMutableBufferPointer { cross in
                            g.withUnsafeMutableBufferPointer { g in
                                for value in y {
                                    var e0 = 0.0
                                    for s in 0..<systems {
                                        let q = level[s] + phi * trend[s]
                                        let season = hasSeason ? seasons[s * m + index] : 0
                                        let f = q + season
                                        let e: Double
                                        if s == 0 {
                                            e = value - f
                                            e0 = e
                                        } else {
                                            e = -f
                                            g[s - 1] = f
                                        }
                                        level[s] = q + alpha * e
                                        if hasTrend { trend[s] = phi * trend[s] + beta * e }
                                        if hasSeason { seasons[s * m + index] = season + gamma * e }
                                    }
                                    total += e0 * e0
                                    for a in 0..<k {
                                        let ga = g[a]
                                        cross[a] += ga * e0
                                        for b in a..<k { gram[a * k + b] += ga * g[b] }
                                    }
                                    index += 1
                                    if index == m { index = 0 }
                                }
                            }
                        }
                    }
                }
            }
        }
        guard total.isFinite, gram.allSatisfy(\.isFinite) else { return nil }
        for a in 0..<k { for b in 0..<a { gram[a * k + b] = gram[b * k + a] } }
        guard let x = Self.solveSymmetric(gram, cross, k) else { return nil }
        var reduction = 0.0
        for a in 0..<k { reduction += x[a] * cross[a] }
        let sse = max(total - reduction, 1e-14 * total)
        guard sse.isFinite else { return nil }
        var state = ETSState(level: x[0] + offset, trend: hasTrend ? x[1] : 0, seasons: [0])
        if hasSeason {
            var s = Array(x[(firstSeason - 1)...])
            s.append(-s.reduce(0, +))
            state.seasons = s
        }
        return (sse, state)
    }

    /// The same for simple and (damped) Holt models, with the three systems in registers. Each recursion is
    /// written so that one step costs two dependent operations: l′ = (1 − α)q + αy and b′ = (φb + βy) − βq, with
    /// the bracket computed while q is.
    func solveNonSeasonal(_ w: ETSWeights) -> (sse: Double, state: ETSState)? {
        guard spec.trend != .none else { return solveSimple(alpha: w.alpha) }
        let phi = w.phi, alpha = w.alpha, beta = w.beta
        let keep = 1 - alpha
        var l0 = 0.0, b0 = 0.0, l1 = 1.0, b1 = 0.0, l2 = 0.0, b2 = 1.0
        var total = 0.0, c1 = 0.0, c2 = 0.0, g11 = 0.0, g12 = 0.0, g22 = 0.0
        for value in y {
            let q0 = l0 + phi * b0, e0 = value - q0
            l0 = keep * q0 + alpha * value
            b0 = (phi * b0 + beta * value) - beta * q0
            let f1 = l1 + phi * b1
            l1 = keep * f1
            b1 = phi * b1 - beta * f1
            let f2 = l2 + phi * b2
            l2 = keep * f2
            b2 = phi * b2 - beta * f2
            total += e0 * e0
            c1 += f1 * e0
            c2 += f2 * e0
            g11 += f1 * f1
            g12 += f1 * f2
            g22 += f2 * f2
        }
        guard total.isFinite, let x = Self.solveSymmetric([g11, g12, g12, g22], [c1, c2], 2) else { return nil }
        let sse = max(total - (x[0] * c1 + x[1] * c2), 1e-14 * total)
        guard sse.isFinite else { return nil }
        return (sse, ETSState(level: x[0] + offset, trend: x[1], seasons: [0]))
    }

    /// ``solveNonSeasonal(_:)`` for simple exponential smoothing, the model the controller refits most: two systems
    /// (no trend), in the error-correction form l += α(y − l) that the controller's fits have always used (the
    /// Holt form above rounds differently).
    private func solveSimple(alpha: Double) -> (sse: Double, state: ETSState)? {
        var l0 = 0.0, l1 = 1.0
        var total = 0.0, c1 = 0.0, g11 = 0.0
        for value in y {
            let e0 = value - l0
            l0 += alpha * e0
            let f1 = l1
            l1 = f1 - alpha * f1
            total += e0 * e0
            c1 += f1 * e0
            g11 += f1 * f1
        }
        guard total.isFinite, let x = Self.solveSymmetric([g11], [c1], 1) else { return nil }
        let sse = max(total - x[0] * c1, 1e-14 * total)
        guard sse.isFinite else { return nil }
        return (sse, ETSState(level: x[0] + offset, trend: 0, seasons: [0]))
    }

    /// Solves A x = b for a symmetric positive semi-definite A by Cholesky, with a small ridge for near-singular A.
    static func solveSymmetric(_ a: [Double], _ b: [Double], _ n: Int) -> [Double]? {
        var l = a
        var trace = 0.0
        for i in 0..<n { trace += a[i * n + i] }
        let ridge = max(trace / Double(n), 1e-300) * 1e-12
        for i in 0..<n { l[i * n + i] += ridge }
        for j in 0..<n {
            var d = l[j * n + j]
            for p in 0..<j { d -= l[j * n + p] * l[j * n + p] }
            guard d > 0, d.isFinite else { return nil }
            let root = d.squareRoot()
            l[j * n + j] = root
            for i in (j + 1)..<max(n, j + 1) {
                var v = l[i * n + j]
                for p in 0..<j { v -= l[i * n + p] * l[j * n + p] }
                l[i * n + j] = v / root
            }
        }
        var z = b
        for i in 0..<n {
            for p in 0..<i { z[i] -= l[i * n + p] * z[p] }
            z[i] /= l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for p in (i + 1)..<max(n, i + 1) { z[i] -= l[p * n + i] * z[p] }
            z[i] /= l[i * n + i]
        }
        return z.allSatisfy(\.isFinite) ? z : nil
    }
}
