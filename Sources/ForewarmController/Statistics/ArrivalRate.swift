import ForewarmForecasting

/// Rolling arrival rate (requests per second) from per-tick counts, overall and per pool.
///
/// Each tick contributes one bucket (its arrival count over its period). `rate` is the mean over the last
/// `windowSeconds`; `smoothedRate` an EWMA of the per-tick rates with a half-life of `halfLifeSeconds`; `peakRate`
/// the highest per-tick rate in the window.
public struct ArrivalRate: Sendable {
    public let windowSeconds: Double
    public let halfLifeSeconds: Double
    private var buckets: [(period: Double, counts: [String: Int], total: Int)] = []
    private var overallSmooth: EWMA?
    private var poolSmooth: [String: EWMA] = [:]
    private var knownPools: Set<String> = []

    public init(windowSeconds: Double = 60, halfLifeSeconds: Double = 30) {
        self.windowSeconds = max(windowSeconds, 1e-3)
        self.halfLifeSeconds = max(halfLifeSeconds, 1e-3)
    }

    /// Adds a tick's arrivals, which came over `period` seconds.
    public mutating func observe(_ arrivals: [ArrivalObservation], period: Double) {
        let period = period.isFinite && period > 0 ? period : 1
        var counts: [String: Int] = [:]
        for arrival in arrivals { counts[arrival.pool, default: 0] += 1 }
        knownPools.formUnion(counts.keys)
        buckets.append((period, counts, arrivals.count))
        var span = buckets.reduce(0) { $0 + $1.period }
        while buckets.count > 1, span - buckets[0].period >= windowSeconds {
            span -= buckets[0].period
            buckets.removeFirst()
        }
        let halfLifeTicks = halfLifeSeconds / period
        var overall = overallSmooth ?? EWMA(halfLife: halfLifeTicks)
        overall.append(Double(arrivals.count) / period)
        overallSmooth = overall
        for pool in knownPools {
            poolSmooth[pool, default: EWMA(halfLife: halfLifeTicks)].append(Double(counts[pool] ?? 0) / period)
        }
    }

    private var span: Double { buckets.reduce(0) { $0 + $1.period } }

    /// Arrivals per second over the window (0 before the first tick).
    public var rate: Double {
        let s = span
        return s > 0 ? Double(buckets.reduce(0) { $0 + $1.total }) / s : 0
    }

    /// Arrivals per second to `pool` over the window.
    public func rate(pool: String) -> Double {
        let s = span
        return s > 0 ? Double(buckets.reduce(0) { $0 + ($1.counts[pool] ?? 0) }) / s : 0
    }

    /// The EWMA of the per-tick rates.
    public var smoothedRate: Double { overallSmooth?.mean ?? 0 }
    public func smoothedRate(pool: String) -> Double { poolSmooth[pool]?.mean ?? 0 }

    /// The highest per-tick rate in the window.
    public var peakRate: Double { buckets.map { Double($0.total) / $0.period }.max() ?? 0 }
    public func peakRate(pool: String) -> Double {
        buckets.map { Double($0.counts[pool] ?? 0) / $0.period }.max() ?? 0
    }
}
