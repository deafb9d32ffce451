import Testing

@testable import ForewarmForecasting

/// Behaviour of the models on simulated series whose true parameters are known.
struct ModelTests {
    static func ar1(phi: Double, mean: Double, count: Int, seed: UInt64) -> [Double] {
        var g = SplitMix(seed: seed)
        var x = 0.0
        return (0..<count).map { _ in
            x = phi * x + g.normal(); return mean + x
        }
    }

    @Test func arimaRecoversAnAR1() throws {
        let y = Self.ar1(phi: 0.7, mean: 10, count: 600, seed: 1)
        let model = try ARIMAModel(fitting: y, specification: ARIMASpecification(p: 1, d: 0, q: 0))
        #expect(abs(model.parameters["ar.L1"]! - 0.7) < 0.07)
        #expect(abs(model.parameters["mean"]! - 10) < 0.4)
        #expect(abs(model.parameters["sigma2"]! - 1) < 0.15)
        let forecast = model.forecast(horizon: 50, level: 0.95)
        #expect(abs(forecast.mean[49] - model.parameters["mean"]!) < 0.01)  // reverts to the mean
        #expect(forecast.upper[0] - forecast.lower[0] < forecast.upper[49] - forecast.lower[49])
    }

    @Test func conditionalAndExactLikelihoodAgreeOnLongSeries() throws {
        let y = Self.ar1(phi: 0.5, mean: 0, count: 800, seed: 2)
        let spec = ARIMASpecification(p: 1, d: 0, q: 1)
        let exact = try ARIMAModel(fitting: y, specification: spec, method: .exact)
        let css = try ARIMAModel(fitting: y, specification: spec, method: .conditional)
        #expect(abs(exact.parameters["ar.L1"]! - css.parameters["ar.L1"]!) < 0.05)
    }

    @Test func unitRootTestsChooseDifferencing() {
        var g = SplitMix(seed: 4)
        var level = 0.0
        let walk = (0..<300).map { _ in
            level += g.normal(); return level
        }
        #expect(UnitRootTests.differencesNeeded(walk) >= 1)
        #expect(UnitRootTests.differencesNeeded(Self.ar1(phi: 0.3, mean: 5, count: 300, seed: 5)) == 0)
        #expect(UnitRootTests.seasonalStrength(Fixtures.airPassengers, seasonLength: 12) > 0.64)
    }

    @Test func autoARIMADifferencesARandomWalk() throws {
        var g = SplitMix(seed: 6)
        var level = 100.0
        let walk = (0..<200).map { _ in
            level += g.normal(); return level
        }
        let model = try AutoARIMA().fit(walk)
        #expect(model.specification.d == 1)
    }

    @Test func holtFollowsALinearTrend() throws {
        let y = (0..<60).map { i -> Double in
            let noise = i % 2 == 0 ? 0.1 : -0.1
            return 5 + 2 * Double(i) + noise
        }
        let model = try ETSModel(fitting: y, specification: .holt)
        let forecast = model.forecast(horizon: 3, level: 0.95)
        for (h, value) in forecast.mean.enumerated() { #expect(abs(value - (5 + 2 * Double(60 + h))) < 0.5) }
    }

    @Test func autoETSPicksASeasonalModelForAirPassengers() throws {
        let model = try AutoETS.fit(Fixtures.airPassengers, seasonLength: 12)
        #expect(model.specification.season != .none, "\(model.name)")
        let forecast = model.forecast(horizon: 12, level: 0.95)
        #expect(forecast.mean.max()! > 500 && forecast.mean.min()! > 350, "\(forecast.mean)")
    }

    @Test func etsUpdateEqualsFilteringTheNewData() throws {
        let y = Self.ar1(phi: 0.6, mean: 20, count: 200, seed: 8)
        let fitted = try ETSModel(fitting: Array(y.prefix(150)), specification: .dampedHolt)
        var updated = fitted
        updated.update(with: Array(y.suffix(50)))
        var state = fitted.state
        for v in y.suffix(50) { state.advance(v, fitted.specification, fitted.weights) }
        #expect(abs(updated.state.level - state.level) < 1e-12)
        #expect(updated.forecast(horizon: 1, level: 0.9).mean != fitted.forecast(horizon: 1, level: 0.9).mean)
    }

    @Test func arimaUpdateEqualsFittingStateOnTheLongerSeries() throws {
        let y = Self.ar1(phi: 0.6, mean: 20, count: 200, seed: 9)
        let spec = ARIMASpecification(p: 1, d: 1, q: 1)
        let fitted = try ARIMAModel(fitting: Array(y.prefix(150)), specification: spec)
        var updated = fitted
        updated.update(with: Array(y.suffix(50)))
        // The same filter run over all 200 values in one go.
        var filter = try #require(
            ARMAKalmanFilter(
                ar: fitted.coefficients.expandedAR(1), ma: fitted.coefficients.expandedMA(1)))
        for w in ARIMAModel.difference(y, fitted.differencing) { _ = filter.step(w - fitted.coefficients.mean) }
        #expect(abs(updated.filter.state[0] - filter.state[0]) < 1e-9)
    }

    @Test func seasonalNaiveRepeatsTheLastSeason() throws {
        var model = try SeasonalNaive(fitting: [1, 2, 3, 4, 1, 2, 3, 4], seasonLength: 4)
        #expect(model.forecast(horizon: 5, level: 0.95).mean == [1, 2, 3, 4, 1])
        model.update(with: [9])
        #expect(model.forecast(horizon: 4, level: 0.95).mean == [2, 3, 4, 9])
    }

    @Test func scheduledForecasterRefitsOnSchedule() throws {
        let y = Self.ar1(phi: 0.5, mean: 3, count: 120, seed: 10)
        var scheduled = try ScheduledForecaster(fitting: Array(y.prefix(80)), model: .ets, refitEvery: 20, window: 100)
        scheduled.update(with: Array(y[80..<100]))
        #expect(scheduled.history.count == 100)
        let finite = scheduled.forecast(horizon: 3, level: 0.8).mean.allSatisfy(\.isFinite)
        #expect(finite)
    }

    @Test func metricsScorePerfectAndMissedForecasts() {
        let perfect = Forecast(mean: [1, 2], lower: [0, 1], upper: [2, 3], level: 0.95)
        let score = AccuracyMetrics(forecast: perfect, actual: [1, 2], training: [0, 1, 0, 1])
        #expect(score.mase == 0 && score.smape == 0 && score.coverage == 1)
        let missed = AccuracyMetrics(forecast: perfect, actual: [3, 2], training: [0, 1, 0, 1])
        #expect(missed.mase == 1 && missed.coverage == 0.5)
        let zeros = AccuracyMetrics(
            forecast: Forecast(mean: [0], lower: [0], upper: [0], level: 0.95), actual: [0], training: [0, 0])
        #expect(zeros.smape == 0 && zeros.mase == 0)
    }
}
