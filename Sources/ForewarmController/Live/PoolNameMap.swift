/// Pairs a policy's pools with a backend's pools by score order, so a policy written with its own pool names
/// (`light`, `standard`, `heavy`) drives a gateway configured with others (`lightweight`, …).
public struct PoolNameMap: Sendable, Equatable {
    /// Policy pool name → backend pool name.
    public let toBackend: [String: String]
    /// Backend pool name → policy pool name.
    public let toPolicy: [String: String]

    /// Pairs the i-th lowest-scoring plan with the i-th lowest-scoring backend pool; nil when the counts differ.
    public init?(plans: [PoolPlan], backendPools: [(name: String, minScore: Double)]) {
        let policy = plans.sorted { ($0.minScore, $0.name) < ($1.minScore, $1.name) }.map(\.name)
        let backend = backendPools.sorted { ($0.minScore, $0.name) < ($1.minScore, $1.name) }.map(\.name)
        guard policy.count == backend.count, !policy.isEmpty else { return nil }
        toBackend = Dictionary(uniqueKeysWithValues: zip(policy, backend))
        toPolicy = Dictionary(uniqueKeysWithValues: zip(backend, policy))
    }
}
