import Testing

@testable import ForewarmForecasting

/// The O(1) windowed quantile sketch against the exact order statistics of the same window.
struct QuantileSketchTests {
    static func exact(_ window: [Double], _ p: Double) -> Double {
        let sorted = window.sorted()
        return sorted[Int((p * Double(sorted.count - 1)).rounded())]
    }

    @Test(arguments: [0.01, 0.05])
    func quantilesAreWithinTheRelativeAccuracy(accuracy: Double) {
        var g = SplitMix(seed: 9)
        var sketch = RollingQuantileSketch(capacity: 500, accuracy: accuracy)
        var values: [Double] = []
        for i in 0..<3_000 {
            // Counts with many zeros, a heavy tail, and a stretch of negative values (differenced series).
            let u = g.normal()
            let value = i % 7 == 0 ? 0 : (i > 2_000 && i < 2_400 ? -abs(u) * 30 : Double.exp(2 + 1.5 * u))
            sketch.append(value)
            values.append(value)
            guard i % 97 == 0 else { continue }
            let window = Array(values.suffix(500))
            for p in [0, 0.1, 0.5, 0.9, 0.99, 1] {
                let truth = Self.exact(window, p), estimate = sketch.quantile(p)
                #expect(
                    abs(estimate - truth) <= accuracy * abs(truth) + 1e-12,
                    "i \(i), p \(p): \(estimate) vs \(truth)")
            }
        }
        #expect(sketch.count == 500)
    }

    @Test func onlyTheWindowCounts() {
        var sketch = RollingQuantileSketch(capacity: 10)
        for _ in 0..<100 { sketch.append(1_000) }
        for value in 1...10 { sketch.append(Double(value)) }
        #expect(abs(sketch.quantile(1) - 10) <= 0.1)
        #expect(abs(sketch.quantile(0) - 1) <= 0.01)
    }

    @Test func emptyAndNonFiniteInput() {
        var sketch = RollingQuantileSketch(capacity: 5, accuracy: .nan)
        #expect(sketch.quantile(0.5) == 0)
        sketch.append(.nan)
        sketch.append(.infinity)
        #expect(sketch.count == 0)
        sketch.append(3)
        #expect(abs(sketch.quantile(.nan) - 3) <= 0.03)
        #expect(sketch.accuracy == 0.01)
    }
}
