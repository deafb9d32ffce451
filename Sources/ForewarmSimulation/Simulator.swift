import ForewarmController

/// Replays a trace through scaling policies: a discrete-event simulation of pools, instances (start-up, speed,
/// price, idle and busy time), queues and routing. Pure and deterministic for a configuration's seed.
///
/// Semantics (docs/evaluation.md has the long form): an instance serves one request at a time, for
/// `cpuSeconds / relativeSpeed`; the policy routes each request; an idle instance of that pool serves it warm, else
/// the request waits for an instance already starting or a new one (a cold start) below the pool's max, else queues
/// FIFO. Directives move each pool's target; instances beyond it (or of a type the pool has switched away from) are
/// removed after the policy's keep-alive once idle. A run that needs more memory than its instance has fails at
/// its end and is re-run on the smallest pool with enough memory.
public struct Simulator: Sendable {
    public var configuration: SimulationConfiguration

    public init(configuration: SimulationConfiguration = SimulationConfiguration()) {
        self.configuration = configuration
    }

    /// Replays `requests` (in any order; sorted by arrival, stably) through `policy`.
    public func run<Policy: ScalingPolicy>(_ policy: Policy, requests: [SimulatedRequest]) throws -> PolicyResult {
        guard configuration.seriesBucketSeconds > 0, configuration.seriesBucketSeconds.isFinite else {
            throw SimulationError.invalidConfiguration("the series bucket must be a positive number of seconds")
        }
        for (index, request) in requests.enumerated() {
            guard request.arrival >= 0, request.arrival.isFinite else {
                throw SimulationError.invalidRequest(index, "arrival must be a finite time ≥ 0")
            }
            guard request.cpuSeconds >= 0, request.cpuSeconds.isFinite, request.memoryMB >= 0 else {
                throw SimulationError.invalidRequest(index, "CPU seconds and memory must be finite and ≥ 0")
            }
        }
        var ordered = requests
        if !zip(requests, requests.dropFirst()).allSatisfy({ $0.arrival <= $1.arrival }) {
            ordered = requests.enumerated().sorted { ($0.element.arrival, $0.offset) < ($1.element.arrival, $1.offset) }
                .map(\.element)
        }
        var replay = try Replay(policy: policy, requests: ordered, configuration: configuration)
        return replay.run()
    }
}

/// Why a replay could not run.
public enum SimulationError: Error, CustomStringConvertible, Equatable {
    case invalidPolicy(String, String)
    case invalidRequest(Int, String)
    case invalidConfiguration(String)

    public var description: String {
        switch self {
        case .invalidPolicy(let name, let reason): "policy \(name) cannot be simulated: \(reason)"
        case .invalidRequest(let index, let reason): "request \(index + 1) of the trace: \(reason)"
        case .invalidConfiguration(let reason): "simulation configuration: \(reason)"
        }
    }
}
