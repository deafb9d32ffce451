import CForewarmSandbox
import Foundation

/// The local sandbox backend: starts workers and runs cold one-offs, and cleans up what a crashed gateway left.
public struct Sandbox: Sendable {
    public let configuration: SandboxConfiguration

    /// Also makes this process the subreaper of its sandboxes: bwrap hands its pid 1 to the nearest subreaper,
    /// and the worker reaps it, so no sandbox process is left as a zombie.
    public init(configuration: SandboxConfiguration = SandboxConfiguration()) {
        self.configuration = configuration
        _ = fw_set_child_subreaper()
    }

    /// Problems with the host that stop the sandbox from working, or an empty array.
    public func preflight() -> [String] {
        var problems: [String] = []
        let fm = FileManager.default
        if !fm.isExecutableFile(atPath: configuration.bwrapPath) {
            problems.append("bubblewrap is not installed at \(configuration.bwrapPath) (apt-get install bubblewrap)")
        }
        if !fm.isExecutableFile(atPath: configuration.pythonPath) {
            problems.append("\(configuration.pythonPath) is needed inside the sandbox (apt-get install python3)")
        }
        for network in SandboxNetwork.allCases {
            let fd = fw_seccomp_bpf_fd(network.allowsInet ? 1 : 0)
            if fd < 0 { problems.append("cannot build the seccomp filter (\(network))") } else { close(fd) }
        }
        return problems
    }

    /// Whether the language's tools are on this host.
    public func isInstalled(_ runtime: LanguageRuntime) -> Bool {
        let tool = runtime.compile?.argv[0] ?? runtime.run.argv[0]
        return FileManager.default.isExecutableFile(atPath: tool)
    }

    /// Starts a warm worker.
    public func startWorker(id: String, runtime: LanguageRuntime, limits: SandboxLimits) async throws -> SandboxWorker {
        try await SandboxWorker.start(id: id, runtime: runtime, limits: limits, configuration: configuration)
    }

    /// A cold run: start a sandbox, run once, tear it down.
    public func runCold(_ request: RunRequest, runtime: LanguageRuntime, limits: SandboxLimits, id: String) async throws
        -> RunResult
    {
        let worker = try await startWorker(id: id, runtime: runtime, limits: limits)
        let result = await worker.run(request)
        await worker.terminate()
        return result
    }

    /// Removes the cgroups (and their processes) that a previous gateway with the same prefix left behind.
    @discardableResult
    public func removeStale() -> Int {
        Cgroup.removeStale(version: configuration.cgroupVersion, prefix: configuration.cgroupPrefix)
    }
}
