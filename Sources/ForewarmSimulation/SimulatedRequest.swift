import ForewarmController

/// One request of a trace as the simulator replays it: what the model predicted (all the policy sees) and what the
/// run really cost (what the simulator charges).
public struct SimulatedRequest: Sendable, Hashable {
    /// Seconds from the start of the trace.
    public var arrival: Double
    /// The prediction made from the request's code.
    public var demand: DemandEstimate
    /// Measured CPU seconds on the reference machine; the run takes `cpuSeconds / relativeSpeed` on an instance.
    public var cpuSeconds: Double
    /// Measured peak memory; more than the instance's memory is an out-of-memory misroute.
    public var memoryMB: Double

    public init(arrival: Double, demand: DemandEstimate, cpuSeconds: Double, memoryMB: Double) {
        self.arrival = arrival
        self.demand = demand
        self.cpuSeconds = cpuSeconds
        self.memoryMB = memoryMB
    }
}
