import ForewarmPools
import ForewarmSandbox
import Foundation
import Logging
import ServiceLifecycle

/// A run's hold on an instance.
public struct Lease: Sendable {
    public var id: InstanceID
    public var worker: SandboxWorker
    public var route: RouteDecision
    public var coldStart: Bool
    public var queueMs: Double
    public var instanceType: String
}

/// Why no instance could be had.
public enum AdmissionError: Error, Sendable {
    case rejected(retryAfterSeconds: Int)
    /// The request waited in its pool's queue for the pool's `queueTimeoutMs` and no instance came free.
    case queueTimedOut(waitedMs: Int, retryAfterSeconds: Int)
    case shuttingDown
    case startFailed(String)
}

/// A cold start, for `GET /v1/pools`.
public struct ColdStartRecord: Sendable, Codable {
    public var language: String
    public var ms: Double
    public var reason: String
    public var at: Date
}

/// The local backend of the pools: owns the pure `PoolState`s, turns their commands into sandbox workers, and hands
/// instances to requests (warm, borrowed, cold or after queueing). Runs as a Service: on graceful shutdown it
/// drains, waits for runs in flight, then stops every worker and removes its cgroup.
public actor PoolManager: Service {
    enum Work: Sendable {
        case command(PoolCommand)
        case shutdown
    }

    /// How a wait in a pool's queue ended.
    enum QueueOutcome: Sendable {
        case granted(InstanceID)
        case timedOut
        case shuttingDown
    }

    struct Waiter {
        var serial: Int
        var language: String
        var enqueued: ContinuousClock.Instant
        var continuation: CheckedContinuation<QueueOutcome, Never>
    }

    let sandbox: Sandbox
    let router = PoolRouter()
    let logger: Logger
    let metrics: GatewayMetrics
    var pools: [String: PoolState]
    var workers: [InstanceID: SandboxWorker] = [:]
    var waiters: [String: [Waiter]] = [:]
    private var nextWaiter = 0
    /// Measured cold-start latency per language (exponential moving average), for routing.
    var coldStartMs: [String: Double] = [:]
    var recentColdStarts: [String: [ColdStartRecord]] = [:]
    var shuttingDown = false
    var startsInFlight = 0
    nonisolated let work: AsyncStream<Work>
    nonisolated let workContinuation: AsyncStream<Work>.Continuation
    private var readyContinuations: [CheckedContinuation<Void, Never>] = []
    private var prewarmed = false

    public init(pools: [PoolConfiguration], sandbox: Sandbox, metrics: GatewayMetrics, logger: Logger) {
        self.sandbox = sandbox
        self.metrics = metrics
        self.logger = logger
        self.pools = Dictionary(uniqueKeysWithValues: pools.map { ($0.name, PoolState(configuration: $0)) })
        (work, workContinuation) = AsyncStream.makeStream(of: Work.self)
    }

    public var configurations: [PoolConfiguration] {
        pools.values.map(\.configuration).sorted { $0.minScore < $1.minScore }
    }

    /// Applies a scaling directive (from the replenish policy now, the controller later).
    @discardableResult
    public func apply(_ directive: ScalingDirective) -> Bool {
        guard var pool = pools[directive.pool], !shuttingDown else { return false }
        let known = pools.values.map(\.configuration.instanceType)
        let commands = pool.apply(directive, knownInstanceTypes: known)
        pools[directive.pool] = pool
        submit(commands)
        return true
    }

    public func run() async throws {
        Cgroup.removeStale(version: sandbox.configuration.cgroupVersion, prefix: sandbox.configuration.cgroupPrefix)
        for name in pools.keys.sorted() {
            var pool = pools[name]!
            let commands = pool.reconcile()
            pools[name] = pool
            submit(commands)
        }
        updateGauges()
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for await item in work {
                    switch item {
                    case .command(let command): group.addTask { await self.perform(command) }
                    case .shutdown: group.addTask { await self.beginShutdown() }
                    }
                }
            }
        } onGracefulShutdown: {
            self.workContinuation.yield(.shutdown)
        }
        // Anything still registered (a start that raced the shutdown) is stopped here.
        for (_, worker) in workers { await worker.terminate() }
        workers.removeAll()
        Cgroup.removeStale(version: sandbox.configuration.cgroupVersion, prefix: sandbox.configuration.cgroupPrefix)
        logger.info("pools stopped")
    }

    /// Waits until the warm floor has been started once (or failed), so the first requests find warm instances.
    public func waitUntilWarm() async {
        if prewarmed || allStarted() { return }
        await withCheckedContinuation { readyContinuations.append($0) }
    }

    private func allStarted() -> Bool {
        pools.values.allSatisfy { $0.counts().provisioning + $0.counts().warming == 0 }
    }

    private func checkReady() {
        guard !prewarmed, allStarted() else { return }
        prewarmed = true
        for continuation in readyContinuations { continuation.resume() }
        readyContinuations.removeAll()
    }

    nonisolated func submit(_ commands: [PoolCommand]) {
        for command in commands { workContinuation.yield(.command(command)) }
    }

    private func perform(_ command: PoolCommand) async {
        switch command {
        case .startWorker(let id):
            await startWorker(id)
        case .stopWorker(let id):
            if let worker = workers.removeValue(forKey: id) { await worker.terminate() }
            updateGauges()
            finishIfDrained()
        }
    }

    private func startWorker(_ id: InstanceID, reason: String = "warm floor") async {
        guard let configuration = pools[id.pool]?.configuration, let runtime = LanguageRuntime.named(id.language)
        else { return }
        startsInFlight += 1
        defer { startsInFlight -= 1 }
        let started = ContinuousClock.now
        do {
            let worker = try await sandbox.startWorker(
                id: "\(id)-\(UInt32.random(in: 0...UInt32.max))", runtime: runtime, limits: configuration.sandboxLimits)
            noteColdStart(id.language, pool: id.pool, ms: started.duration(to: .now).milliseconds, reason: reason)
            workers[id] = worker
            let commands = pools[id.pool]?.warmed(id) ?? []
            submit(commands)
            serveWaiters(pool: id.pool)
        } catch {
            logger.error("cannot start \(id): \(error)")
            submit(pools[id.pool]?.failed(id) ?? [])
        }
        updateGauges()
        checkReady()
        finishIfDrained()
    }

    private func noteColdStart(_ language: String, pool: String, ms: Double, reason: String) {
        let previous = coldStartMs[language] ?? ms
        coldStartMs[language] = previous * 0.8 + ms * 0.2
        var recent = recentColdStarts[pool] ?? []
        recent.append(ColdStartRecord(language: language, ms: ms, reason: reason, at: Date()))
        recentColdStarts[pool] = Array(recent.suffix(10))
    }

    /// An instance for a run of `language` with `score`: warm in its pool, borrowed from a larger pool, started cold,
    /// or after waiting in the pool's bounded queue.
    public func acquire(language: String, score: Double) async throws(AdmissionError) -> Lease {
        guard !shuttingDown else { throw .shuttingDown }
        let start = ContinuousClock.now
        let snapshots = pools.values.map { pool in
            PoolSnapshot(
                configuration: pool.configuration, idle: pool.counts(language: language).idle,
                live: pool.counts().live, queued: waiters[pool.configuration.name]?.count ?? 0)
        }
        let decision = router.route(score: score, pools: snapshots, coldStartMs: coldStartMs[language] ?? 150)
        switch decision {
        case .warm(let name), .borrowed(let name, _):
            if let id = pools[name]?.acquire(language: language), let worker = workers[id] {
                return lease(id, worker, decision, cold: false, since: start)
            }
            return try await coldStart(language: language, pool: name, since: start)
        case .cold(let name):
            return try await coldStart(language: language, pool: name, since: start)
        case .queued(let name):
            return try await waitInQueue(pool: name, language: language, decision: decision, since: start)
        case .rejected(let seconds):
            throw .rejected(retryAfterSeconds: seconds)
        }
    }

    /// Waits in the pool's bounded queue until an instance is handed over, the pool's `queueTimeoutMs` passes (then
    /// `queueTimedOut`) or the server shuts down.
    private func waitInQueue(
        pool name: String, language: String, decision: RouteDecision, since start: ContinuousClock.Instant
    ) async throws(AdmissionError) -> Lease {
        let configuration = pools[name]!.configuration
        nextWaiter += 1
        let serial = nextWaiter
        metrics.queueDepth(pool: name, waiters[name, default: []].count + 1)
        // The timer lives only as long as this wait: it is cancelled as soon as the wait ends.
        let timer = Task { [timeout = configuration.queueTimeoutMs] in
            try? await Task.sleep(for: .milliseconds(timeout))
            if !Task.isCancelled { self.expireWaiter(serial, pool: name) }
        }
        let outcome = await withCheckedContinuation { continuation in
            waiters[name, default: []].append(
                Waiter(serial: serial, language: language, enqueued: start, continuation: continuation))
            serveWaiters(pool: name)
        }
        timer.cancel()
        metrics.queueDepth(pool: name, waiters[name, default: []].count)
        switch outcome {
        case .granted(let id):
            guard let worker = workers[id] else { throw .startFailed("the instance handed over has stopped") }
            return lease(id, worker, decision, cold: false, since: start)
        case .timedOut:
            throw .queueTimedOut(
                waitedMs: Int(start.duration(to: .now).milliseconds),
                retryAfterSeconds: max(1, Int((Double(configuration.limits.wallMs) / 1000).rounded(.up))))
        case .shuttingDown:
            throw .shuttingDown
        }
    }

    /// A queued request's time is up: it leaves the queue (unless it was served meanwhile).
    private func expireWaiter(_ serial: Int, pool name: String) {
        guard let index = waiters[name]?.firstIndex(where: { $0.serial == serial }),
            let waiter = waiters[name]?.remove(at: index)
        else { return }
        waiter.continuation.resume(returning: .timedOut)
    }

    private func lease(
        _ id: InstanceID, _ worker: SandboxWorker, _ route: RouteDecision, cold: Bool, since: ContinuousClock.Instant
    ) -> Lease {
        updateGauges()
        return Lease(
            id: id, worker: worker, route: route, coldStart: cold, queueMs: since.duration(to: .now).milliseconds,
            instanceType: pools[id.pool]?.configuration.instanceType.name ?? "")
    }

    private func coldStart(language: String, pool name: String, since: ContinuousClock.Instant)
        async throws(AdmissionError) -> Lease
    {
        guard var pool = pools[name], let runtime = LanguageRuntime.named(language) else {
            throw .startFailed("no pool")
        }
        guard case .startWorker(let id)? = pool.provision(language: language).first else {
            throw .startFailed("cannot provision")
        }
        pools[name] = pool
        metrics.coldStart(pool: name, language: language)
        let started = ContinuousClock.now
        do {
            let worker = try await sandbox.startWorker(
                id: "\(id)-\(UInt32.random(in: 0...UInt32.max))", runtime: runtime,
                limits: pool.configuration.sandboxLimits)
            noteColdStart(language, pool: name, ms: started.duration(to: .now).milliseconds, reason: "request")
            workers[id] = worker
            _ = pools[name]?.warmed(id)
            guard pools[name]?.acquire(id) == true else {
                submit(pools[name]?.failed(id) ?? [])
                throw AdmissionError.startFailed("instance was drained while starting")
            }
            return lease(id, worker, .cold(pool: name), cold: true, since: since)
        } catch let error as AdmissionError {
            throw error
        } catch {
            submit(pools[name]?.failed(id) ?? [])
            updateGauges()
            throw .startFailed("\(error)")
        }
    }

    /// The run is over: the instance goes back (or, spent or dead, is stopped and replaced).
    public func release(_ lease: Lease) {
        let reusable = lease.worker.isAlive && !lease.worker.isSpent
        let commands = pools[lease.id.pool]?.released(lease.id, reusable: reusable) ?? []
        submit(commands)
        serveWaiters(pool: lease.id.pool)
        updateGauges()
    }

    /// Hands idle instances to waiting requests, in order; starts instances for waiters whose language has none.
    private func serveWaiters(pool name: String) {
        guard var queue = waiters[name], !queue.isEmpty else { return }
        var index = 0
        while index < queue.count {
            if let id = pools[name]?.acquire(language: queue[index].language) {
                queue.remove(at: index).continuation.resume(returning: .granted(id))
            } else {
                index += 1
            }
        }
        // Start one instance per waiting language that has none starting; when the pool is full, an idle
        // instance of another language makes room (else a waiter could wait for a language nobody will free).
        for language in Set(queue.map(\.language)).sorted() {
            guard var pool = pools[name],
                pool.counts(language: language).provisioning + pool.counts(language: language).warming == 0
            else { continue }
            var commands: [PoolCommand] = []
            if pool.counts().live >= pool.configuration.maxInstances {
                guard
                    let victim = pool.instances.first(where: { $0.key.language != language && $0.value.state == .idle }
                    )?.key
                else { continue }
                commands += pool.drain(victim)
            }
            commands += pool.provision(language: language)
            pools[name] = pool
            submit(commands)
        }
        waiters[name] = queue
    }

    private func beginShutdown() async {
        shuttingDown = true
        for (name, queue) in waiters {
            for waiter in queue { waiter.continuation.resume(returning: .shuttingDown) }
            waiters[name] = []
        }
        for name in pools.keys.sorted() {
            submit(pools[name]!.drainAll())
        }
        finishIfDrained()
    }

    private func finishIfDrained() {
        guard shuttingDown, startsInFlight == 0, pools.values.allSatisfy({ $0.counts().live == 0 }), workers.isEmpty
        else { return }
        workContinuation.finish()
    }

    private func updateGauges() {
        for (name, pool) in pools {
            let counts = pool.counts()
            metrics.instances(pool: name, counts: counts)
        }
    }

    /// The state of every pool, for `GET /v1/pools`.
    public func snapshot() -> [PoolStatus] {
        configurations.map { configuration in
            let pool = pools[configuration.name]!
            let counts = pool.counts()
            var byLanguage: [String: PoolCounts] = [:]
            for language in Set(pool.instances.keys.map(\.language)).union(pool.targets.keys) {
                byLanguage[language] = pool.counts(language: language)
            }
            return PoolStatus(
                name: configuration.name, scoreRange: [configuration.minScore, configuration.maxScore],
                instanceType: configuration.instanceType, limits: configuration.limits,
                warm: counts.idle, busy: counts.busy, provisioning: counts.provisioning + counts.warming,
                draining: counts.draining, queued: waiters[configuration.name]?.count ?? 0,
                queueCapacity: configuration.queueCapacity, queueTimeoutMs: configuration.queueTimeoutMs,
                network: configuration.network, maxInstances: configuration.maxInstances,
                minWarm: pool.targets, languages: byLanguage,
                recentColdStarts: recentColdStarts[configuration.name] ?? [])
        }
    }
}

/// One pool as `GET /v1/pools` shows it.
public struct PoolStatus: Sendable, Codable {
    public var name: String
    public var scoreRange: [Double]
    public var instanceType: InstanceType
    public var limits: RunLimits
    public var warm: Int
    public var busy: Int
    public var provisioning: Int
    public var draining: Int
    public var queued: Int
    public var queueCapacity: Int
    public var queueTimeoutMs: Int
    public var network: NetworkAccess
    public var maxInstances: Int
    public var minWarm: [String: Int]
    public var languages: [String: PoolCounts]
    public var recentColdStarts: [ColdStartRecord]
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
