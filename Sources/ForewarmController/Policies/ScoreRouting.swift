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
        // A few pools: a linear search (the first observation of a name counts) beats building a dictionary per
        // request.
        func pool(_ name: String) -> PoolObservation? { observed.first { $0.pool == name } }
        var index = names.firstIndex(of: home(score: demand.score)) ?? 0
        // Move up while the pool's type lacks the memory.
        while index < names.count - 1, let type = pool(names[index])?.instanceType,
            Double(type.memoryMiB) < demand.memoryMB
        {
            index += 1
        }
        let chosen = names[index]
        guard borrowIdle, let home = pool(chosen), home.idle == 0 else { return chosen }
        var lender: PoolObservation?
        for candidate in observed
        where candidate.idle > 0 && candidate.pool != chosen
            && candidate.instanceType.relativeSpeed >= home.instanceType.relativeSpeed
            && Double(candidate.instanceType.memoryMiB) >= demand.memoryMB
        {
            if let best = lender, !(candidate.instanceType.pricePerHour < best.instanceType.pricePerHour) { continue }
            lender = candidate
        }
        return lender?.pool ?? chosen
    }
}
