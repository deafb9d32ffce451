/// Which warm pool a prediction goes to: pools in increasing order, each taking scores below its bound.
public struct PoolThresholds: Sendable, Codable, Equatable {
    public struct Pool: Sendable, Codable, Equatable {
        public var name: String
        /// Scores strictly below this go here (the last pool takes everything left).
        public var below: Double

        public init(name: String, below: Double) {
            self.name = name
            self.below = below
        }
    }

    public var pools: [Pool]

    public init(pools: [Pool]) { self.pools = pools }

    /// small: under ≈ 80 ms (score 40); medium: under ≈ 2.2 s (score 70); large: the rest.
    public static let `default` = PoolThresholds(pools: [
        Pool(name: "small", below: 40), Pool(name: "medium", below: 70), Pool(name: "large", below: 101),
    ])

    /// Parses `small:40,medium:70,large` (the last bound may be left out).
    public init?(parsing text: String) {
        var pools: [Pool] = []
        for part in text.split(separator: ",") {
            let fields = part.split(separator: ":", maxSplits: 1)
            guard let name = fields.first, !name.isEmpty else { return nil }
            if fields.count == 2 {
                guard let bound = Double(fields[1]) else { return nil }
                pools.append(Pool(name: String(name), below: bound))
            } else {
                pools.append(Pool(name: String(name), below: .infinity))
            }
        }
        guard !pools.isEmpty else { return nil }
        self.pools = pools
    }

    public func pool(forScore score: Double) -> String {
        for pool in pools where score < pool.below { return pool.name }
        return pools.last?.name ?? "default"
    }
}
