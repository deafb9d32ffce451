/// How a run ended, as the API reports it.
public enum RunStatus: String, Sendable, Codable, CaseIterable {
    case ok
    case nonzeroExit = "nonzero_exit"
    case timeout
    case memoryLimit = "memory_limit"
    case outputLimit = "output_limit"
    case compileError = "compile_error"
    case rejected
    case internalError = "internal_error"
}

/// What a run produced and what it used, metered by the instance's cgroup and the run's own rusage.
public struct RunResult: Sendable, Codable, Hashable {
    public var status: RunStatus
    public var exitCode: Int?
    public var signal: Int?
    public var stdout: String
    public var stderr: String
    /// CPU time charged to the instance's cgroup during the run (all its processes), else the run's rusage.
    public var cpuMs: Double
    public var wallMs: Double
    /// Peak memory of the instance during the run (cgroup), else the run's max RSS.
    public var peakMemoryKB: Int
    /// Time spent compiling, for compiled languages.
    public var compileMs: Double?

    public init(
        status: RunStatus, exitCode: Int? = nil, signal: Int? = nil, stdout: String = "", stderr: String = "",
        cpuMs: Double = 0, wallMs: Double = 0, peakMemoryKB: Int = 0, compileMs: Double? = nil
    ) {
        self.status = status
        self.exitCode = exitCode
        self.signal = signal
        self.stdout = stdout
        self.stderr = stderr
        self.cpuMs = cpuMs
        self.wallMs = wallMs
        self.peakMemoryKB = peakMemoryKB
        self.compileMs = compileMs
    }
}

/// One request's code and input.
public struct RunRequest: Sendable, Hashable {
    public var code: String
    public var stdin: String
    /// Extra files beside the main source, relative paths.
    public var files: [String: String]
    /// Overrides the limits' wall time for this run, if lower.
    public var timeoutMs: Int?

    public init(code: String, stdin: String = "", files: [String: String] = [:], timeoutMs: Int? = nil) {
        self.code = code
        self.stdin = stdin
        self.files = files
        self.timeoutMs = timeoutMs
    }
}
