/// A forecaster that absorbs each new bucket incrementally and refits its model every `refitEvery` buckets on
/// the most recent `window` buckets — the form the controller holds per series.
public struct ScheduledForecaster: Forecaster {
    public let model: ForecastModel
    public let seasonLength: Int
    public let refitEvery: Int
    public let window: Int
    private(set) var history: [Double]
    private(set) var current: any Forecaster
    private var sinceRefit = 0

    public var name: String { current.name }
    public var parameters: [String: Double] { current.parameters }

    public init(
        fitting series: [Double], model: ForecastModel = .auto, seasonLength: Int = 1, refitEvery: Int = 60,
        window: Int = 1_440
    ) throws {
        self.model = model
        self.seasonLength = seasonLength
        self.refitEvery = max(refitEvery, 1)
        self.window = max(window, 8)
        history = Array(series.suffix(self.window))
        current = try model.fit(history, seasonLength: seasonLength)
    }

    public func forecast(horizon: Int, level: Double = 0.95) -> Forecast {
        current.forecast(horizon: horizon, level: level)
    }

    public mutating func update(with values: [Double]) {
        history.append(contentsOf: values)
        if history.count > 2 * window { history.removeFirst(history.count - window) }
        current.update(with: values)
        sinceRefit += values.count
        if sinceRefit >= refitEvery,
            let refitted = try? model.fit(Array(history.suffix(window)), seasonLength: seasonLength)
        {
            current = refitted
            sinceRefit = 0
        }
    }
}
