import ForewarmController

/// How `forewarm serve` runs the resource-allocation controller live.
public struct ControllerConfiguration: Sendable, Codable, Equatable {
    /// The policy: `forewarm` (default), `threshold`, `fixed`, `kpa`, `hpa`, `homogeneous-heavy`, `keepalive-10m`
    /// (or any `keepalive-<N>s|m|h`), or `none` to keep only the pools' own replenish-to-floor rule.
    public var policy = "forewarm"
    /// Seconds between decisions; nil uses the policy's own period.
    public var controlPeriodSeconds: Double?
    /// The `forewarm` policy's demand forecaster per series: `ses` (default: simple exponential smoothing) or
    /// `auto` (each series chooses its model by rolling-origin backtest; docs/controller.md, "The forecasting
    /// model").
    public var forecastModel = "ses"

    /// The forecaster names `forecastModel` takes.
    public static var forecastModels: [String] { SeriesForecaster.Options.modelNames }

    public init(policy: String = "forewarm", controlPeriodSeconds: Double? = nil, forecastModel: String = "ses") {
        self.policy = policy
        self.controlPeriodSeconds = controlPeriodSeconds
        self.forecastModel = forecastModel
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        policy = try c.decodeIfPresent(String.self, forKey: .policy) ?? "forewarm"
        controlPeriodSeconds = try c.decodeIfPresent(Double.self, forKey: .controlPeriodSeconds)
        forecastModel = try c.decodeIfPresent(String.self, forKey: .forecastModel) ?? "ses"
    }

    /// The `forewarm` policy's options with this configuration's forecaster.
    var forewarmOptions: ForewarmOptions {
        var options = ForewarmOptions()
        if let model = SeriesForecaster.Options.model(named: forecastModel) { options.forecast.model = model }
        return options
    }

    /// Policies that can run live (the oracle needs the future, so it exists only in the simulator).
    public static var livePolicies: [String] { ["none"] + PolicyCatalog.names.filter { $0 != "oracle" } }

    /// Whether `policy` can run live: `none`, or any policy the catalog builds (keep-alives of any length too) but
    /// the oracle.
    public static func runsLive(_ policy: String) -> Bool {
        policy == "none" || (policy != "oracle" && PolicyCatalog.isKnown(policy))
    }

    func problems() -> [String] {
        var problems: [String] = []
        if !Self.runsLive(policy) {
            problems.append(
                "controller.policy '\(policy)' is unknown; use one of: " + Self.livePolicies.joined(separator: ", ")
                    + " (or any keepalive-<N>s, -<N>m, -<N>h up to a day)")
        }
        if SeriesForecaster.Options.model(named: forecastModel) == nil {
            problems.append(
                "controller.forecastModel '\(forecastModel)' is unknown; use one of: "
                    + Self.forecastModels.joined(separator: ", "))
        }
        if let period = controlPeriodSeconds, !(period >= 0.1 && period <= 3600) {
            problems.append("controller.controlPeriodSeconds must be between 0.1 and 3600 (got \(period))")
        }
        return problems
    }
}
