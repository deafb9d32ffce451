/// What the router knows about one pool at the moment of a request.
public struct PoolSnapshot: Sendable, Hashable {
    public var configuration: PoolConfiguration
    /// Idle instances for the request's language.
    public var idle: Int
    /// All live instances, any language.
    public var live: Int
    public var queued: Int

    public init(configuration: PoolConfiguration, idle: Int, live: Int, queued: Int) {
        self.configuration = configuration
        self.idle = idle
        self.live = live
        self.queued = queued
    }
}

/// Where a request goes.
public enum RouteDecision: Sendable, Hashable {
    /// A warm instance of the pool the score belongs to.
    case warm(pool: String)
    /// A warm instance of a larger pool, because it is faster than starting one cold in the home pool.
    case borrowed(pool: String, home: String)
    /// A new instance started for this request.
    case cold(pool: String)
    /// Wait in the pool's bounded queue for an instance to come free.
    case queued(pool: String)
    /// Over capacity: the client should retry after the given seconds.
    case rejected(retryAfterSeconds: Int)

    public var pool: String? {
        switch self {
        case .warm(let pool), .borrowed(let pool, _), .cold(let pool), .queued(let pool): return pool
        case .rejected: return nil
        }
    }
}

/// Routing, as a pure function of the score and the pools' state.
public struct PoolRouter: Sendable {
    public init() {}

    /// The pool whose score range contains `score` (pools ordered by range), else the nearest.
    public func homePool(score: Double, pools: [PoolConfiguration]) -> PoolConfiguration? {
        let ordered = pools.sorted { $0.minScore < $1.minScore }
        return ordered.first { $0.contains(score: score) } ?? (score < 50 ? ordered.first : ordered.last)
    }

    /// Home pool warm → warm; else a larger pool's warm instance when its expected latency beats a cold start in
    /// the home pool (`coldStartMs` vs `warmRunMs`); else a cold start if the home pool has room; else its queue;
    /// else reject.
    public func route(
        score: Double, pools: [PoolSnapshot], coldStartMs: Double, warmRunMs: Double = 5
    ) -> RouteDecision {
        let ordered = pools.sorted { $0.configuration.minScore < $1.configuration.minScore }
        guard let home = homePool(score: score, pools: ordered.map(\.configuration)),
            let homeIndex = ordered.firstIndex(where: { $0.configuration.name == home.name })
        else { return .rejected(retryAfterSeconds: 1) }
        let homeSnapshot = ordered[homeIndex]
        if homeSnapshot.idle > 0 { return .warm(pool: home.name) }
        if warmRunMs < coldStartMs,
            let larger = ordered[(homeIndex + 1)...].first(where: { $0.idle > 0 })
        {
            return .borrowed(pool: larger.configuration.name, home: home.name)
        }
        if homeSnapshot.live < home.maxInstances { return .cold(pool: home.name) }
        if homeSnapshot.queued < home.queueCapacity { return .queued(pool: home.name) }
        return .rejected(retryAfterSeconds: max(1, Int((Double(home.limits.wallMs) / 1000).rounded(.up))))
    }
}
