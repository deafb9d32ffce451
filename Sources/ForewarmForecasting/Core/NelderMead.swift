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

    /// One simplex run. The vertices live in one flat buffer, kept ordered by value through a permutation that a
    /// stable insertion sort maintains; trial points reuse two buffers, so an iteration allocates nothing beyond
    /// the arrays the objective is called with.
    private func run(_ start: [Double], _ f: ([Double]) -> Double) -> ([Double], Double) {
        let n = start.count
        guard n > 0 else { return (start, safe(f(start))) }
        var vertices = [Double](repeating: 0, count: (n + 1) * n)
        for i in 0...n {
            for j in 0..<n { vertices[i * n + j] = start[j] }
            if i > 0 {
                let p = start[i - 1]
                vertices[i * n + i - 1] += p == 0 ? initialStep : initialStep * max(abs(p), 0.5)
            }
        }
        var point = [Double](repeating: 0, count: n)
        func vertex(_ i: Int) -> [Double] {
            for j in 0..<n { point[j] = vertices[i * n + j] }
            return point
        }
        var values = (0...n).map { safe(f(vertex($0))) }
        var order = Array(0...n)
        var evaluations = n + 1
        var centroid = [Double](repeating: 0, count: n)
        var first = [Double](repeating: 0, count: n), second = [Double](repeating: 0, count: n)
        func trial(_ t: Double, worst: Int, into p: inout [Double]) {
            for j in 0..<n { p[j] = centroid[j] + t * (vertices[worst * n + j] - centroid[j]) }
        }
        func replace(_ slot: Int, with p: [Double], value: Double) {
            for j in 0..<n { vertices[slot * n + j] = p[j] }
            values[slot] = value
        }
        while evaluations < maxEvaluations {
            // Stable sort of the permutation by value (insertion sort: the simplex is nearly sorted each time).
            for i in 1...n {
                let current = order[i]
                var k = i
                while k > 0, values[order[k - 1]] > values[current] {
                    order[k] = order[k - 1]
                    k -= 1
                }
                order[k] = current
            }
            let bestSlot = order[0], worstSlot = order[n]
            let spread = abs(values[worstSlot] - values[bestSlot])
            if spread <= tolerance * (abs(values[bestSlot]) + 1e-10) { break }
            for j in 0..<n { centroid[j] = 0 }
            for i in 0..<n {
                let slot = order[i]
                for j in 0..<n { centroid[j] += vertices[slot * n + j] / Double(n) }
            }
            trial(-1, worst: worstSlot, into: &first)
            let fr = safe(f(first)); evaluations += 1
            if fr < values[bestSlot] {
                trial(-2, worst: worstSlot, into: &second)
                let fe = safe(f(second)); evaluations += 1
                if fe < fr {
                    replace(worstSlot, with: second, value: fe)
                } else {
                    replace(worstSlot, with: first, value: fr)
                }
            } else if fr < values[order[n - 1]] {
                replace(worstSlot, with: first, value: fr)
            } else {
                let outside = fr < values[worstSlot]
                trial(outside ? -0.5 : 0.5, worst: worstSlot, into: &second)
                let fc = safe(f(second)); evaluations += 1
                if fc < (outside ? fr : values[worstSlot]) {
                    replace(worstSlot, with: second, value: fc)
                } else {
                    for i in 1...n {
                        let slot = order[i]
                        for j in 0..<n {
                            vertices[slot * n + j] =
                                vertices[bestSlot * n + j] + 0.5 * (vertices[slot * n + j] - vertices[bestSlot * n + j])
                        }
                        values[slot] = safe(f(vertex(slot)))
                    }
                    evaluations += n
                }
            }
        }
        // The first of the lowest in the sorted order, as a search of the sorted simplex would find it.
        var bestSlot = order[0]
        for k in 1...n where values[order[k]] < values[bestSlot] { bestSlot = order[k] }
        return (vertex(bestSlot), values[bestSlot])
    }
}
