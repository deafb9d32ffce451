import RealModule

/// Tests that choose the differencing orders of AutoARIMA.
public enum UnitRootTests {
    /// KPSS statistic for level stationarity, with the short Newey–West lag trunc(3√n/13).
    public static func kpss(_ y: [Double]) -> Double {
        let n = y.count
        guard n > 3 else { return 0 }
        let mean = y.reduce(0, +) / Double(n)
        let e = y.map { $0 - mean }
        var s = 0.0, eta = 0.0
        for v in e { s += v; eta += s * s }
        eta /= Double(n) * Double(n)
        var variance = e.reduce(0) { $0 + $1 * $1 } / Double(n)
        let lags = Int(3 * Double(n).squareRoot() / 13)
        if lags > 0 {
            for l in 1...lags {
                var c = 0.0
                for t in l..<n { c += e[t] * e[t - l] }
                variance += 2 * (1 - Double(l) / Double(lags + 1)) * c / Double(n)
            }
        }
        return variance > 1e-12 ? eta / variance : 0
    }

    /// Number of first differences (0…`maximum`) needed for KPSS not to reject level stationarity at 5%.
    public static func differencesNeeded(_ y: [Double], maximum: Int = 2) -> Int {
        var x = y, d = 0
        while d < maximum, x.count > 10, kpss(x) > 0.463 {
            x = zip(x.dropFirst(), x).map { $0 - $1 }
            d += 1
        }
        return d
    }

    /// Seasonal strength max(0, 1 − Var(remainder) / Var(season + remainder)) from a classical decomposition.
    public static func seasonalStrength(_ y: [Double], seasonLength m: Int) -> Double {
        let n = y.count
        guard m > 1, n >= 2 * m + 1 else { return 0 }
        // Centred moving average of order m (2×m when m is even).
        var trend = [Double](repeating: .nan, count: n)
        let half = m / 2
        for t in half..<(n - half) {
            var s = 0.0
            if m % 2 == 0 {
                for k in (t - half)...(t + half) { s += (k == t - half || k == t + half ? 0.5 : 1) * y[k] }
            } else {
                for k in (t - half)...(t + half) { s += y[k] }
            }
            trend[t] = s / Double(m)
        }
        var sums = [Double](repeating: 0, count: m), counts = [Double](repeating: 0, count: m)
        for t in 0..<n where trend[t].isFinite { sums[t % m] += y[t] - trend[t]; counts[t % m] += 1 }
        var seasonal = (0..<m).map { counts[$0] > 0 ? sums[$0] / counts[$0] : 0 }
        let shift = seasonal.reduce(0, +) / Double(m)
        seasonal = seasonal.map { $0 - shift }
        var remainder = [Double](), detrended = [Double]()
        for t in 0..<n where trend[t].isFinite {
            detrended.append(y[t] - trend[t])
            remainder.append(y[t] - trend[t] - seasonal[t % m])
        }
        let vr = sampleVariance(remainder), vd = sampleVariance(detrended)
        return vd > 1e-12 ? max(0, min(1, 1 - vr / vd)) : 0
    }
}
