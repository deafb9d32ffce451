import CForewarmSandbox
import Foundation
import Synchronization

/// One sandbox: bwrap + seccomp + its own cgroup, with a warm zygote inside that forks a fresh child per run.
/// A worker runs one request at a time; the caller (a pool) owns it. Blocking pipe I/O happens on the worker's own
/// serial queue, off the caller's executor.
public final class SandboxWorker: @unchecked Sendable {  // the reader is used on `queue` only
    public let id: String
    public let runtime: LanguageRuntime
    public let limits: SandboxLimits
    let configuration: SandboxConfiguration
    let cgroup: Cgroup
    let pid: Int32
    let controlFD: Int32
    let reader: PipeReader
    let queue: DispatchQueue
    private let state: Mutex<State>

    struct State {
        var runs = 0
        var alive = true
        var reaped = false
        /// Processes of the sandbox that were killed; reaped in `terminate` (bwrap's pid 1 comes back to us).
        var killed: Set<Int32> = []
    }

    /// Runs served so far.
    public var runs: Int { state.withLock { $0.runs } }
    /// False once the zygote died or was terminated.
    public var isAlive: Bool { state.withLock { $0.alive } }
    /// True when the worker should be replaced rather than used again.
    public var isSpent: Bool { state.withLock { !$0.alive || $0.runs >= configuration.maxRunsPerZygote } }

    private init(
        id: String, runtime: LanguageRuntime, limits: SandboxLimits, configuration: SandboxConfiguration,
        cgroup: Cgroup, pid: Int32, controlFD: Int32, readFD: Int32
    ) {
        self.id = id
        self.runtime = runtime
        self.limits = limits
        self.configuration = configuration
        self.cgroup = cgroup
        self.pid = pid
        self.controlFD = controlFD
        self.reader = PipeReader(fd: readFD)
        self.queue = DispatchQueue(label: "forewarm.sandbox.\(id)")
        self.state = Mutex(State())
    }

    /// Starts a sandbox and waits until its zygote is warm.
    public static func start(
        id: String, runtime: LanguageRuntime, limits: SandboxLimits, configuration: SandboxConfiguration
    ) async throws -> SandboxWorker {
        let worker = try spawn(id: id, runtime: runtime, limits: limits, configuration: configuration)
        do {
            try await worker.waitReady()
        } catch {
            await worker.terminate()
            throw error
        }
        return worker
    }

    private static func spawn(
        id: String, runtime: LanguageRuntime, limits: SandboxLimits, configuration: SandboxConfiguration
    ) throws -> SandboxWorker {
        guard FileManager.default.isExecutableFile(atPath: configuration.bwrapPath) else {
            throw SandboxError.missingTool(configuration.bwrapPath)
        }
        let cgroup = Cgroup(version: configuration.cgroupVersion, name: "\(configuration.cgroupPrefix)-\(id)")
        if configuration.cgroupVersion != .unavailable {
            try cgroup.create(
                memoryBytes: max(limits.memoryBytes, runtime.compile == nil ? 0 : runtime.compileMemoryBytes),
                cpuCores: limits.cpuCores, pids: limits.pids)
        }
        let seccomp = fw_seccomp_bpf_fd(limits.network.allowsInet ? 1 : 0)
        guard seccomp >= 0 else {
            cgroup.destroy()
            throw SandboxError.spawn("seccomp filter: \(String(cString: strerror(-seccomp)))")
        }
        defer { close(seccomp) }
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard fw_pipe_cloexec(&toChild) == 0 else { throw SandboxError.spawn("pipe: \(errno)") }
        guard fw_pipe_cloexec(&fromChild) == 0 else {
            close(toChild[0])
            close(toChild[1])
            throw SandboxError.spawn("pipe: \(errno)")
        }
        let devnull = open("/dev/null", O_RDWR | O_CLOEXEC)
        defer { close(devnull) }
        let argv = configuration.bwrapArguments(runtime: runtime, limits: limits)
        let procs = configuration.cgroupVersion == .unavailable ? [] : cgroup.procsFiles
        let cProcs: [UnsafeMutablePointer<CChar>?] = procs.map { strdup($0) }
        defer { for pointer in cProcs { free(pointer) } }
        let procPointers: [UnsafePointer<CChar>?] = cProcs.map { $0.map { UnsafePointer($0) } }
        let from: [Int32] = [toChild[0], fromChild[1], devnull, seccomp]
        let to: [Int32] = [0, 1, 2, 3]
        let pid = withCStrings(argv) { cArgv in
            var env: [UnsafeMutablePointer<CChar>?] = [nil]
            return fw_spawn(
                argv[0], cArgv, &env, from, to, Int32(from.count), procPointers, Int32(procs.count),
                configuration.uid, configuration.gid)
        }
        close(toChild[0])
        close(fromChild[1])
        guard pid > 0 else {
            close(toChild[1])
            close(fromChild[0])
            cgroup.destroy()
            throw SandboxError.spawn(String(cString: strerror(-pid)))
        }
        return SandboxWorker(
            id: id, runtime: runtime, limits: limits, configuration: configuration, cgroup: cgroup, pid: pid,
            controlFD: toChild[1], readFD: fromChild[0])
    }

    private func waitReady() async throws {
        let line: [UInt8]? = await onQueue { self.reader.readLine() }
        guard let line, let event = try? JSONDecoder().decode(Wire.Event.self, from: Data(line)), event.event == "ready"
        else {
            state.withLock { $0.alive = false }
            throw SandboxError.worker("zygote did not start (is \(configuration.pythonPath) installed?)")
        }
    }

    /// Runs one request: writes its files, compiles if the language needs it, runs, meters. Never throws: a failure
    /// of the sandbox itself is an `internal_error` result and leaves the worker dead.
    public func run(_ request: RunRequest) async -> RunResult {
        guard isAlive else { return RunResult(status: .internalError, stderr: "sandbox worker is not alive") }
        let wall = min(request.timeoutMs ?? limits.wallMs, limits.wallMs)
        var steps: [Wire.Step] = []
        var budgetMs = wall + configuration.graceMs
        if let compile = runtime.compile {
            steps.append(
                Wire.Step(
                    kind: "compile", argv: compile.argv, env: compile.env, timeoutMs: runtime.compileWallMs,
                    cpuSeconds: max(1, runtime.compileWallMs / 1000), inProcess: false, gate: true))
            budgetMs += runtime.compileWallMs
        }
        steps.append(
            Wire.Step(
                kind: "run", argv: runtime.run.argv, env: runtime.run.env, timeoutMs: wall,
                cpuSeconds: limits.cpuSeconds, inProcess: runtime.inProcess, gate: false))
        var files: [(String, [UInt8])] = [(runtime.sourceFile, Array(request.code.utf8))]
        for (name, contents) in request.files.sorted(by: { $0.key < $1.key }) where Self.isSafe(name) {
            files.append((name, Array(contents.utf8)))
        }
        let stdin = Array(request.stdin.utf8)
        let header = Wire.Request(
            files: files.map { [.name($0.0), .size($0.1.count)] }, stdin: stdin.count, steps: steps,
            outputLimit: limits.outputBytes)
        var message = (try? JSONEncoder().encode(header)).map { Array($0) } ?? []
        message.append(UInt8(ascii: "\n"))
        for file in files { message += file.1 }
        message += stdin

        // The gateway's own deadline: if the zygote does not answer in time, the whole sandbox is killed.
        let watchdog = DispatchWorkItem { [self] in self.kill() }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(budgetMs), execute: watchdog)
        defer { watchdog.cancel() }
        let bytes = message
        return await onQueue { self.exchange(bytes, hasCompile: self.runtime.compile != nil) }
    }

    private func exchange(_ message: [UInt8], hasCompile: Bool) -> RunResult {
        let useCgroup = configuration.cgroupVersion != .unavailable
        if useCgroup && hasCompile { try? cgroup.setMemoryLimit(max(limits.memoryBytes, runtime.compileMemoryBytes)) }
        cgroup.resetPeak()
        var before = cgroup.usage()
        let oomBefore = before.oomKills
        guard writeAll(controlFD, message) else {
            // The zygote was gone before the request reached it: nothing ran, so it is the sandbox's failure.
            state.withLock { $0.alive = false }
            kill()
            return RunResult(status: .internalError, stderr: "the sandbox had stopped before the run started")
        }
        var event: Wire.Event
        var compileStep: Wire.StepResult?
        while true {
            guard let line = reader.readLine(),
                let decoded = try? JSONDecoder().decode(Wire.Event.self, from: Data(line))
            else { return died("the sandbox stopped answering") }
            event = decoded
            guard event.event == "step", let result = event.result else { break }
            // Compiled: lower the memory limit to the run's own before the run starts.
            compileStep = result
            if useCgroup {
                try? cgroup.setMemoryLimit(limits.memoryBytes)
                cgroup.resetPeak()
                before = cgroup.usage()
            }
            guard writeAll(controlFD, Array("go\n".utf8)) else { return died("cannot write to the sandbox") }
        }
        guard event.event == "done", let steps = event.steps, let last = steps.last else {
            return died(event.message ?? "unexpected answer from the sandbox")
        }
        let total = steps.reduce(0) { $0 + $1.stdout + $1.stderr }
        guard let payload = reader.read(count: total) else { return died("the sandbox stopped answering") }
        let after = cgroup.usage()
        state.withLock { $0.runs += 1 }
        if useCgroup && hasCompile { try? cgroup.setMemoryLimit(max(limits.memoryBytes, runtime.compileMemoryBytes)) }

        // The reported output is the last step's (the compiler's on a compile error).
        let lastStart = steps.dropLast().reduce(0) { $0 + $1.stdout + $1.stderr }
        let out = payload[lastStart..<lastStart + last.stdout]
        let err = payload[(lastStart + last.stdout)..<(lastStart + last.stdout + last.stderr)]
        let compile = compileStep ?? steps.first(where: { $0.kind == "compile" })
        var result = RunResult(
            status: .ok, exitCode: last.exitCode, signal: last.signal,
            stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
            cpuMs: useCgroup ? Double(after.cpuNanoseconds &- before.cpuNanoseconds) / 1e6 : last.cpuMs,
            wallMs: last.wallMs,
            peakMemoryKB: useCgroup ? Int(after.peakMemoryBytes / 1024) : last.maxRssKB,
            compileMs: compile?.wallMs)
        let oom = after.oomKills > oomBefore
        if last.kind == "compile" {
            result.status = oom ? .memoryLimit : .compileError
        } else if last.outputLimited {
            result.status = .outputLimit
        } else if oom
            || (last.signal == Int(SIGKILL) && !last.timedOut
                && result.peakMemoryKB * 1024 >= limits.memoryBytes * 9 / 10)
        {
            result.status = .memoryLimit
        } else if last.timedOut || last.signal == Int(SIGXCPU) {
            result.status = .timeout
        } else if last.exitCode != 0 {
            result.status = .nonzeroExit
        }
        return result
    }

    private func died(_ reason: String) -> RunResult {
        state.withLock { $0.alive = false }
        let usage = cgroup.usage()
        kill()
        // The zygote itself is killed when the instance runs out of memory or past the gateway's deadline.
        if usage.peakMemoryBytes >= UInt64(limits.memoryBytes) * 9 / 10 || usage.oomKills > 0 {
            return RunResult(
                status: .memoryLimit, stderr: "memory limit reached", peakMemoryKB: Int(usage.peakMemoryBytes / 1024))
        }
        return RunResult(status: .timeout, stderr: reason)
    }

    /// Kills the sandbox at once (all of its processes, through its cgroup when there is one). Returns the pids it
    /// signalled, so they can be reaped.
    @discardableResult
    func kill() -> [Int32] {
        let reaped = state.withLock { state -> Bool in
            state.alive = false
            return state.reaped
        }
        if !reaped { Glibc.kill(pid, SIGKILL) }
        let members = cgroup.pids()
        for child in members { Glibc.kill(child, SIGKILL) }
        state.withLock { $0.killed.formUnion(members) }
        return members
    }

    /// Stops the zygote, reaps bwrap (and, this process being their subreaper, bwrap's own pid 1) and removes the
    /// cgroup. Safe to call more than once.
    public func terminate() async {
        kill()
        let members = state.withLock { $0.killed }
        let already = state.withLock { state -> Bool in
            defer { state.reaped = true }
            return state.reaped
        }
        if already { return }
        close(controlFD)
        await onQueue {
            var status: Int32 = 0
            while waitpid(self.pid, &status, 0) < 0 && errno == EINTR {}
            close(self.reader.fd)
            // bwrap leaves its pid 1 to the nearest subreaper: collect it, so no zombie outlives the sandbox.
            for member in members where member != self.pid {
                for _ in 0..<200 {
                    let result = waitpid(member, &status, WNOHANG | __WALL)
                    if result != 0 { break }
                    usleep(1_000)
                }
            }
            self.cgroup.destroy()
        }
    }

    /// A file name a request may use: relative, inside the run directory.
    public static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("/") && !name.split(separator: "/").contains("..") && name.count < 256
    }

    private func onQueue<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body()) }
        }
    }
}

/// Calls `body` with a NULL-terminated C array of the strings.
func withCStrings<R>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}
