/// Makes any input series safe for fitting: non-finite values are filled, and the series is scaled so that
/// huge magnitudes cannot overflow sums of squares. Models fit on `values` and multiply outputs by `scale`.
struct PreparedSeries: Sendable {
    /// Finite values divided by `scale`.
    var values: [Double]
    /// The factor the original values were divided by (a power of two, so scaling is exact).
    var scale: Double

    /// Drops leading and trailing non-finite values and fills interior ones by linear interpolation.
    init(_ raw: [Double], model: String, minimumCount: Int) throws {
        guard let first = raw.firstIndex(where: \.isFinite), let last = raw.lastIndex(where: \.isFinite) else {
            throw ForecastError.tooShort(model, needs: minimumCount, has: 0)
        }
        var filled = Array(raw[first...last])
        var previous = 0
        for i in filled.indices where filled[i].isFinite {
            if i - previous > 1 {
                let a = filled[previous], b = filled[i]
                for j in (previous + 1)..<i { filled[j] = a + (b - a) * Double(j - previous) / Double(i - previous) }
            }
            previous = i
        }
        guard filled.count >= minimumCount else {
            throw ForecastError.tooShort(model, needs: minimumCount, has: filled.count)
        }
        let largest = filled.reduce(0) { max($0, abs($1)) }
        var scale = 1.0
        if largest > 1e6 || (largest > 0 && largest < 1e-6) {
            scale = Double(sign: .plus, exponent: largest.exponent, significand: 1)
        }
        values = scale == 1 ? filled : filled.map { $0 / scale }
        self.scale = scale
    }

    /// Scales and cleans newly arrived values for `update(with:)`: non-finite values become `fallback`.
    static func incoming(_ raw: [Double], scale: Double, fallback: (Int) -> Double) -> [Double] {
        raw.enumerated().map { i, v in v.isFinite ? v / scale : fallback(i) }
    }
}
