import Foundation
import Testing

@testable import ForewarmForecasting

/// Same model, same data as statsmodels: the fitted parameters agree within tolerance and the maximised
/// likelihood is at least as high (up to optimizer tolerance).
struct ReferenceParameterTests {
    static let parameters = (try? Fixtures.referenceParameters()) ?? [:]

    /// The non-seasonal series with statsmodels fits, one per family to keep the suite fast in debug builds.
    static let nonSeasonal = [
        "azure-arrivals-10s-code", "azure-arrivals-10s-conv", "azure-arrivals-1s-conv-1",
        "recodex-arrivals-1m-sample-default-17447", "recodex-duration-1m-sample-default-17448",
        "recodex-arrivals-1m-clustered-default-17812", "recodex-duration-1m-clustered-special1-18586",
    ]

    static func training(_ name: String, _ model: String) throws -> ([Double], [String: Double]) {
        let reference = try #require(parameters[name]?[model], "no statsmodels \(model) fit for \(name)")
        let origin = Int(try #require(reference["origin"]))
        return (Array(try Fixtures.series(name).prefix(origin)), reference)
    }

    @Test(arguments: nonSeasonal)
    func simpleExponentialSmoothingMatchesStatsmodels(series: String) throws {
        let (y, ref) = try Self.training(series, "statsmodels-ets-ANN")
        let model = try ETSModel(fitting: y, specification: .simple)
        let llf = try #require(ref["llf"])
        #expect(model.logLikelihood >= llf - max(0.05, 1e-5 * abs(llf)), "\(series): \(model.logLikelihood) vs \(llf)")
        let alpha = try #require(ref["smoothing_level"])
        #expect(abs(model.parameters["alpha"]! - alpha) < 0.02, "\(series): alpha \(model.parameters) vs \(ref)")
    }

    @Test(arguments: nonSeasonal)
    func dampedHoltMatchesStatsmodels(series: String) throws {
        let (y, ref) = try Self.training(series, "statsmodels-ets-AAdN")
        let model = try ETSModel(fitting: y, specification: .dampedHolt)
        let llf = try #require(ref["llf"])
        // Initial states are solved exactly (profile likelihood), so the optimum is at least statsmodels'.
        #expect(model.logLikelihood >= llf - max(0.05, 1e-5 * abs(llf)), "\(series): \(model.logLikelihood) vs \(llf)")
    }

    @Test(arguments: nonSeasonal)
    func arma11WithConstantMatchesStatsmodels(series: String) throws {
        let (y, ref) = try Self.training(series, "statsmodels-arima-101c")
        let model = try ARIMAModel(fitting: y, specification: ARIMASpecification(p: 1, d: 0, q: 1))
        let llf = try #require(ref["llf"])
        #expect(model.logLikelihood >= llf - max(0.05, 1e-5 * abs(llf)), "\(series): \(model.logLikelihood) vs \(llf)")
        let p = model.parameters
        #expect(abs(p["ar.L1"]! - ref["ar.L1"]!) < 0.02, "\(series): \(p) vs \(ref)")
        #expect(abs(p["ma.L1"]! - ref["ma.L1"]!) < 0.02, "\(series): \(p) vs \(ref)")
        #expect(abs(p["mean"]! - ref["const"]!) < 0.02 * max(abs(ref["const"]!), 1), "\(series): \(p) vs \(ref)")
        #expect(abs(p["sigma2"]! / ref["sigma2"]! - 1) < 0.01, "\(series): \(p) vs \(ref)")
    }

    @Test func airlineModelMatchesStatsmodels() throws {
        let (y, ref) = try Self.training("airpassengers", "statsmodels-arima-011-011")
        let spec = ARIMASpecification(
            p: 0, d: 1, q: 1, seasonalD: 1, seasonalQ: 1, seasonLength: 12, includesConstant: false)
        let model = try ARIMAModel(fitting: y, specification: spec)
        let p = model.parameters
        #expect(abs(p["ma.L1"]! - ref["ma.L1"]!) < 0.02, "\(p) vs \(ref)")
        #expect(abs(p["ma.S.L12"]! - ref["ma.S.L12"]!) < 0.03, "\(p) vs \(ref)")
        #expect(abs(p["sigma2"]! / ref["sigma2"]! - 1) < 0.05, "\(p) vs \(ref)")
    }

    @Test func holtWintersAdditiveFitsAtLeastAsWellAsStatsmodels() throws {
        let (y, ref) = try Self.training("airpassengers", "statsmodels-ets-AAA")
        let model = try ETSModel(fitting: y, specification: .holtWinters(seasonLength: 12))
        let llf = try #require(ref["llf"])
        #expect(model.logLikelihood >= llf - 0.05, "\(model.logLikelihood) vs \(llf), \(model.parameters) vs \(ref)")
    }

    /// The multiplicative model has no profile likelihood: the quasi-Newton search over all 15 coordinates must
    /// reach at least statsmodels' optimum (its L-BFGS-B stops at α ≈ 1; the better optimum is at α ≈ 0.77).
    @Test func holtWintersMultiplicativeFitsAtLeastAsWellAsStatsmodels() throws {
        let (y, ref) = try Self.training("airpassengers", "statsmodels-ets-MAM")
        let spec = try #require(ETSSpecification(code: "MAM", seasonLength: 12))
        let model = try ETSModel(fitting: y, specification: spec)
        let llf = try #require(ref["llf"])
        #expect(model.logLikelihood >= llf - 0.05, "\(model.logLikelihood) vs \(llf), \(model.parameters) vs \(ref)")
    }
}
