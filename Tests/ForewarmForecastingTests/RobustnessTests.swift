import Testing

@testable import ForewarmForecasting

/// Every model gives a finite forecast or a clear error on degenerate input — never a crash or a NaN.
struct RobustnessTests {
    static let models: [ForecastModel] = [.auto, .ets, .arima, .holtWinters, .stl, .naive]

    static func pattern(_ count: Int, _ value: (Int) -> Double) -> [Double] { (0..<count).map(value) }

    static let degenerate: [(String, [Double])] = {
        var cases: [(String, [Double])] = []
        cases.append(("constant", [Double](repeating: 7, count: 60)))
        cases.append(("all zero", [Double](repeating: 0, count: 60)))
        cases.append(("one value", [3]))
        cases.append(("two values", [3, 4]))
        cases.append(("five values", [1, 2, 3, 4, 5]))
        let holes = pattern(80) { i -> Double in
            if i % 9 == 4 { return .nan }
            return i % 13 == 0 ? .infinity : Double(i % 5)
        }
        cases.append(("NaN and inf inside", holes))
        let padded: [Double] = [.nan, .nan] + pattern(40) { Double($0 % 4) } + [.nan]
        cases.append(("leading and trailing NaN", padded))
        cases.append(("huge", pattern(60) { i -> Double in 1e300 * (1 + 0.1 * Double(i % 3)) }))
        cases.append(("tiny", pattern(60) { i -> Double in 1e-300 * Double(1 + i % 3) }))
        cases.append(("negative spikes", pattern(60) { i -> Double in i % 10 == 0 ? -1e6 : 1 }))
        return cases
    }()

    @Test(arguments: models)
    func degenerateSeriesGiveFiniteForecasts(model: ForecastModel) throws {
        for (label, series) in Self.degenerate {
            for season in label == "NaN and inf inside" ? [1, 4] : [1] {
                let fitted = try model.fit(series, seasonLength: season)
                let forecast = fitted.forecast(horizon: 6, level: 0.95)
                #expect(forecast.mean.count == 6, "\(label)")
                let all = forecast.mean + forecast.lower + forecast.upper
                let finite = all.allSatisfy(\.isFinite), numbers = fitted.parameters.values.allSatisfy(\.isFinite)
                #expect(finite, "\(model) on \(label), season \(season): \(forecast)")
                #expect(numbers, "\(model) on \(label)")
            }
        }
    }

    /// The multiplicative forms, fitted jointly by quasi-Newton descent (no profile likelihood), on the same
    /// inputs: a finite forecast, or a clear error where the form does not apply (zeros, negatives).
    @Test(arguments: ["MNN", "MAN", "MAdN", "MNM", "MAM", "MAdM", "ANM", "AAM"])
    func multiplicativeFormsGiveFiniteForecastsOrAClearError(code: String) throws {
        let spec = try #require(ETSSpecification(code: code, seasonLength: 4))
        for (label, series) in Self.degenerate + [("seasonal", Self.pattern(48) { 10 + Double($0 % 4) })] {
            do {
                let model = try ETSModel(fitting: series, specification: spec)
                let forecast = model.forecast(horizon: 6, level: 0.95)
                let all = forecast.mean + forecast.lower + forecast.upper
                let finite = all.allSatisfy(\.isFinite), numbers = model.parameters.values.allSatisfy(\.isFinite)
                #expect(finite, "\(code) on \(label): \(forecast)")
                #expect(numbers, "\(code) on \(label)")
            } catch {
                #expect(error is ForecastError, "\(code) on \(label): \(error)")
            }
        }
    }

    @Test(arguments: models)
    func emptyOrAllNaNSeriesThrowAClearError(model: ForecastModel) {
        for series in [[], [Double.nan, .nan], [Double.infinity]] {
            #expect(throws: ForecastError.self) { try model.fit(series, seasonLength: 1) }
        }
    }

    @Test func constantSeriesForecastsTheConstant() throws {
        for model in [ForecastModel.ets, .arima, .naive] {
            let forecast = try model.fit([Double](repeating: 7, count: 50)).forecast(horizon: 3, level: 0.95)
            for value in forecast.mean { #expect(abs(value - 7) < 1e-6, "\(model)") }
        }
    }

    @Test func updatesWithNonFiniteValuesStayFinite() throws {
        var model = try ForecastModel.ets.fit((0..<50).map { Double($0 % 7) })
        model.update(with: [.nan, .infinity, 3, -.infinity])
        let finite = model.forecast(horizon: 4, level: 0.9).mean.allSatisfy(\.isFinite)
        #expect(finite)
        var arima = try ARIMAModel(fitting: (0..<50).map { Double($0 % 7) }, specification: .init(p: 1, d: 1, q: 1))
        arima.update(with: [.nan, 2, .infinity])
        let bounded = arima.forecast(horizon: 4, level: 0.9).upper.allSatisfy(\.isFinite)
        #expect(bounded)
    }
}
