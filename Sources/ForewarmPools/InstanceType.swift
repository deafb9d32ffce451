/// A kind of machine (or, locally, of sandbox) a pool is made of.
public struct InstanceType: Sendable, Hashable, Codable {
    public var name: String
    public var vCPU: Double
    public var memoryMiB: Int
    public var pricePerHour: Double
    /// Time from "provision" to warm, as measured or declared.
    public var startupMs: Double
    /// How fast one run's CPU work goes on it, relative to one full core of the reference machine (a run that
    /// measured `c` CPU seconds takes `c / relativeSpeed` seconds here). Defaults to `min(vCPU, 1)`: single-threaded
    /// code cannot use more than one core, and a fractional quota slows it down.
    public var relativeSpeed: Double

    public init(
        name: String, vCPU: Double, memoryMiB: Int, pricePerHour: Double, startupMs: Double,
        relativeSpeed: Double? = nil
    ) {
        self.name = name
        self.vCPU = vCPU
        self.memoryMiB = memoryMiB
        self.pricePerHour = pricePerHour
        self.startupMs = startupMs
        self.relativeSpeed = relativeSpeed ?? min(vCPU, 1)
    }

    private enum CodingKeys: String, CodingKey {
        case name, vCPU, memoryMiB, pricePerHour, startupMs, relativeSpeed
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), vCPU: try c.decode(Double.self, forKey: .vCPU),
            memoryMiB: try c.decode(Int.self, forKey: .memoryMiB),
            pricePerHour: try c.decode(Double.self, forKey: .pricePerHour),
            startupMs: try c.decode(Double.self, forKey: .startupMs),
            relativeSpeed: try c.decodeIfPresent(Double.self, forKey: .relativeSpeed))
    }
}

/// The limits a pool's instances enforce on each run (the sandbox backend maps them onto cgroups and rlimits).
public struct RunLimits: Sendable, Hashable, Codable {
    public var cpuCores: Double
    public var cpuSeconds: Int
    public var memoryMiB: Int
    public var pids: Int
    public var wallMs: Int
    public var outputKiB: Int
    public var tmpMiB: Int

    public init(cpuCores: Double, cpuSeconds: Int, memoryMiB: Int, pids: Int, wallMs: Int, outputKiB: Int, tmpMiB: Int)
    {
        self.cpuCores = cpuCores
        self.cpuSeconds = cpuSeconds
        self.memoryMiB = memoryMiB
        self.pids = pids
        self.wallMs = wallMs
        self.outputKiB = outputKiB
        self.tmpMiB = tmpMiB
    }
}

/// Network access of a pool's instances: `none` (no IP sockets at all) or `loopback` (IP on the instance's own
/// private loopback only). Neither reaches the host or beyond.
public enum NetworkAccess: String, Sendable, Hashable, Codable, CaseIterable {
    case none
    case loopback
}

/// One pool: its complexity class (score range), instance type, limits and warm floor.
public struct PoolConfiguration: Sendable, Hashable, Codable {
    public var name: String
    /// Scores in `minScore..<maxScore` (0–100) route here; the last pool also takes 100.
    public var minScore: Double
    public var maxScore: Double
    public var instanceType: InstanceType
    public var limits: RunLimits
    /// Warm instances kept per language (languages not listed start cold).
    public var minWarm: [String: Int]
    /// Instances (warm, busy or starting) at most, all languages together.
    public var maxInstances: Int
    /// Requests waiting for this pool at most; past it they are rejected with Retry-After.
    public var queueCapacity: Int
    /// How long a request may wait in the queue (milliseconds) before it gives up with 503 and Retry-After.
    public var queueTimeoutMs: Int
    /// Network access of the pool's sandboxes.
    public var network: NetworkAccess

    public init(
        name: String, minScore: Double, maxScore: Double, instanceType: InstanceType, limits: RunLimits,
        minWarm: [String: Int], maxInstances: Int, queueCapacity: Int, queueTimeoutMs: Int = 10_000,
        network: NetworkAccess = .none
    ) {
        self.name = name
        self.minScore = minScore
        self.maxScore = maxScore
        self.instanceType = instanceType
        self.limits = limits
        self.minWarm = minWarm
        self.maxInstances = maxInstances
        self.queueCapacity = queueCapacity
        self.queueTimeoutMs = queueTimeoutMs
        self.network = network
    }

    private enum CodingKeys: String, CodingKey {
        case name, minScore, maxScore, instanceType, limits, minWarm, maxInstances, queueCapacity, queueTimeoutMs
        case network
    }

    /// `queueTimeoutMs` (default 10 s) and `network` (default `none`) may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decode(String.self, forKey: .name), minScore: try c.decode(Double.self, forKey: .minScore),
            maxScore: try c.decode(Double.self, forKey: .maxScore),
            instanceType: try c.decode(InstanceType.self, forKey: .instanceType),
            limits: try c.decode(RunLimits.self, forKey: .limits),
            minWarm: try c.decode([String: Int].self, forKey: .minWarm),
            maxInstances: try c.decode(Int.self, forKey: .maxInstances),
            queueCapacity: try c.decode(Int.self, forKey: .queueCapacity),
            queueTimeoutMs: try c.decodeIfPresent(Int.self, forKey: .queueTimeoutMs) ?? 10_000,
            network: try c.decodeIfPresent(NetworkAccess.self, forKey: .network) ?? NetworkAccess.none)
    }

    public func contains(score: Double) -> Bool { score >= minScore && (score < maxScore || maxScore >= 100) }

    /// The three default classes.
    public static let defaults: [PoolConfiguration] = [
        PoolConfiguration(
            name: "lightweight", minScore: 0, maxScore: 30,
            instanceType: InstanceType(
                name: "sandbox.small", vCPU: 0.5, memoryMiB: 128, pricePerHour: 0.005, startupMs: 150),
            limits: RunLimits(
                cpuCores: 0.5, cpuSeconds: 2, memoryMiB: 128, pids: 32, wallMs: 3_000, outputKiB: 256, tmpMiB: 16),
            minWarm: ["python": 4, "javascript": 1], maxInstances: 16, queueCapacity: 64),
        PoolConfiguration(
            name: "standard", minScore: 30, maxScore: 70,
            instanceType: InstanceType(
                name: "sandbox.medium", vCPU: 1, memoryMiB: 512, pricePerHour: 0.02, startupMs: 200),
            limits: RunLimits(
                cpuCores: 1, cpuSeconds: 10, memoryMiB: 512, pids: 64, wallMs: 10_000, outputKiB: 1024, tmpMiB: 64),
            minWarm: ["python": 2], maxInstances: 8, queueCapacity: 32, queueTimeoutMs: 30_000),
        PoolConfiguration(
            name: "heavyweight", minScore: 70, maxScore: 100,
            instanceType: InstanceType(
                name: "sandbox.large", vCPU: 2, memoryMiB: 2048, pricePerHour: 0.08, startupMs: 300),
            limits: RunLimits(
                cpuCores: 2, cpuSeconds: 30, memoryMiB: 2048, pids: 128, wallMs: 30_000, outputKiB: 4096, tmpMiB: 256),
            minWarm: ["python": 1], maxInstances: 4, queueCapacity: 16, queueTimeoutMs: 60_000),
    ]
}
