import ForewarmAnalysis
import ForewarmModel
import ForewarmPools
import ForewarmSandbox
import ForewarmStore
import Foundation
import Logging

/// The request path: validate → predict → route and admit → run in the sandbox → release → record → learn →
/// answer.
public struct ExecutionService: Sendable {
    let configuration: GatewayConfiguration
    let model: LiveModel
    let retrainer: ModelRetrainer
    let pools: PoolManager
    let store: HistoryStore
    let sandbox: Sandbox
    let metrics: GatewayMetrics
    let logger: Logger

    func validate(_ request: ExecutionRequest) throws(Problem) -> LanguageRuntime {
        guard let runtime = LanguageRuntime.named(request.language) else {
            let known = LanguageRuntime.all.keys.sorted().joined(separator: ", ")
            throw .badRequest("unknown-language", "unknown language '\(request.language)'; use one of: \(known)")
        }
        guard sandbox.isInstalled(runtime) else {
            throw Problem(
                .serviceUnavailable, type: "language-unavailable", title: "Language unavailable",
                detail: "the \(runtime.name) toolchain is not installed on this server (run scripts/setup.sh)")
        }
        if request.code.utf8.isEmpty || request.code.allSatisfy(\.isWhitespace) {
            throw .badRequest("empty-code", "code is empty")
        }
        let size = request.code.utf8.count
        if size > configuration.maxCodeBytes {
            throw Problem(
                .contentTooLarge, type: "code-too-large", title: "Code too large",
                detail: "code is \(size) bytes; the limit is \(configuration.maxCodeBytes)")
        }
        let input =
            (request.stdin?.utf8.count ?? 0)
            + (request.files ?? [:]).reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        if input > configuration.maxInputBytes {
            throw Problem(
                .contentTooLarge, type: "input-too-large", title: "Input too large",
                detail: "stdin and files are \(input) bytes; the limit is \(configuration.maxInputBytes)")
        }
        for name in (request.files ?? [:]).keys where !SandboxWorker.isSafe(name) || name == runtime.sourceFile {
            throw .badRequest("bad-file-name", "file name '\(name)' must be a relative path inside the run directory")
        }
        if let timeout = request.timeoutMs {
            let maxWall = configuration.pools.map(\.limits.wallMs).max() ?? 0
            guard timeout >= 10, timeout <= maxWall else {
                throw .badRequest("bad-limits", "timeoutMs must be between 10 and \(maxWall) (got \(timeout))")
            }
        }
        return runtime
    }

    public func predict(_ request: PredictionRequest) throws(Problem) -> PredictionResponse {
        if request.code.isEmpty { throw .badRequest("empty-code", "code is empty") }
        if request.code.utf8.count > configuration.maxCodeBytes {
            throw Problem(
                .contentTooLarge, type: "code-too-large", title: "Code too large",
                detail: "code is \(request.code.utf8.count) bytes; the limit is \(configuration.maxCodeBytes)")
        }
        if (request.stdin?.utf8.count ?? 0) > configuration.maxInputBytes {
            throw Problem(
                .contentTooLarge, type: "input-too-large", title: "Input too large",
                detail: "stdin is \(request.stdin?.utf8.count ?? 0) bytes; the limit is \(configuration.maxInputBytes)")
        }
        var language: Language?
        if let given = request.language {
            guard let runtime = LanguageRuntime.named(given), let parsed = Language(name: runtime.name) else {
                throw .badRequest("unknown-language", "unknown language '\(given)'")
            }
            language = parsed
        }
        let live = model.predict(code: request.code, language: language, input: Self.input(request.stdin))
        return PredictionResponse(
            language: live.metrics.language.rawValue, prediction: PredictionBody(live), metrics: live.metrics)
    }

    static func input(_ stdin: String?) -> RequestInput {
        guard let stdin, !stdin.isEmpty else { return .none }
        return RequestInput(stdin: Array(stdin.utf8))
    }

    public func execute(_ request: ExecutionRequest) async throws(Problem) -> ExecutionResponse {
        let received = ContinuousClock.now
        let createdAt = Date()
        let runtime = try validate(request)
        let input = Self.input(request.stdin)
        let live = model.predict(code: request.code, language: Language(name: runtime.name), input: input)
        let prediction = PredictionBody(live)
        let fileMetrics = live.metrics
        let id = UUID().uuidString.lowercased()
        let lease: Lease
        do {
            lease = try await pools.acquire(language: runtime.name, score: prediction.score)
        } catch {
            let problem: Problem
            switch error {
            case .rejected(let seconds):
                metrics.rejected(reason: "queue_full")
                problem = Problem(
                    .tooManyRequests, type: "overloaded", title: "Too many requests",
                    detail: "every instance for this request's pool is busy and its queue is full",
                    retryAfterSeconds: seconds)
            case .queueTimedOut(let waited, let seconds):
                metrics.rejected(reason: "queue_timeout")
                problem = Problem(
                    .serviceUnavailable, type: "queue-timeout", title: "Queue timeout",
                    detail: "no instance came free for this request's pool within \(waited) ms",
                    retryAfterSeconds: seconds)
            case .shuttingDown:
                metrics.rejected(reason: "shutting_down")
                problem = Problem(
                    .serviceUnavailable, type: "shutting-down", title: "Shutting down",
                    detail: "the server is shutting down", retryAfterSeconds: 5)
            case .startFailed(let message):
                metrics.rejected(reason: "start_failed")
                problem = Problem(
                    .serviceUnavailable, type: "sandbox-unavailable", title: "Sandbox unavailable",
                    detail: "no sandbox could be started: \(message)", retryAfterSeconds: 1)
            }
            record(
                id: id, request: request, runtime: runtime, prediction: prediction, metrics: fileMetrics, lease: nil,
                result: RunResult(status: .rejected, stderr: problem.detail), total: received.duration(to: .now),
                createdAt: createdAt)
            throw problem
        }
        let result = await lease.worker.run(
            RunRequest(
                code: request.code, stdin: request.stdin ?? "", files: request.files ?? [:],
                timeoutMs: request.timeoutMs))
        await pools.release(lease)
        let total = received.duration(to: .now)
        metrics.request(
            pool: lease.id.pool, language: runtime.name, status: result.status.rawValue, route: lease.route.label,
            seconds: total)
        metrics.runCPU(pool: lease.id.pool, seconds: result.cpuMs / 1000)
        record(
            id: id, request: request, runtime: runtime, prediction: prediction, metrics: fileMetrics, lease: lease,
            result: result, total: total, createdAt: createdAt)
        learn(from: result, id: id, request: request, live: live, input: input)
        return ExecutionResponse(
            id: id, language: runtime.name, prediction: prediction,
            result: ExecutionResultBody(
                status: result.status, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr,
                cpuMs: result.cpuMs, wallMs: result.wallMs, peakMemoryKB: result.peakMemoryKB,
                compileMs: result.compileMs),
            pool: lease.id.pool, instance: lease.id.description, route: lease.route.label, coldStart: lease.coldStart,
            queueMs: lease.queueMs)
    }

    private func record(
        id: String, request: ExecutionRequest, runtime: LanguageRuntime, prediction: PredictionBody,
        metrics: FileMetrics,
        lease: Lease?, result: RunResult, total: Duration, createdAt: Date
    ) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let metricsJSON = (try? encoder.encode(metrics)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        var row = ExecutionRecord(
            id: id, codeHash: SHA256.hex(request.code.utf8), language: runtime.name, codeBytes: request.code.utf8.count,
            metrics: metricsJSON, score: prediction.score, cpuSecondsP50: prediction.cpuSecondsP50,
            predictedPool: prediction.pool, pool: lease?.id.pool, instance: lease?.id.description,
            instanceType: lease?.instanceType, route: lease?.route.label ?? "rejected",
            coldStart: lease?.coldStart ?? false,
            queueMs: lease?.queueMs ?? 0, status: result.status.rawValue, exitCode: result.exitCode,
            cpuMs: result.cpuMs,
            wallMs: result.wallMs, peakMemoryKB: result.peakMemoryKB, compileMs: result.compileMs,
            totalMs: total.milliseconds, stdout: String(result.stdout.prefix(65536)),
            stderr: String(result.stderr.prefix(65536)),
            createdAt: createdAt, finishedAt: Date())
        row.cpuSecondsP90 = prediction.cpuSecondsP90
        row.predictedMemoryMB = prediction.memoryMB
        row.modelVersion = prediction.modelVersion
        do {
            try store.record(row)
        } catch {
            logger.error("history: cannot record \(id): \(error)")
        }
    }

    func lookup(id: String) throws(Problem) -> ExecutionResponse {
        let found: ExecutionRecord?
        do { found = try store.execution(id: id) } catch {
            throw Problem(.internalServerError, type: "history", title: "History unavailable", detail: "\(error)")
        }
        guard let r = found else {
            throw Problem(.notFound, type: "not-found", title: "Not found", detail: "no execution with id '\(id)'")
        }
        return ExecutionResponse(
            id: r.id, language: r.language,
            prediction: PredictionBody(
                score: r.score, cpuSecondsP50: r.cpuSecondsP50, pool: r.predictedPool, cpuSecondsP90: r.cpuSecondsP90,
                memoryMB: r.predictedMemoryMB, modelVersion: r.modelVersion),
            result: ExecutionResultBody(
                status: RunStatus(rawValue: r.status) ?? .internalError, exitCode: r.exitCode, stdout: r.stdout,
                stderr: r.stderr, cpuMs: r.cpuMs, wallMs: r.wallMs, peakMemoryKB: r.peakMemoryKB, compileMs: r.compileMs
            ),
            pool: r.pool, instance: r.instance, route: r.route, coldStart: r.coldStart, queueMs: r.queueMs)
    }

    /// The feedback loop's request-side half: a run that finished `ok` with its CPU and memory metered becomes a
    /// labeled sample, stored with its features and code, and corrects the next predictions at once; when the
    /// retrain schedule says so, the background retrainer is woken.
    private func learn(
        from result: RunResult, id: String, request: ExecutionRequest, live: LiveModel.Live, input: RequestInput
    ) {
        guard configuration.model.feedback, result.status == .ok, result.cpuMs > 0, result.peakMemoryKB > 0 else {
            return
        }
        let sample = LabeledSample(
            id: id, group: SHA256.hex(request.code.utf8), language: live.metrics.language, features: live.features,
            cpuSeconds: result.cpuMs / 1000, memoryMB: Double(result.peakMemoryKB) / 1024, source: "gateway")
        // Learned under the machine, not the pool's sandbox size: see `ModelConfiguration.machine`.
        let run = ObservedRun(sample: sample, instanceType: model.machine, finishedAt: Date())
        do {
            try store.record(run, code: request.code, input: input)
        } catch {
            logger.error("history: cannot record observed run \(id): \(error)")
        }
        metrics.learned(
            language: sample.language.rawValue, pool: live.pool,
            absoluteLog10Error: abs(log10(live.prediction.cpuSecondsP50) - sample.cpuLog10))
        if model.observe(run) == .startRetraining { retrainer.trigger() }
    }
}
