/// What one run may use. Enforced by the instance's cgroup (memory, CPU quota, pids), rlimits (CPU time) and the
/// sandbox itself (wall time, output, tmp size).
public struct SandboxLimits: Sendable, Hashable, Codable {
    /// CPU quota in cores (0.5 = half a core), through the cgroup's CFS quota.
    public var cpuCores: Double
    /// CPU time of the run's main process (RLIMIT_CPU), seconds.
    public var cpuSeconds: Int
    /// Memory of the whole instance (cgroup), bytes.
    public var memoryBytes: Int
    /// Processes and threads of the whole instance (pids cgroup).
    public var pids: Int
    /// Wall time of the run step, milliseconds.
    public var wallMs: Int
    /// stdout + stderr captured, bytes; past it the run is killed and reported as `output_limit`.
    public var outputBytes: Int
    /// Size of the private /tmp (tmpfs), bytes.
    public var tmpBytes: Int
    /// Network access inside the sandbox (always its own namespace).
    public var network: SandboxNetwork

    public init(
        cpuCores: Double = 1, cpuSeconds: Int = 5, memoryBytes: Int = 256 << 20, pids: Int = 64,
        wallMs: Int = 5_000, outputBytes: Int = 1 << 20, tmpBytes: Int = 64 << 20, network: SandboxNetwork = .none
    ) {
        self.cpuCores = cpuCores
        self.cpuSeconds = cpuSeconds
        self.memoryBytes = memoryBytes
        self.pids = pids
        self.wallMs = wallMs
        self.outputBytes = outputBytes
        self.tmpBytes = tmpBytes
        self.network = network
    }

    private enum CodingKeys: String, CodingKey {
        case cpuCores, cpuSeconds, memoryBytes, pids, wallMs, outputBytes, tmpBytes, network
    }

    /// Every field but `network` (default `none`) is required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            cpuCores: try c.decode(Double.self, forKey: .cpuCores),
            cpuSeconds: try c.decode(Int.self, forKey: .cpuSeconds),
            memoryBytes: try c.decode(Int.self, forKey: .memoryBytes), pids: try c.decode(Int.self, forKey: .pids),
            wallMs: try c.decode(Int.self, forKey: .wallMs), outputBytes: try c.decode(Int.self, forKey: .outputBytes),
            tmpBytes: try c.decode(Int.self, forKey: .tmpBytes),
            network: try c.decodeIfPresent(SandboxNetwork.self, forKey: .network) ?? SandboxNetwork.none)
    }

    /// Problems a user can act on, or an empty array.
    public var problems: [String] {
        var found: [String] = []
        if !(cpuCores > 0 && cpuCores <= 64) { found.append("cpuCores must be in (0, 64]") }
        if cpuSeconds < 1 { found.append("cpuSeconds must be at least 1") }
        if memoryBytes < 16 << 20 { found.append("memoryBytes must be at least 16 MiB") }
        if pids < 4 { found.append("pids must be at least 4") }
        if wallMs < 10 { found.append("wallMs must be at least 10") }
        if outputBytes < 1 { found.append("outputBytes must be positive") }
        if tmpBytes < 1 << 20 { found.append("tmpBytes must be at least 1 MiB") }
        return found
    }
}
