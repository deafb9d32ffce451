import ForewarmAnalysis
import ForewarmModel
import ForewarmPools
import ForewarmSandbox
import ForewarmStore
import Foundation

/// `forewarm calibrate`'s engine: runs programs one by one in warm sandboxes of one pool (the gateway's own
/// sandbox, limits and metering), and stores each clean measurement in the history as an observed run, so an
/// operator can bootstrap the model on their own hardware and workload.
public struct Calibrator: Sendable {
    /// One program to measure.
    public struct Program: Sendable {
        /// Identifies the program in the history (`calibrate:<id>`); a second calibration replaces the row.
        public var id: String
        /// Its task: cross-validation never splits one.
        public var group: String
        public var runtime: LanguageRuntime
        public var code: String

        public init(id: String, group: String, runtime: LanguageRuntime, code: String) {
            self.id = id
            self.group = group
            self.runtime = runtime
            self.code = code
        }
    }

    /// What happened to one program.
    public struct Outcome: Sendable, Codable {
        public var id: String
        public var language: String
        public var status: String
        /// Median over the repeats that ran cleanly (or the last run's, when none did).
        public var cpuSeconds: Double
        public var memoryMB: Double
        public var compileMs: Double?
        /// Stored as a labeled run: `ok` with CPU and memory metered, or stopped at the CPU limit.
        public var recorded: Bool
        /// Why it was not recorded.
        public var note: String?
    }

    public let pool: PoolConfiguration
    public let sandbox: Sandbox
    public let store: HistoryStore
    public var repeats = 1
    public var timeoutMs: Int?
    /// The machine the runs are learned under (``ModelConfiguration/machine``, as the gateway uses).
    public var machine = ModelConfiguration().machine

    public init(pool: PoolConfiguration, sandbox: Sandbox, store: HistoryStore) {
        self.pool = pool
        self.sandbox = sandbox
        self.store = store
    }

    /// Measures every program in order, reporting each as it finishes. A warm worker per language is reused
    /// (each run is a fresh fork of a clean zygote) and replaced when spent.
    public func run(_ programs: [Program], report: (Outcome) -> Void) async throws {
        var workers: [String: SandboxWorker] = [:]
        do {
            try await run(programs, workers: &workers, report: report)
        } catch {
            for worker in workers.values { await worker.terminate() }
            throw error
        }
        for worker in workers.values { await worker.terminate() }
    }

    private func run(
        _ programs: [Program], workers: inout [String: SandboxWorker], report: (Outcome) -> Void
    ) async throws {
        var analyzer = Analyzer()
        let extractor = FeatureExtractor()
        let limits = pool.sandboxLimits
        var started = 0
        for program in programs {
            var results: [RunResult] = []
            for _ in 0..<max(1, repeats) {
                let worker: SandboxWorker
                if let existing = workers[program.runtime.name], existing.isAlive, !existing.isSpent {
                    worker = existing
                } else {
                    if let spent = workers.removeValue(forKey: program.runtime.name) { await spent.terminate() }
                    started += 1
                    worker = try await sandbox.startWorker(
                        id: "cal-\(program.runtime.name)-\(started)", runtime: program.runtime, limits: limits)
                    workers[program.runtime.name] = worker
                }
                results.append(await worker.run(RunRequest(code: program.code, timeoutMs: timeoutMs)))
            }
            report(try measure(program, results, analyzer: &analyzer, extractor: extractor))
        }
    }

    /// Turns one program's runs into an outcome, storing it when it is a clean label.
    func measure(
        _ program: Program, _ results: [RunResult], analyzer: inout Analyzer, extractor: FeatureExtractor
    ) throws -> Outcome {
        let cpuLimitMs = Double(pool.limits.cpuSeconds) * 1000
        let clean = results.filter { $0.status == .ok && $0.cpuMs > 0 && $0.peakMemoryKB > 0 }
        let atCPULimit = results.filter { $0.status == .timeout && $0.cpuMs >= 0.9 * cpuLimitMs }
        let used = !clean.isEmpty ? clean : (!atCPULimit.isEmpty ? atCPULimit : [results.last!])
        let cpu = median(used.map(\.cpuMs)) / 1000
        let memory = median(used.map { Double($0.peakMemoryKB) }) / 1024
        var outcome = Outcome(
            id: program.id, language: program.runtime.name, status: used.last!.status.rawValue, cpuSeconds: cpu,
            memoryMB: memory, compileMs: used.last!.compileMs, recorded: false, note: nil)
        guard let language = Language(name: program.runtime.name) else {
            outcome.note = "the model does not know \(program.runtime.name)"
            return outcome
        }
        guard !clean.isEmpty || !atCPULimit.isEmpty else {
            outcome.note = Self.reason(used.last!)
            return outcome
        }
        let bytes = Array(program.code.utf8)
        let metrics = analyzer.analyze(bytes, language: language)
        let sample = LabeledSample(
            id: "calibrate:" + program.id, group: program.group, language: language,
            features: extractor.features(metrics, source: bytes), cpuSeconds: cpu,
            memoryMB: clean.isEmpty ? 0 : memory, hitCPULimit: clean.isEmpty, source: "calibration")
        try store.record(
            ObservedRun(sample: sample, instanceType: machine, finishedAt: Date()),
            code: program.code, input: RequestInput.none)
        outcome.recorded = true
        return outcome
    }

    static func reason(_ result: RunResult) -> String {
        switch result.status {
        case .ok: "CPU or memory was not metered"
        case .timeout: "stopped by the wall-time limit before the CPU limit (waiting or reading input?)"
        case .compileError: "does not compile"
        case .nonzeroExit: "exited with status \(result.exitCode.map(String.init) ?? "?")"
        default: result.status.rawValue
        }
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
