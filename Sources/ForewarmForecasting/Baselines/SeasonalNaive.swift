/// The robust baseline: tomorrow looks like the same bucket one season ago (plain naive when the season is 1).
public struct SeasonalNaive: Forecaster {
    public let seasonLength: Int
    /// The last season of observations, oldest first.
    var lastSeason: [Double]
    var squaredErrors: Double
    var errorCount: Int

    public var name: String { seasonLength > 1 ? "SeasonalNaive[\(seasonLength)]" : "Naive" }
    public var parameters: [String: Double] { ["sigma2": variance].finiteValues() }
    var variance: Double { errorCount > 0 ? squaredErrors / Double(errorCount) : 0 }

    /// Fits to `series`; non-finite values are interpolated.
    public init(fitting series: [Double], seasonLength: Int = 1) throws {
        let m = max(seasonLength, 1)
        let prepared = try PreparedSeries(series, model: "SeasonalNaive", minimumCount: 1)
        let y = prepared.values.map { $0 * prepared.scale }
        self.seasonLength = y.count > m ? m : 1
        var sse = 0.0, count = 0
        for t in self.seasonLength..<max(y.count, self.seasonLength) {
            let e = y[t] - y[t - self.seasonLength]
            if e.isFinite && (e * e).isFinite { sse += e * e; count += 1 }
        }
        squaredErrors = sse
        errorCount = count
        lastSeason = Array(y.suffix(self.seasonLength))
    }

    public func forecast(horizon: Int, level: Double = 0.95) -> Forecast {
        guard horizon > 0 else { return Forecast(mean: [], lower: [], upper: [], level: level) }
        let m = lastSeason.count
        let mean = (0..<horizon).map { lastSeason[$0 % m] }
        let sd = variance.squareRoot()
        let sds = (0..<horizon).map { sd * Double($0 / m + 1).squareRoot() }
        return Forecast(mean: mean, standardDeviations: sds, level: level, fallback: lastSeason.last ?? 0)
    }

    public mutating func update(with values: [Double]) {
        for value in values {
            let previous = lastSeason[0]
            let y = value.isFinite ? value : previous
            let e = y - previous
            if (e * e).isFinite { squaredErrors += e * e; errorCount += 1 }
            lastSeason.removeFirst()
            lastSeason.append(y)
        }
    }
}
