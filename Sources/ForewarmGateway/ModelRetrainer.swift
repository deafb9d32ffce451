import ForewarmDatasets
import ForewarmModel
import ForewarmStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The feedback loop's background half, a `Service` in the gateway's group. When the retrain schedule says so
/// (after N measured runs, or when its timer passes the interval), it retrains on the training corpora plus the
/// local history, off the request path on a low-priority thread, records the candidate and its scores in the
/// history, and swaps it in only if it is not worse on the held-back recent runs (``Retraining``).
public final class ModelRetrainer: Service, Sendable {
    let live: LiveModel
    let store: HistoryStore
    let configuration: ModelConfiguration
    let metrics: GatewayMetrics
    let logger: Logger
    private let triggers: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    /// The training corpora's samples, analyzed once on the first retraining.
    private let corpora = Mutex<[LabeledSample]?>(nil)
    private let finished = Mutex<Int>(0)

    init(
        live: LiveModel, store: HistoryStore, configuration: ModelConfiguration, metrics: GatewayMetrics,
        logger: Logger
    ) {
        self.live = live
        self.metrics = metrics
        self.store = store
        self.configuration = configuration
        self.logger = logger
        (triggers, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a retraining (the schedule already said one is due).
    func trigger() { continuation.yield() }

    /// Retrainings finished (promoted or not) since start.
    public var retrainings: Int { finished.withLock { $0 } }

    /// Waits for triggers until graceful shutdown, which also abandons a retraining in progress (its thread's
    /// result is dropped), so shutting down never waits for a training.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.tickUntilCancelled() }
                for await _ in self.triggers {
                    guard !Task.isCancelled else { break }
                    await self.retrainOnce()
                }
                group.cancelAll()
            }
        }
    }

    /// Checks the schedule's interval now and then, so a quiet server still retrains on time.
    private func tickUntilCancelled() async {
        let period = min(60, max(0.05, configuration.retrainIntervalSeconds / 4))
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(period))
            if live.tick(at: Date()) == .startRetraining { trigger() }
        }
    }

    /// One retraining; the schedule is told it finished whatever happens.
    func retrainOnce() async {
        let started = Date()
        let history: [ObservedRun]
        do {
            history = try store.recentRuns(limit: configuration.historyRuns)
        } catch {
            logger.error("retraining: cannot read the history: \(error)")
            live.retrainAbandoned(at: Date())
            return
        }
        let serving = live.model
        var settings = Retraining()
        settings.parameters = serving.parameters
        if let trees = configuration.retrainTrees { settings.parameters.trees = trees }
        let retraining = settings
        let stamp = ISO8601DateFormatter().string(from: started)
        let version = "local-\(stamp)-n\(history.count)"
        let outcome = await onBackgroundThread { () -> Retraining.Outcome? in
            let shipped = self.trainingCorpora()
            guard !shipped.isEmpty, history.count >= 2 else { return nil }
            return retraining.run(serving: serving, shipped: shipped, history: history, now: started, version: version)
        }
        if Task.isCancelled {
            logger.info("retraining \(version) abandoned: shutting down")
            return
        }
        guard let outcome = outcome ?? nil else {
            let corpora = configuration.trainingData.joined(separator: ", ")
            logger.warning(
                "retraining skipped: \(history.count) local runs; training corpora [\(corpora)] unreadable or empty")
            live.retrainAbandoned(at: Date())
            return
        }
        do {
            try store.record(model: outcome.candidate, as: outcome.record)
        } catch {
            logger.error("retraining: cannot record model \(version): \(error)")
        }
        live.adopt(outcome, at: Date())
        finished.withLock { $0 += 1 }
        metrics.retrained(promoted: outcome.promoted)
        let record = outcome.record
        let seconds = Int(Date().timeIntervalSince(started))
        let verdict = record.promoted ? "promoted" : "kept the serving model"
        logger.info(
            """
            retrained \(version) on \(record.trainingSamples) samples in \(seconds) s: holdout MAE \(record.holdoutMAE) \
            vs serving \(record.servingMAE), \(verdict)
            """)
    }

    /// Loads and analyzes the configured corpora once; missing or unreadable folders are skipped.
    private func trainingCorpora() -> [LabeledSample] {
        if let cached = corpora.withLock({ $0 }) { return cached }
        var programs: [LabeledProgram] = []
        for directory in configuration.trainingData {
            do {
                programs += try Datasets.load([directory])
            } catch {
                logger.warning("retraining: skipping training corpus \(directory): \(error)")
            }
        }
        let samples = Datasets.samples(programs)
        corpora.withLock { $0 = samples }
        return samples
    }

    /// Runs CPU-heavy work on its own low-priority thread, not on the cooperative pool that serves requests.
    /// Cancellation (shutdown) stops waiting for it; the thread's result is then dropped.
    private func onBackgroundThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T? {
        let slot = ResultSlot<T>()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
                slot.set(continuation)
                let thread = Thread {
                    #if canImport(Glibc)
                        // On Linux the nice value is per thread: `who` 0 lowers this thread only.
                        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
                    #endif
                    slot.resume(work())
                }
                thread.stackSize = 16 << 20
                thread.start()
            }
        } onCancel: {
            slot.resume(nil)
        }
    }
}

/// A continuation resumed once, by whichever comes first: the work or a cancellation.
private final class ResultSlot<T: Sendable>: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<T?, Never>?, resumed: Bool)>((nil, false))

    func set(_ continuation: CheckedContinuation<T?, Never>) {
        let resumeNow = state.withLock { state -> Bool in
            if state.resumed { return true }
            state.continuation = continuation
            return false
        }
        if resumeNow { continuation.resume(returning: nil) }
    }

    func resume(_ value: T?) {
        let continuation = state.withLock { state -> CheckedContinuation<T?, Never>? in
            guard !state.resumed else { return nil }
            state.resumed = true
            defer { state.continuation = nil }
            return state.continuation
        }
        continuation?.resume(returning: value)
    }
}
