/// Finds the dominant season length of a series from its autocorrelation function.
public enum Periodicity {
    /// Autocorrelations at lags 0…`maxLag`.
    public static func autocorrelation(_ y: [Double], maxLag: Int) -> [Double] {
        let x = y.filter(\.isFinite)
        let n = x.count
        guard n > 1 else { return [1] }
        let mean = x.reduce(0, +) / Double(n)
        let c = x.map { $0 - mean }
        let c0 = c.reduce(0) { $0 + $1 * $1 }
        guard c0 > 0, c0.isFinite else { return [1] + [Double](repeating: 0, count: min(maxLag, n - 1)) }
        return (0...min(maxLag, n - 1)).map { lag in
            var s = 0.0
            for t in lag..<n { s += c[t] * c[t - lag] }
            return s / c0
        }
    }

    /// The lag (≥ 2) of the highest local ACF peak above `threshold` with at least two full cycles in the data,
    /// or 1 when the series shows no seasonality.
    public static func seasonLength(_ y: [Double], maxLag: Int = 400, threshold: Double = 0.3) -> Int {
        let acf = autocorrelation(y, maxLag: min(maxLag, y.count / 2))
        guard acf.count > 3 else { return 1 }
        var best = 1, bestValue = threshold
        for lag in 2..<(acf.count - 1) where acf[lag] > acf[lag - 1] && acf[lag] >= acf[lag + 1] {
            if acf[lag] > bestValue + 0.02 { best = lag; bestValue = acf[lag] }
        }
        return best
    }
}
