/// Quasi-Newton minimisation for smooth objectives of a few dozen coordinates: BFGS on the inverse Hessian,
/// forward-difference gradients and a backtracking Armijo line search — what statsmodels' L-BFGS-B does for its
/// ETS fits, without the bounds (the callers' coordinates are unconstrained). Non-finite values count as +∞.
struct QuasiNewton: Sendable {
    /// No iteration starts once this many evaluations are spent; the gradient at the last accepted point may add
    /// up to 2n more.
    var maxEvaluations = 2_000
    /// Stops when an iteration lowers the value by less than this, relative to the value.
    var tolerance = 1e-10

    func minimize(_ start: [Double], _ f: ([Double]) -> Double) -> (x: [Double], value: Double) {
        let n = start.count
        var evaluations = 0
        func value(_ x: [Double]) -> Double {
            evaluations += 1
            let v = f(x)
            return v.isNaN ? .infinity : v
        }
        var x = start
        var fx = value(x)
        guard n > 0, fx.isFinite else { return (x, fx) }
        func gradient(at x: [Double], value fx: Double) -> [Double] {
            var probe = x
            var g = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let h = 1.49e-8 * max(1, abs(x[i]))
                probe[i] = x[i] + h
                let up = value(probe)
                probe[i] = x[i]
                // A step that leaves the admissible region: the one-sided difference from below.
                if up.isFinite {
                    g[i] = (up - fx) / h
                } else {
                    probe[i] = x[i] - h
                    let down = value(probe)
                    probe[i] = x[i]
                    g[i] = down.isFinite ? (fx - down) / h : 0
                }
            }
            return g
        }
        var g = gradient(at: x, value: fx)
        // The inverse Hessian, row-major; identity until the first update rescales it.
        var inverse = identity(n)
        var fresh = true
        var next = x
        while evaluations < maxEvaluations {
            var direction = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var sum = 0.0
                for j in 0..<n { sum -= inverse[i * n + j] * g[j] }
                direction[i] = sum
            }
            let slope = dot(direction, g)
            if !(slope < 0) {
                // Not a descent direction (a bad curvature estimate): restart from steepest descent.
                guard !fresh else { break }
                inverse = identity(n)
                fresh = true
                continue
            }
            // Backtracking until the Armijo condition holds: each shorter step is the minimum of the quadratic
            // through f(x), the slope and the rejected value, kept within 0.1–0.5 of the last (0.25 past a wall).
            var step = 1.0
            var fNext = Double.infinity
            var accepted = false
            for _ in 0..<40 where evaluations < maxEvaluations {
                for i in 0..<n { next[i] = x[i] + step * direction[i] }
                fNext = value(next)
                if fNext <= fx + 1e-4 * step * slope {
                    accepted = true
                    break
                }
                step *= fNext.isFinite ? max(0.1, min(0.5, -slope * step / (2 * (fNext - fx - slope * step)))) : 0.25
            }
            guard accepted else {
                guard !fresh else { break }
                inverse = identity(n)
                fresh = true
                continue
            }
            // A full step that still descends steeply: the scale of the inverse Hessian is too small along this
            // direction. Extrapolate to the minimum of the quadratic through f(x), the slope and f(x + step·d).
            if step == 1 {
                var trialPoint = next
                for _ in 0..<3 where evaluations < maxEvaluations {
                    let curvature = fNext - fx - slope * step
                    guard curvature > 0 else { break }
                    let target = min(-slope / (2 * curvature / (step * step)), 20 * step)
                    guard target > 2 * step else { break }
                    for i in 0..<n { trialPoint[i] = x[i] + target * direction[i] }
                    let fTrial = value(trialPoint)
                    guard fTrial < fNext else { break }
                    (next, fNext, step) = (trialPoint, fTrial, target)
                }
            }
            let gNext = gradient(at: next, value: fNext)
            let s = (0..<n).map { step * direction[$0] }
            let y = (0..<n).map { gNext[$0] - g[$0] }
            let improvement = fx - fNext
            x = next
            fx = fNext
            g = gNext
            if improvement <= tolerance * (abs(fx) + 1e-10) { break }
            let sy = dot(s, y)
            guard sy > 1e-12 * (dot(s, s) * dot(y, y)).squareRoot() else { continue }
            if fresh {
                // Shanno–Phua scaling of the first inverse Hessian.
                let scale = sy / dot(y, y)
                for i in 0..<n { inverse[i * n + i] = scale }
                fresh = false
            }
            update(&inverse, s: s, y: y, sy: sy, n: n)
        }
        return (x, fx)
    }

    /// H ← (I − ρsyᵀ) H (I − ρysᵀ) + ρssᵀ with ρ = 1/sᵀy, expanded: H − ρ(s(Hy)ᵀ + (Hy)sᵀ) + (ρ²yᵀHy + ρ)ssᵀ.
    private func update(_ h: inout [Double], s: [Double], y: [Double], sy: Double, n: Int) {
        let rho = 1 / sy
        var hy = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = 0.0
            for j in 0..<n { sum += h[i * n + j] * y[j] }
            hy[i] = sum
        }
        let yhy = dot(y, hy)
        let factor = rho * rho * yhy + rho
        for i in 0..<n {
            for j in 0..<n {
                h[i * n + j] += factor * s[i] * s[j] - rho * (s[i] * hy[j] + hy[i] * s[j])
            }
        }
    }

    private func identity(_ n: Int) -> [Double] {
        var m = [Double](repeating: 0, count: n * n)
        for i in 0..<n { m[i * n + i] = 1 }
        return m
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }
}
