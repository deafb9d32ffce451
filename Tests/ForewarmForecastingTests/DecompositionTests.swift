import Testing

@testable import ForewarmForecasting

/// STL against statsmodels' `STL` (same defaults), and the forecaster built on it.
struct DecompositionTests {
    static let variants = ["raw-plain", "raw-robust", "log-plain", "log-robust"]

    @Test(arguments: variants)
    func stlMatchesStatsmodels(variant: String) throws {
        let reference = try #require(try Fixtures.referenceSTL()[variant], "no reference for \(variant)")
        let y = try #require(reference["values"])
        let settings: STLDecomposition.Settings = variant.hasSuffix("robust") ? .robust : .init()
        let stl = try STLDecomposition(y, period: 12, settings: settings)
        let scale = y.map(abs).max() ?? 1
        for (name, ours, theirs) in [
            ("seasonal", stl.seasonal, reference["seasonal"] ?? []), ("trend", stl.trend, reference["trend"] ?? []),
        ] {
            #expect(ours.count == theirs.count)
            let worst = zip(ours, theirs).map { abs($0 - $1) }.max() ?? .infinity
            #expect(worst < 2e-5 + 1e-6 * scale, "\(variant) \(name): largest difference \(worst)")
        }
        for i in y.indices {
            #expect(abs(stl.seasonal[i] + stl.trend[i] + stl.remainder[i] - y[i]) < 1e-9 * scale)
        }
    }

    @Test func stlRejectsWhatItCannotDecompose() {
        #expect(throws: ForecastError.self) { try STLDecomposition([1, 2, 3], period: 12) }
        #expect(throws: ForecastError.self) { try STLDecomposition(Array(repeating: 1, count: 30), period: 1) }
        #expect(throws: ForecastError.self) {
            try STLDecomposition([1, .nan] + Array(repeating: 1, count: 30), period: 4)
        }
    }

    @Test func stlRecoversAPureSeason() throws {
        let season = [3.0, -1, 0, -2]
        let y = (0..<40).map { 10 + 0.5 * Double($0) + season[$0 % 4] }
        let stl = try STLDecomposition(y, period: 4)
        for i in 8..<32 { #expect(abs(stl.seasonal[i] - season[i % 4]) < 0.05, "index \(i): \(stl.seasonal[i])") }
    }

    @Test func logarithmIsPreferredWhenTheSeasonGrowsWithTheLevel() {
        #expect(STLForecaster.prefersLogarithm(Fixtures.airPassengers, seasonLength: 12))
        let additive = (0..<96).map { 100 + Double($0) + 10 * Double.sin(Double($0) * .pi / 6) }
        #expect(!STLForecaster.prefersLogarithm(additive, seasonLength: 12))
        var withZero = Fixtures.airPassengers
        withZero[5] = 0
        #expect(!STLForecaster.prefersLogarithm(withZero, seasonLength: 12))
    }

    @Test func stlForecastBeatsTheSeasonalNaiveOnAirPassengers() throws {
        let y = Fixtures.airPassengers
        for origin in [120, 132] {
            let training = Array(y[..<origin]), actual = Array(y[origin..<(origin + 12)])
            let model = try ForecastModel.stl.fit(training, seasonLength: 12)
            #expect(model.name.hasPrefix("STL(log)+ETS"), "\(model.name)")
            let ours = model.forecast(horizon: 12, level: 0.95)
            let naive = try SeasonalNaive(fitting: training, seasonLength: 12).forecast(horizon: 12, level: 0.95)
            func error(_ f: Forecast) -> Double { zip(f.mean, actual).map { abs($0 - $1) }.reduce(0, +) }
            #expect(error(ours) < 0.6 * error(naive), "origin \(origin): \(error(ours)) vs naive \(error(naive))")
            for i in 0..<12 { #expect(ours.lower[i] < ours.mean[i] && ours.mean[i] < ours.upper[i]) }
        }
    }

    @Test func updatesKeepTheSeasonInPhase() throws {
        let season = [3.0, -1, 0, -2, 5]
        let y = (0..<60).map { 10 + 0.25 * Double($0) + season[$0 % 5] }
        var model = try STLForecaster(fitting: Array(y[..<43]), seasonLength: 5)
        model.update(with: Array(y[43..<50]))
        let forecast = model.forecast(horizon: 10, level: 0.9)
        for i in 0..<10 {
            #expect(abs(forecast.mean[i] - y[50 + i]) < 0.1, "step \(i): \(forecast.mean[i]) vs \(y[50 + i])")
        }
    }

    @Test func degenerateSeasonalSeriesGiveFiniteForecasts() throws {
        for (label, series) in RobustnessTests.degenerate {
            let fitted = try ForecastModel.stl.fit(series, seasonLength: 4)
            var updated = fitted
            updated.update(with: [.nan, 0, -1, .infinity])
            for model in [fitted, updated] {
                let forecast = model.forecast(horizon: 6, level: 0.95)
                let finite = (forecast.mean + forecast.lower + forecast.upper).allSatisfy(\.isFinite)
                #expect(finite, "\(label): \(forecast)")
            }
        }
    }
}
