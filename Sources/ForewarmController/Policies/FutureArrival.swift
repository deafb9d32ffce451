/// One request the clairvoyant oracle is told about in advance: when it arrives, what the control plane will be told
/// about it, and what it will really use.
public struct FutureArrival: Sendable, Hashable, Codable {
    /// Seconds on the simulation clock.
    public var time: Double
    /// The estimate `route` will be called with.
    public var demand: DemandEstimate
    /// Measured CPU seconds on the reference core (a run takes cpuSeconds / relativeSpeed on a type).
    public var cpuSeconds: Double
    /// Measured peak memory.
    public var memoryMB: Double

    public init(time: Double, demand: DemandEstimate, cpuSeconds: Double, memoryMB: Double) {
        self.time = time
        self.demand = demand
        self.cpuSeconds = cpuSeconds
        self.memoryMB = memoryMB
    }
}
