import Testing

@testable import ForewarmForecasting

/// The profile-likelihood fit of additive ETS models, forecast combinations and backtest model selection.
struct SelectionAndProfileTests {
    static func noisyTrend(count: Int, seed: UInt64, season: Int = 1) -> [Double] {
        var g = SplitMix(seed: seed)
        return (0..<count).map { t in
            let seasonal = season > 1 ? 8 * Double((t % season) - season / 2) / Double(season) : 0
            return 50 + 0.3 * Double(t) + seasonal + 2 * g.normal()
        }
    }

    /// The least-squares initial states are exact: no other initial state gives a smaller SSE for the same weights,
    /// and the profile SSE equals the SSE of filtering the data from the solved state.
    @Test(arguments: [
        ETSSpecification.simple, .holt, .dampedHolt, .holtWinters(seasonLength: 7),
        .holtWinters(seasonLength: 7, damped: true),
    ])
    func profileSolvesTheInitialStatesExactly(spec: ETSSpecification) throws {
        let y = Self.noisyTrend(count: 120, seed: 11, season: spec.seasonLength)
        let profile = LinearETSProfile(y: y, spec: spec)
        let w = ETSWeights(alpha: 0.3, beta: 0.05, gamma: 0.1, phi: spec.trend == .damped ? 0.9 : 1)
        let solved = try #require(profile.solve(w))
        func sse(_ start: ETSState) -> Double {
            var state = start, total = 0.0
            for value in y {
                let e = value - state.oneStep(spec, w)
                total += e * e
                state.advance(value, spec, w)
            }
            return total
        }
        #expect(abs(sse(solved.state) - solved.sse) < 1e-6 * solved.sse)
        var moved = solved.state
        moved.level += 0.5
        #expect(sse(moved) > solved.sse)
        moved = solved.state
        moved.trend += 0.01
        if spec.trend != .none { #expect(sse(moved) > solved.sse) }
    }

    @Test func combinationAveragesItsMembers() throws {
        let y = Self.noisyTrend(count: 80, seed: 3)
        let a = try SeasonalNaive(fitting: y)
        let b = try ETSModel(fitting: y, specification: .holt)
        var combined = try ForecastCombination(members: [a, b])
        let fa = a.forecast(horizon: 4, level: 0.9), fb = b.forecast(horizon: 4, level: 0.9)
        let f = combined.forecast(horizon: 4, level: 0.9)
        for i in 0..<4 {
            #expect(abs(f.mean[i] - (fa.mean[i] + fb.mean[i]) / 2) < 1e-9)
            #expect(abs(f.upper[i] - (fa.upper[i] + fb.upper[i]) / 2) < 1e-9)
        }
        combined.update(with: [200])
        #expect(combined.forecast(horizon: 1, level: 0.9).mean[0] > f.mean[0])
        #expect(throws: ForecastError.self) { try ForecastCombination(members: []) }
    }

    /// On a clean linear trend the naive forecast lags, so the backtest must rank it last and `.auto` must not
    /// pick it.
    @Test func selectionRanksByBacktestError() throws {
        let y = Self.noisyTrend(count: 150, seed: 5)
        var selection = ModelSelection()
        selection.backtest = RollingOrigin(horizon: 10, origins: 5, step: 10)
        let scores = selection.scores(y, seasonLength: 1)
        #expect(!scores.contains { $0.models == [.holtWinters] }, "holt-winters is skipped without a season")
        let naive = try #require(scores.first { $0.models == [.naive] }?.mase)
        let ets = try #require(scores.first { $0.models == [.ets] }?.mase)
        #expect(ets < naive)
        let chosen = try ForecastModel.auto.fit(y, seasonLength: 1, selection: selection)
        #expect(chosen.name != "Naive", "\(chosen.name)")
    }

    @Test func studentQuantilesMatchTheTables() {
        let table: [(Double, Int, Double)] = [
            (0.95, 1, 6.3138), (0.95, 2, 2.9200), (0.95, 3, 2.3534), (0.95, 5, 2.0150), (0.95, 10, 1.8125),
            (0.95, 30, 1.6973), (0.9, 5, 1.4759), (0.975, 4, 2.7764), (0.05, 5, -2.0150),
        ]
        for (p, v, t) in table {
            #expect(abs(StudentT.quantile(p, degreesOfFreedom: v) - t) < 2e-3, "t(\(p), \(v))")
        }
    }

    /// One lucky origin does not make a challenger significantly better; a consistent margin does.
    @Test func switchingNeedsSignificantlyLowerBacktestErrors() {
        let standing: [Double?] = [0.4, 0.6, 0.5, 0.45, 0.55, 0.9]
        let lucky: [Double?] = [0.5, 0.5, 0.5, 0.5, 0.5, 0.1]
        let steady: [Double?] = [0.3, 0.45, 0.4, 0.3, 0.42, 0.8]
        #expect(!ModelSelection.significantlyBetter(lucky, than: standing, confidence: 0.95))
        #expect(ModelSelection.significantlyBetter(steady, than: standing, confidence: 0.95))
        #expect(!ModelSelection.significantlyBetter([0.1, nil], than: [0.5, 0.5], confidence: 0.95), "one pair")
    }

    /// A 7-bucket cycle given as non-seasonal: AutoETS cannot follow it, AutoARIMA's AR terms can, at every
    /// origin — so `.auto` leaves its default for ARIMA.
    @Test func autoLeavesTheDefaultWhenAnotherIsConsistentlyBetter() throws {
        var g = SplitMix(seed: 11)
        let y = (0..<200).map { 10 + 5 * Double.sin(2 * .pi * Double($0) / 7) + 0.3 * g.normal() }
        let chosen = try ForecastModel.auto.fit(y, seasonLength: 1)
        #expect(chosen.name.hasPrefix("ARIMA"), "\(chosen.name)")
    }

    /// A scheduled `.auto` forecaster re-runs its backtest every `reselectEvery` refits: noise around a level keeps
    /// the default (simple smoothing); once a steep trend fills the window, the next selection moves to damped
    /// Holt — unless selections are too far apart to have happened yet.
    @Test func scheduledSelectionFollowsTheSeriesAtItsCadence() throws {
        var g = SplitMix(seed: 3)
        let flat = (0..<120).map { _ in 50 + g.normal() }
        let trend = (0..<120).map { 50 + 2 * Double($0) + 0.5 * g.normal() }
        let selection = ModelSelection(
            candidates: [.exponentialSmoothing(.simple), .exponentialSmoothing(.dampedHolt)], combinations: [],
            backtest: RollingOrigin(horizon: 5, origins: 6, step: 5))
        func scheduled(reselectEvery: Int) throws -> ScheduledForecaster {
            var model = try ScheduledForecaster(
                fitting: flat, model: .auto, refitEvery: 20, window: 100, selection: selection,
                reselectEvery: reselectEvery)
            #expect(model.chosen == [.exponentialSmoothing(.simple)], "\(model.chosen)")
            for value in trend { model.update(with: [value]) }
            return model
        }
        let often = try scheduled(reselectEvery: 1)
        #expect(often.chosen == [.exponentialSmoothing(.dampedHolt)], "\(often.chosen)")
        let rarely = try scheduled(reselectEvery: 100)
        #expect(rarely.chosen == [.exponentialSmoothing(.simple)], "\(rarely.chosen)")
        let finite = rarely.forecast(horizon: 3, level: 0.9).mean.allSatisfy(\.isFinite)
        #expect(finite)
    }

    /// Holt–Winters by least squares picks the multiplicative season for AirPassengers, whose swings grow with
    /// the level.
    @Test func holtWintersChoosesMultiplicativeSeasonForAirPassengers() throws {
        let model = try ForecastModel.holtWinters.fit(Fixtures.airPassengers, seasonLength: 12)
        #expect(model.name.hasSuffix(",M)"), "\(model.name)")
    }
}
