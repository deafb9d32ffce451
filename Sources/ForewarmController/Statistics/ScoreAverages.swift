import ForewarmForecasting

/// Rolling averages of the complexity scores arriving, overall and per pool.
///
/// Two views of the same stream: a window over the last `window` scores (what the threshold baseline compares with
/// its thresholds) and an EWMA with a half-life of `halfLife` scores (smoother, for reasons and trends).
public struct ScoreAverages: Sendable {
    public let window: Int
    public let halfLife: Double
    private var overall: RollingWindow
    private var overallSmooth: EWMA
    private var perPool: [String: RollingWindow] = [:]
    private var perPoolSmooth: [String: EWMA] = [:]

    /// - Parameters:
    ///   - window: scores in the rolling window (default 50: about a minute of a 1 request/s service).
    ///   - halfLife: the EWMA's half-life, in scores.
    public init(window: Int = 50, halfLife: Double = 20) {
        self.window = max(window, 1)
        self.halfLife = halfLife
        overall = RollingWindow(capacity: self.window)
        overallSmooth = EWMA(halfLife: halfLife)
    }

    /// Adds one arrival's score, counted overall and for the pool it went to.
    public mutating func observe(score: Double, pool: String) {
        overall.append(score)
        overallSmooth.append(score)
        perPool[pool, default: RollingWindow(capacity: window)].append(score)
        perPoolSmooth[pool, default: EWMA(halfLife: halfLife)].append(score)
    }

    /// Adds every arrival of a tick.
    public mutating func observe(_ arrivals: [ArrivalObservation]) {
        for arrival in arrivals { observe(score: arrival.demand.score, pool: arrival.pool) }
    }

    /// Scores seen in the window (at most `window`).
    public var count: Int { overall.count }
    /// Mean of the last `window` scores (nil before the first).
    public var mean: Double? { overall.count > 0 ? overall.mean : nil }
    /// The EWMA of all scores (nil before the first).
    public var smoothed: Double? { overallSmooth.count > 0 ? overallSmooth.mean : nil }
    /// The `p`-quantile of the window's scores (nil before the first).
    public func quantile(_ p: Double) -> Double? { overall.count > 0 ? overall.quantile(p) : nil }

    /// Mean of the last `window` scores routed to `pool` (nil before the first).
    public func mean(pool: String) -> Double? {
        guard let w = perPool[pool], w.count > 0 else { return nil }
        return w.mean
    }

    /// The EWMA of the scores routed to `pool` (nil before the first).
    public func smoothed(pool: String) -> Double? {
        guard let e = perPoolSmooth[pool], e.count > 0 else { return nil }
        return e.mean
    }
}
