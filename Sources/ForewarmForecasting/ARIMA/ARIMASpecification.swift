/// The orders of a (seasonal) ARIMA(p,d,q)(P,D,Q)m model and whether it has a constant (mean when undifferenced,
/// drift when differenced once).
public struct ARIMASpecification: Sendable, Hashable, CustomStringConvertible {
    public var p: Int, d: Int, q: Int
    public var seasonalP: Int, seasonalD: Int, seasonalQ: Int
    /// Buckets per season; 1 means non-seasonal.
    public var seasonLength: Int
    /// Whether to fit a constant (allowed only when d + D ≤ 1).
    public var includesConstant: Bool

    public init(
        p: Int, d: Int, q: Int, seasonalP: Int = 0, seasonalD: Int = 0, seasonalQ: Int = 0, seasonLength: Int = 1,
        includesConstant: Bool = true
    ) {
        let seasonal = seasonLength > 1
        self.p = max(p, 0)
        self.d = max(d, 0)
        self.q = max(q, 0)
        self.seasonalP = seasonal ? max(seasonalP, 0) : 0
        self.seasonalD = seasonal ? max(seasonalD, 0) : 0
        self.seasonalQ = seasonal ? max(seasonalQ, 0) : 0
        self.seasonLength = seasonal ? seasonLength : 1
        self.includesConstant = includesConstant && self.d + self.seasonalD <= 1
    }

    /// `ARIMA(1,1,1)(0,1,1)[12]+c` style name.
    public var description: String {
        var s = "ARIMA(\(p),\(d),\(q))"
        if seasonLength > 1 { s += "(\(seasonalP),\(seasonalD),\(seasonalQ))[\(seasonLength)]" }
        return includesConstant ? s + "+c" : s
    }

    /// Number of ARMA coefficients (excluding the constant).
    var coefficientCount: Int { p + q + seasonalP + seasonalQ }
    /// Observations lost to differencing.
    var differencingLag: Int { d + seasonalD * seasonLength }
}

/// How ARIMA coefficients are estimated.
public enum ARIMAMethod: String, Sendable, Hashable {
    /// Exact Gaussian likelihood by the Kalman filter, started from conditional estimates (as statsmodels).
    case exact
    /// Conditional sum of squares (conditioning on the first observations); faster, slightly less efficient.
    case conditional
}
