import ForewarmPools

/// Routing shared by the multi-pool policies: the pool whose score range holds the score, moved up to the first
/// pool whose type has the memory the request needs, and — when that pool has no idle instance — the idle
/// instance of another pool that is at least as fast and big enough, rather than a cold start.
public struct ScoreRouting: Sendable, Hashable {
    /// Pool names in score order.
    public var names: [String]
    /// The exclusive upper score bound of each pool (the last pool also takes everything above its bound).
    public var upperScores: [Double]
    /// Borrow an idle instance from another pool instead of starting one cold.
    public var borrowIdle: Bool

    public init(names: [String], upperScores: [Double], borrowIdle: Bool = true) {
        self.names = names
        self.upperScores = upperScores
        self.borrowIdle = borrowIdle
    }

    /// The pool by score alone.
    public func home(score: Double) -> String {
        for (name, upper) in zip(names, upperScores) where score < upper { return name }
        return names.last ?? ""
    }

    public func route(_ demand: DemandEstimate, pools observed: [PoolObservation]) -> String {
        guard !names.isEmpty else { return observed.first?.pool ?? "" }
        let byName = Dictionary(observed.map { ($0.pool, $0) }, uniquingKeysWith: { a, _ in a })
        var index = names.firstIndex(of: home(score: demand.score)) ?? 0
        // Move up while the pool's type lacks the memory.
        while index < names.count - 1, let type = byName[names[index]]?.instanceType,
            Double(type.memoryMiB) < demand.memoryMB
        {
            index += 1
        }
        let chosen = names[index]
        guard borrowIdle, let home = byName[chosen], home.idle == 0 else { return chosen }
        let lender = observed.filter {
            $0.pool != chosen && $0.idle > 0 && $0.instanceType.relativeSpeed >= home.instanceType.relativeSpeed
                && Double($0.instanceType.memoryMiB) >= demand.memoryMB
        }.min { $0.instanceType.pricePerHour < $1.instanceType.pricePerHour }
        return lender?.pool ?? chosen
    }
}
