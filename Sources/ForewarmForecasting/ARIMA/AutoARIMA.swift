/// Automatic ARIMA order selection: KPSS for d, seasonal strength for D, then the Hyndman–Khandakar stepwise
/// search over p, q, P, Q and the constant by AICc (as `pmdarima.auto_arima` and statsforecast's `AutoARIMA`).
public struct AutoARIMA: Sendable {
    public var maxP = 5, maxQ = 5, maxSeasonalP = 2, maxSeasonalQ = 2
    /// Upper bound on p + q + P + Q.
    public var maxOrder = 5
    /// Maximum number of models the stepwise search fits.
    public var maxModels = 60
    /// Likelihood used while searching (the final model is always refitted by exact maximum likelihood).
    public var searchMethod: ARIMAMethod = .conditional

    public init() {}

    /// Chooses orders for `series` and returns the best model refitted by exact maximum likelihood.
    public func fit(_ series: [Double], seasonLength: Int = 1) throws -> ARIMAModel {
        let prepared = try PreparedSeries(series, model: "AutoARIMA", minimumCount: 4)
        let y = prepared.values
        let m = seasonLength > 1 && y.count >= 3 * seasonLength ? seasonLength : 1
        var seasonalD = 0
        if m > 1 && UnitRootTests.seasonalStrength(y, seasonLength: m) > 0.64 { seasonalD = 1 }
        let seasonal = seasonalD == 1 ? (m..<y.count).map { y[$0] - y[$0 - m] } : y
        let d = UnitRootTests.differencesNeeded(seasonal, maximum: 2)
        // The search ranks orders by the conditional likelihood; the chosen one is refitted exactly.
        let method = searchMethod
        var fitted: [ARIMASpecification: ARIMAModel] = [:]
        var tried = Set<ARIMASpecification>()
        func spec(_ p: Int, _ q: Int, _ sp: Int, _ sq: Int, _ c: Bool) -> ARIMASpecification {
            ARIMASpecification(
                p: p, d: d, q: q, seasonalP: sp, seasonalD: seasonalD, seasonalQ: sq, seasonLength: m,
                includesConstant: c)
        }
        func consider(_ s: ARIMASpecification) {
            guard !tried.contains(s), tried.count < maxModels, s.p <= maxP, s.q <= maxQ,
                s.seasonalP <= maxSeasonalP, s.seasonalQ <= maxSeasonalQ, s.coefficientCount <= maxOrder
            else { return }
            tried.insert(s)
            if let model = try? ARIMAModel(fitting: series, specification: s, method: method) { fitted[s] = model }
        }
        func best() -> ARIMASpecification? { fitted.min { $0.value.aicc < $1.value.aicc }?.key }
        let constant = d + seasonalD <= 1
        let s1 = m > 1 ? 1 : 0
        for start in [
            spec(2, 2, s1, s1, constant), spec(0, 0, 0, 0, constant), spec(1, 0, s1, 0, constant),
            spec(0, 1, 0, s1, constant),
        ] {
            consider(start)
        }
        if constant { consider(spec(0, 0, 0, 0, false)) }
        var current = best()
        while let c = current {
            var neighbours: [ARIMASpecification] = []
            for (dp, dq) in [(-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)] {
                neighbours.append(spec(c.p + dp, c.q + dq, c.seasonalP, c.seasonalQ, c.includesConstant))
            }
            if m > 1 {
                for (dp, dq) in [(-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1)] {
                    neighbours.append(spec(c.p, c.q, c.seasonalP + dp, c.seasonalQ + dq, c.includesConstant))
                }
            }
            if constant { neighbours.append(spec(c.p, c.q, c.seasonalP, c.seasonalQ, !c.includesConstant)) }
            for n in neighbours where n.p >= 0 && n.q >= 0 && n.seasonalP >= 0 && n.seasonalQ >= 0 { consider(n) }
            let next = best()
            if next == c || tried.count >= maxModels { break }
            current = next
        }
        guard let chosen = best(), let model = fitted[chosen] else {
            throw ForecastError("AutoARIMA found no ARIMA model that fits this series")
        }
        if method == .exact { return model }
        return (try? ARIMAModel(fitting: series, specification: chosen, method: .exact)) ?? model
    }
}
