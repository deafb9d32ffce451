/// A forecaster that absorbs each new bucket incrementally and refits its model every `refitEvery` buckets on
/// the most recent `window` buckets — the form the controller holds per series. With `.auto`, the model family is
/// chosen by `selection`'s backtest at the first fit and again every `reselectEvery` refits; the refits in between
/// refit the chosen family.
public struct ScheduledForecaster: Forecaster {
    public let model: ForecastModel
    public let seasonLength: Int
    public let refitEvery: Int
    public let window: Int
    public let selection: ModelSelection
    public let reselectEvery: Int
    /// The family (or combination) in use; for `.auto`, the backtest's latest choice.
    public private(set) var chosen: [ForecastModel]
    private(set) var history: [Double]
    private(set) var current: any Forecaster
    private var sinceRefit = 0
    private var refitsSinceSelection = 0

    public var name: String { current.name }
    public var parameters: [String: Double] { current.parameters }

    public init(
        fitting series: [Double], model: ForecastModel = .auto, seasonLength: Int = 1, refitEvery: Int = 60,
        window: Int = 1_440, selection: ModelSelection = ModelSelection(), reselectEvery: Int = 1
    ) throws {
        self.model = model
        self.seasonLength = seasonLength
        self.refitEvery = max(refitEvery, 1)
        self.window = max(window, 8)
        self.selection = selection
        self.reselectEvery = max(reselectEvery, 1)
        history = Array(series.suffix(self.window))
        chosen = model == .auto ? selection.select(history, seasonLength: seasonLength) : [model]
        current = try ModelSelection.fit(chosen, to: history, seasonLength: seasonLength)
    }

    public func forecast(horizon: Int, level: Double = 0.95) -> Forecast {
        current.forecast(horizon: horizon, level: level)
    }

    public mutating func update(with values: [Double]) {
        history.append(contentsOf: values)
        if history.count > 2 * window { history.removeFirst(history.count - window) }
        current.update(with: values)
        sinceRefit += values.count
        guard sinceRefit >= refitEvery else { return }
        // A window that cannot be fitted keeps the current model until the next scheduled refit.
        sinceRefit = 0
        let recent = Array(history.suffix(window))
        refitsSinceSelection += 1
        let reselect = model == .auto && refitsSinceSelection >= reselectEvery
        if reselect { refitsSinceSelection = 0 }
        let family = reselect ? selection.select(recent, seasonLength: seasonLength) : chosen
        guard let refitted = try? ModelSelection.fit(family, to: recent, seasonLength: seasonLength) else { return }
        current = refitted
        chosen = family
    }
}
