import ForewarmPools
import ForewarmSandbox

extension PoolConfiguration {
    /// The pool's run limits and network access as the sandbox enforces them.
    public var sandboxLimits: SandboxLimits {
        SandboxLimits(
            cpuCores: limits.cpuCores, cpuSeconds: limits.cpuSeconds, memoryBytes: limits.memoryMiB << 20,
            pids: limits.pids, wallMs: limits.wallMs, outputBytes: limits.outputKiB << 10,
            tmpBytes: limits.tmpMiB << 20,
            network: network.sandboxNetwork)
    }
}

extension NetworkAccess {
    var sandboxNetwork: SandboxNetwork {
        switch self {
        case .none: .none
        case .loopback: .loopback
        }
    }
}
