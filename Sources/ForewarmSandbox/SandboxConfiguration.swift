import Foundation

/// Where the sandbox's tools are and whom it runs as.
public struct SandboxConfiguration: Sendable {
    public var bwrapPath: String
    public var pythonPath: String
    /// The unprivileged uid/gid bwrap is launched as (RLIMIT_NPROC and file permissions are not enforced for root).
    public var uid: UInt32
    public var gid: UInt32
    public var cgroupVersion: CgroupVersion
    /// Prefix of this gateway's cgroup names, so tests and servers on one host don't collide.
    public var cgroupPrefix: String
    /// Extra time past a run's own limits before the gateway kills the whole sandbox.
    public var graceMs: Int
    /// A zygote is replaced after this many runs (fresh memory layout and hash seed).
    public var maxRunsPerZygote: Int
    /// Languages with a loader (JavaScript, Ruby, Perl, PHP, Lua) keep a pre-spawned, single-use interpreter ready
    /// in each warm instance; false execs the runtime per request instead (kept to measure one against the other).
    public var prespawnInterpreters: Bool

    public init(
        bwrapPath: String = "/usr/bin/bwrap", pythonPath: String = "/usr/bin/python3",
        uid: UInt32 = 65534, gid: UInt32 = 65534, cgroupVersion: CgroupVersion = .detect(),
        cgroupPrefix: String = "fw", graceMs: Int = 2_000, maxRunsPerZygote: Int = 200,
        prespawnInterpreters: Bool = true
    ) {
        self.bwrapPath = bwrapPath
        self.pythonPath = pythonPath
        self.uid = getuid() == 0 ? uid : UInt32.max
        self.gid = getuid() == 0 ? gid : UInt32.max
        self.cgroupVersion = getuid() == 0 ? cgroupVersion : .unavailable
        self.cgroupPrefix = cgroupPrefix
        self.graceMs = graceMs
        self.maxRunsPerZygote = maxRunsPerZygote
        self.prespawnInterpreters = prespawnInterpreters
    }

    /// The bwrap command line for one sandbox (fd 3 carries the seccomp program).
    func bwrapArguments(runtime: LanguageRuntime, limits: SandboxLimits) -> [String] {
        var args = [
            bwrapPath, "--unshare-all", "--unshare-user", "--uid", "65534", "--gid", "65534", "--disable-userns",
            "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv",
            "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "LANG",
            "C.UTF-8",
            "--hostname", "sandbox", "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin",
            "--symlink", "usr/sbin", "/sbin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
            "--ro-bind", "/etc/ld.so.cache", "/etc/ld.so.cache", "--ro-bind-try", "/etc/alternatives",
            "/etc/alternatives",
        ]
        for path in runtime.binds { args += ["--ro-bind-try", path, path] }
        args += [
            "--proc", "/proc", "--dev", "/dev", "--size", "\(16 << 20)", "--tmpfs", "/dev/shm",
            "--size", "\(limits.tmpBytes)", "--tmpfs", "/tmp", "--chdir", "/tmp", "--remount-ro", "/dev",
            "--remount-ro", "/", "--seccomp", "3", "--", pythonPath, "-I", "-c", ZygoteScript.source,
            zygoteConfiguration(runtime: runtime, limits: limits),
        ]
        return args
    }

    /// The zygote's own configuration (its argv[1], JSON): the pre-spawned interpreter, if any.
    func zygoteConfiguration(runtime: LanguageRuntime, limits: SandboxLimits) -> String {
        struct Prespawn: Encodable {
            var argv: [String]
            var env: [String: String]
            var cpuSeconds: Int
        }
        struct Configuration: Encodable { var prespawn: Prespawn? }
        var prespawn: Prespawn?
        if prespawnInterpreters, runtime.compile == nil, let argv = runtime.prespawn {
            prespawn = Prespawn(argv: argv, env: runtime.run.env, cpuSeconds: limits.cpuSeconds)
        }
        let data = (try? JSONEncoder().encode(Configuration(prespawn: prespawn))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
