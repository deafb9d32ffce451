/// Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning, 1990), the procedure behind
/// R's `stl` and statsmodels' `STL`: `y = seasonal + trend + remainder`, with the same defaults as statsmodels
/// (seasonal smoother 7, trend and low-pass windows derived from the period, local-linear fits, five inner passes,
/// no robustness iterations unless asked).
public struct STLDecomposition: Sendable, Equatable {
    public var seasonal: [Double]
    public var trend: [Double]
    public var remainder: [Double]

    /// Loess window lengths (odd, ≥ 3) and passes.
    public struct Settings: Sendable, Hashable {
        /// Points per cycle-subseries smoothing window.
        public var seasonal = 7
        /// Trend window; nil derives the smallest odd integer ≥ 1.5 · period / (1 − 1.5 / seasonal).
        public var trend: Int?
        /// Low-pass window; nil derives the smallest odd integer > period.
        public var lowPass: Int?
        /// Inner passes (seasonal and trend smoothing) per outer pass.
        public var innerPasses = 5
        /// Robustness passes (bisquare weights from the remainder); 0 for none.
        public var outerPasses = 0

        public init() {}

        /// The robust variant (statsmodels' `robust=True` defaults: 2 inner, 15 outer passes).
        public static var robust: Settings {
            var s = Settings()
            s.innerPasses = 2
            s.outerPasses = 15
            return s
        }
    }

    /// Decomposes `y` (finite values) with the given season length (≥ 2, and at least two full seasons).
    public init(_ y: [Double], period: Int, settings: Settings = Settings()) throws {
        let n = y.count
        guard period >= 2 else { throw ForecastError("STL needs a season length of at least 2, got \(period)") }
        guard n >= 2 * period else { throw ForecastError.tooShort("STL", needs: 2 * period, has: n) }
        guard y.allSatisfy(\.isFinite) else { throw ForecastError("STL needs finite values") }
        let ns = Self.odd(max(settings.seasonal, 3))
        let nt = Self.odd(
            settings.trend ?? Int((1.5 * Double(period) / (1 - 1.5 / Double(ns))).rounded(.up)))
        let nl = Self.odd(settings.lowPass ?? period + 1)
        var trend = [Double](repeating: 0, count: n), seasonal = trend
        var weights = [Double](repeating: 1, count: n)
        let loops = max(settings.outerPasses, 0) + 1
        for outer in 0..<loops {
            let robust = outer > 0
            for _ in 0..<max(settings.innerPasses, 1) {
                let detrended = (0..<n).map { y[$0] - trend[$0] }
                let cycle = Self.cycleSubseries(
                    detrended, period: period, window: ns, weights: robust ? weights : nil)
                let low = Loess(window: nl).smooth(Self.lowPass(cycle, period: period), weights: nil)
                for i in 0..<n { seasonal[i] = cycle[period + i] - low[i] }
                let adjusted = (0..<n).map { y[$0] - seasonal[$0] }
                trend = Loess(window: nt).smooth(adjusted, weights: robust ? weights : nil)
            }
            if outer + 1 < loops {
                weights = Self.robustnessWeights((0..<n).map { y[$0] - seasonal[$0] - trend[$0] })
            }
        }
        self.seasonal = seasonal
        self.trend = trend
        self.remainder = (0..<n).map { y[$0] - seasonal[$0] - trend[$0] }
    }

    static func odd(_ k: Int) -> Int { k % 2 == 0 ? k + 1 : k }

    /// Smooths each cycle-subseries (every `period`-th value) and extends it by one point at each end, giving
    /// `n + 2 · period` values: index `period + i` is the smoothed value at `i`.
    static func cycleSubseries(_ x: [Double], period: Int, window: Int, weights: [Double]?) -> [Double] {
        let n = x.count
        var out = [Double](repeating: 0, count: n + 2 * period)
        let loess = Loess(window: window)
        for phase in 0..<period {
            let indices = Array(stride(from: phase, to: n, by: period))
            let sub = indices.map { x[$0] }
            let w = weights.map { all in indices.map { all[$0] } }
            let k = sub.count
            let smooth = loess.smooth(sub, weights: w)
            let first =
                loess.estimate(sub, at: -1, left: 0, right: min(window, k) - 1, weights: w) ?? smooth[0]
            let last =
                loess.estimate(sub, at: Double(k), left: max(0, k - window), right: k - 1, weights: w)
                ?? smooth[k - 1]
            out[phase] = first
            for (j, value) in smooth.enumerated() { out[(j + 1) * period + phase] = value }
            out[(k + 1) * period + phase] = last
        }
        return out
    }

    /// Moving averages of lengths period, period, 3: `n + 2 · period` values in, `n` out.
    static func lowPass(_ x: [Double], period: Int) -> [Double] {
        movingAverage(movingAverage(movingAverage(x, length: period), length: period), length: 3)
    }

    static func movingAverage(_ x: [Double], length: Int) -> [Double] {
        guard x.count >= length else { return [] }
        var out = [Double](repeating: 0, count: x.count - length + 1)
        var sum = x[..<length].reduce(0, +)
        out[0] = sum / Double(length)
        for i in 1..<out.count {
            sum += x[i + length - 1] - x[i - 1]
            out[i] = sum / Double(length)
        }
        return out
    }

    /// Bisquare weights of the remainders scaled by six times their median absolute value.
    static func robustnessWeights(_ remainder: [Double]) -> [Double] {
        let magnitudes = remainder.map(abs).sorted()
        let n = magnitudes.count
        let median = n % 2 == 1 ? magnitudes[n / 2] : (magnitudes[n / 2 - 1] + magnitudes[n / 2]) / 2
        let h = 6 * median
        return remainder.map { r in
            let u = abs(r)
            if u <= 0.001 * h { return 1 }
            if u > 0.999 * h { return 0 }
            let v = 1 - (u / h) * (u / h)
            return v * v
        }
    }
}

/// Local-linear loess with tricube weights over a window of `window` neighbours (STL's smoother).
struct Loess {
    var window: Int

    /// Smoothed values at every index of `y`; indices where the fit has no weight keep their value.
    func smooth(_ y: [Double], weights: [Double]?) -> [Double] {
        let n = y.count
        guard n > 0 else { return [] }
        if n == 1 { return y }
        var out = y
        if window >= n {
            for i in 0..<n { out[i] = estimate(y, at: Double(i), left: 0, right: n - 1, weights: weights) ?? y[i] }
            return out
        }
        let half = (window + 1) / 2
        var left = 0, right = window - 1
        for i in 0..<n {
            if i + 1 > half && right != n - 1 {
                left += 1
                right += 1
            }
            out[i] = estimate(y, at: Double(i), left: left, right: right, weights: weights) ?? y[i]
        }
        return out
    }

    /// The local-linear fit at `x` from the points `left...right`, or nil when no point has weight. One pass of
    /// weighted sums, with positions taken relative to `x` so that long series lose no precision.
    func estimate(_ y: [Double], at x: Double, left: Int, right: Int, weights: [Double]?) -> Double? {
        let n = y.count
        guard left <= right, left >= 0, right < n else { return nil }
        var h = max(x - Double(left), Double(right) - x)
        if window > n { h += Double((window - n) / 2) }
        let inner = 0.001 * h, outer = 0.999 * h
        var total = 0.0, first = 0.0, second = 0.0, level = 0.0, slope = 0.0
        for j in left...right {
            let d = Double(j) - x
            let r = abs(d)
            guard r <= outer else { continue }
            var weight = 1.0
            if r > inner {
                let u = r / h
                let c = 1 - u * u * u
                weight = c * c * c
            }
            if let weights { weight *= weights[j] }
            total += weight
            first += weight * d
            second += weight * d * d
            level += weight * y[j]
            slope += weight * d * y[j]
        }
        guard total > 0 else { return nil }
        // Weighted mean position (relative to x), spread around it, and the weighted local-linear fit at x.
        let center = first / total, mean = level / total
        let spread = second / total - center * center
        guard spread.squareRoot() > 0.001 * Double(n - 1) else { return mean }
        return mean - center / spread * (slope / total - center * mean)
    }
}
