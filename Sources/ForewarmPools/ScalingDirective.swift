/// What the controller (or the replenish policy, or an operator) asks a pool to do.
public struct ScalingDirective: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable {
        case add, remove, maintain
    }

    public var pool: String
    public var action: Action
    /// Instances to add or remove, or the warm count to maintain.
    public var instances: Int
    /// The instance type to use; nil keeps the pool's.
    public var instanceType: String?
    /// The language the instances serve; nil applies to every language the pool keeps warm.
    public var language: String?
    /// Why it was issued, in words an operator reads in the history (e.g. "forecast p95 arrivals 4.2/s need 6").
    public var reason: String?

    public init(
        pool: String, action: Action, instances: Int, instanceType: String? = nil, language: String? = nil,
        reason: String? = nil
    ) {
        self.pool = pool
        self.action = action
        self.instances = instances
        self.instanceType = instanceType
        self.language = language
        self.reason = reason
    }
}
