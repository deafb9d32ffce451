import Testing

@testable import ForewarmForecasting

/// The two minimisers the fitters rely on, on objectives with known minima.
struct OptimizerTests {
    static func rosenbrock(_ x: [Double]) -> Double {
        (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0])
    }

    @Test func quasiNewtonSolvesRosenbrock() {
        let result = QuasiNewton(maxEvaluations: 3_000).minimize([-1.2, 1], Self.rosenbrock)
        #expect(abs(result.x[0] - 1) < 1e-3 && abs(result.x[1] - 1) < 2e-3, "\(result)")
        #expect(result.value < 1e-6)
    }

    /// Fifteen coordinates scaled over four orders of magnitude, like an ETS fit's weights and initial states.
    @Test func quasiNewtonSolvesAnIllConditionedQuadraticInFifteenDimensions() {
        let scales = (0..<15).map { Double.pow(10, Double($0) / 14 * 4 - 2) }
        let target = (0..<15).map { Double($0) - 7 }
        var evaluations = 0
        let result = QuasiNewton(maxEvaluations: 4_000).minimize([Double](repeating: 0, count: 15)) { x in
            evaluations += 1
            return zip(zip(x, target), scales).reduce(100) { $0 + $1.1 * ($1.0.0 - $1.0.1) * ($1.0.0 - $1.0.1) }
        }
        for (found, wanted) in zip(result.x, target) { #expect(abs(found - wanted) < 1e-3, "\(result.x)") }
        // Far fewer than a simplex needs in 15 dimensions, and within the budget.
        #expect(evaluations < 1_500, "\(evaluations) evaluations")
    }

    /// Outside the admissible region the objective is +∞ (as the ETS likelihood is); the minimum on its boundary
    /// side is still found, and the budget is respected.
    @Test func quasiNewtonStaysInsideAnInfiniteWall() {
        var evaluations = 0
        let result = QuasiNewton(maxEvaluations: 500).minimize([3]) { x in
            evaluations += 1
            return x[0] <= 0 ? .infinity : x[0] - 2 * Double.log(x[0])
        }
        #expect(abs(result.x[0] - 2) < 1e-4, "\(result)")
        #expect(evaluations <= 500 + 2)  // the budget, plus at most one gradient (2n)
    }

    @Test func quasiNewtonReturnsANonFiniteStartUnchanged() {
        let result = QuasiNewton().minimize([1, 2]) { _ in .nan }
        #expect(result.x == [1, 2] && result.value == .infinity)
    }

    @Test func nelderMeadSolvesRosenbrock() {
        let result = NelderMead(maxEvaluations: 4_000, tolerance: 1e-14).minimize([-1.2, 1], Self.rosenbrock)
        #expect(abs(result.x[0] - 1) < 1e-3 && abs(result.x[1] - 1) < 2e-3, "\(result)")
    }
}
