/// Derivative-free minimisation (Nelder–Mead simplex with restarts) for the small, smooth objectives of ETS and
/// ARIMA likelihoods. Non-finite objective values are treated as +infinity.
struct NelderMead: Sendable {
    var maxEvaluations = 2_000
    var tolerance = 1e-9
    var restarts = 2
    var initialStep = 0.1

    func minimize(_ start: [Double], _ f: ([Double]) -> Double) -> (x: [Double], value: Double) {
        var best = start
        var bestValue = safe(f(start))
        for _ in 0...restarts {
            let (x, v) = run(best, f)
            let improved = v < bestValue - tolerance * (abs(bestValue) + 1e-12)
            if v <= bestValue { best = x; bestValue = v }
            if !improved { break }
        }
        return (best, bestValue)
    }

    private func safe(_ v: Double) -> Double { v.isNaN ? .infinity : v }

    private func run(_ start: [Double], _ f: ([Double]) -> Double) -> ([Double], Double) {
        let n = start.count
        guard n > 0 else { return (start, safe(f(start))) }
        var simplex = [start]
        for i in 0..<n {
            var p = start
            p[i] += p[i] == 0 ? initialStep : initialStep * max(abs(p[i]), 0.5)
            simplex.append(p)
        }
        var values = simplex.map { safe(f($0)) }
        var evaluations = n + 1
        var centroid = [Double](repeating: 0, count: n)
        func point(_ t: Double, _ worst: [Double]) -> [Double] {
            var p = centroid
            for j in 0..<n { p[j] = centroid[j] + t * (worst[j] - centroid[j]) }
            return p
        }
        while evaluations < maxEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = abs(values[n] - values[0])
            if spread <= tolerance * (abs(values[0]) + 1e-10) { break }
            for j in 0..<n { centroid[j] = 0 }
            for i in 0..<n { for j in 0..<n { centroid[j] += simplex[i][j] / Double(n) } }
            let reflected = point(-1, simplex[n])
            let fr = safe(f(reflected)); evaluations += 1
            if fr < values[0] {
                let expanded = point(-2, simplex[n])
                let fe = safe(f(expanded)); evaluations += 1
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = reflected; values[n] = fr
            } else {
                let outside = fr < values[n]
                let contracted = point(outside ? -0.5 : 0.5, simplex[n])
                let fc = safe(f(contracted)); evaluations += 1
                if fc < (outside ? fr : values[n]) {
                    simplex[n] = contracted; values[n] = fc
                } else {
                    for i in 1...n {
                        for j in 0..<n { simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]) }
                        values[i] = safe(f(simplex[i]))
                    }
                    evaluations += n
                }
            }
        }
        let i = values.indices.min { values[$0] < values[$1] } ?? 0
        return (simplex[i], values[i])
    }
}
