/// The equal-weight average of several fitted models' forecasts — a classic way to cut the variance of any one
/// model's errors (e.g. ETS and ARIMA together). Interval bounds are averaged too, which is the interval of the
/// average when the members' errors are perfectly correlated (conservative otherwise).
public struct ForecastCombination: Forecaster {
    /// The fitted members, each updated with every new bucket.
    public private(set) var members: [any Forecaster]

    public var name: String { "mean(" + members.map(\.name).joined(separator: ", ") + ")" }

    /// The members' parameters, prefixed by their position (`0.alpha`, `1.ar.L1`, …).
    public var parameters: [String: Double] {
        var out: [String: Double] = [:]
        for (i, member) in members.enumerated() {
            for (key, value) in member.parameters { out["\(i).\(key)"] = value }
        }
        return out
    }

    /// Combines already fitted members (at least one).
    public init(members: [any Forecaster]) throws {
        guard !members.isEmpty else { throw ForecastError("a forecast combination needs at least one model") }
        self.members = members
    }

    public func forecast(horizon: Int, level: Double = 0.95) -> Forecast {
        ModelSelection.average(members.map { $0.forecast(horizon: horizon, level: level) })
            ?? Forecast(mean: [], lower: [], upper: [], level: level)
    }

    public mutating func update(with values: [Double]) {
        for i in members.indices { members[i].update(with: values) }
    }
}
