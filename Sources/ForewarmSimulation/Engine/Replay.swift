import ForewarmController
import ForewarmPools

/// The state of one policy's replay of a trace. Every state change goes through the event methods below; `run`
/// pops events in time order (events before arrivals at the same instant).
struct Replay<Policy: ScalingPolicy> {
    enum Event {
        case ready(instance: Int)
        case finished(instance: Int)
        case keepAliveExpired(instance: Int, epoch: Int)
        case tick
    }

    var policy: Policy
    let configuration: SimulationConfiguration
    let requests: [SimulatedRequest]
    var generator: SeededGenerator
    var events = EventQueue<Event>()
    var pools: [SimulatedPool]
    let poolIndex: [String: Int]
    /// Pool indices by memory, smallest first (where a run that ran out of memory goes next).
    let byMemory: [Int]
    var instances: [SimulatedInstance] = []
    var integrator: TimeIntegrator
    var now = 0.0
    var costRate = 0.0

    // Per request.
    var attemptStart: [Double]
    var waited: [Double]
    var coldStart: [Bool]
    var attempts: [Int]
    var completed = 0

    // Since the previous tick.
    var arrivalsSinceTick: [ArrivalObservation] = []
    /// Buffers reused on every event and arrival (no allocation per event).
    var liveCounts: [Int] = []
    var observations: [PoolObservation] = []
    var completionsSinceTick: [CompletionObservation] = []
    var lastTick = 0.0

    // Metrics.
    var latencies: [Double] = []
    var lifetimeCost = 0.0
    var memoryMisroutes = 0
    var heavyOnLight = 0
    var lightOnHeavy = 0
    var failed = 0
    var directives = 0
    var rejectedDirectives = 0
    var invalidRoutes = 0
    var instancesStarted = 0
    var directiveLog: [DirectiveRecord] = []
    var arrivalSeries: [Double] = []
    var coldStartSeries: [Double] = []
    var cpuSeries: [Double] = []
    var forecasts: ForecastRecorder

    init(policy: Policy, requests: [SimulatedRequest], configuration: SimulationConfiguration) throws {
        guard policy.controlPeriod > 0, policy.controlPeriod.isFinite else {
            throw SimulationError.invalidPolicy(policy.name, "its control period must be positive")
        }
        if let keepAlive = policy.keepAlive, !(keepAlive >= 0) {
            throw SimulationError.invalidPolicy(policy.name, "its keep-alive must not be negative")
        }
        let plans = policy.initialPools(catalog: configuration.catalog)
        guard !plans.isEmpty else { throw SimulationError.invalidPolicy(policy.name, "it starts with no pools") }
        guard Set(plans.map(\.name)).count == plans.count else {
            throw SimulationError.invalidPolicy(policy.name, "it names a pool twice")
        }
        for plan in plans where plan.maxInstances < 1 || plan.minInstances > plan.maxInstances {
            throw SimulationError.invalidPolicy(policy.name, "pool \(plan.name) needs 0 ≤ min ≤ max and max ≥ 1")
        }
        self.policy = policy
        self.configuration = configuration
        self.requests = requests
        generator = SeededGenerator(seed: configuration.seed)
        pools = plans.map(SimulatedPool.init(plan:))
        poolIndex = Dictionary(uniqueKeysWithValues: plans.enumerated().map { ($1.name, $0) })
        byMemory = plans.indices.sorted {
            (plans[$0].instanceType.memoryMiB, $0) < (plans[$1].instanceType.memoryMiB, $1)
        }
        integrator = TimeIntegrator(pools: plans.count, bucketSeconds: configuration.seriesBucketSeconds)
        forecasts = ForecastRecorder(bucketSeconds: configuration.seriesBucketSeconds)
        attemptStart = Array(repeating: 0, count: requests.count)
        waited = attemptStart
        coldStart = Array(repeating: false, count: requests.count)
        attempts = Array(repeating: 0, count: requests.count)
        latencies.reserveCapacity(requests.count)
        // The initial instances are warm at time zero.
        for pool in pools.indices {
            for _ in 0..<pools[pool].target {
                let id = provision(pool: pool, warm: true)
                makeIdle(id)
            }
        }
    }

    // MARK: - The loop

    mutating func run() -> PolicyResult {
        events.push(.tick, at: policy.controlPeriod)
        var next = 0
        while completed < requests.count {
            let arrival = next < requests.count ? requests[next].arrival : Double.infinity
            if let time = events.nextTime, time <= arrival, let (_, event) = events.pop() {
                advance(to: time)
                handle(event)
            } else {
                advance(to: arrival)
                arrive(next)
                next += 1
            }
        }
        return result()
    }

    mutating func advance(to time: Double) {
        defer { now = max(now, time) }
        // Nothing to integrate over (events at the same instant): skip counting.
        guard time > integrator.last else { return }
        var live = liveCounts
        liveCounts = []
        live.removeAll(keepingCapacity: true)
        defer { liveCounts = live }
        var idle = 0, busy = 0, unclaimed = 0, waiting = 0
        for pool in pools {
            live.append(pool.live)
            idle += pool.idle.count
            busy += pool.busy
            unclaimed += pool.unclaimedStarting.count
            waiting += pool.queue.count + pool.waitingForStartup
        }
        integrator.advance(
            to: time,
            .init(
                poolLive: live, idle: idle, busy: busy, unclaimedStarting: unclaimed, waiting: waiting,
                costRate: costRate))
    }

    /// The pools as the policy sees them, in a buffer reused for every arrival.
    mutating func observePools() -> [PoolObservation] {
        var list = observations
        observations = []
        list.removeAll(keepingCapacity: true)
        for index in pools.indices { list.append(observation(of: index)) }
        observations = list
        return list
    }

    /// A pool as the policy sees it, with what slower types have added so far to its runs in flight.
    func observation(of index: Int) -> PoolObservation {
        var observation = pools[index].observation(queued: pools[index].queue.count)
        for (id, started) in pools[index].slowRuns {
            observation.slowdownsInFlight.append((now - started) * (1 - instances[id].type.relativeSpeed))
        }
        return observation
    }

    mutating func handle(_ event: Event) {
        switch event {
        case .ready(let id): ready(id)
        case .finished(let id): finished(id)
        case .keepAliveExpired(let id, let epoch):
            guard instances[id].idleEpoch == epoch else { return }
            instances[id].expiryScheduled = false
            guard instances[id].state == .idle else { return }
            considerRemoval(id)
            reconcile(instances[id].pool)
        case .tick: tick()
        }
    }

    // MARK: - Requests

    mutating func arrive(_ request: Int) {
        let demand = requests[request].demand
        let name = policy.route(demand, pools: observePools())
        let pool: Int
        if let index = poolIndex[name] {
            pool = index
        } else {
            invalidRoutes += 1
            pool = 0
        }
        countMisroute(request, routedTo: pool)
        let bucket = self.bucket(now)
        arrivalSeries[bucket] += 1
        cpuSeries[bucket] += requests[request].cpuSeconds / configuration.seriesBucketSeconds
        let warm = !pools[pool].idle.isEmpty
        arrivalsSinceTick.append(
            ArrivalObservation(time: now, pool: pools[pool].plan.name, demand: demand, coldStart: !warm))
        dispatch(request, to: pool)
    }

    /// Warm instance → run; else claim a starting one, or start one below the pool's max (a cold start); else queue.
    mutating func dispatch(_ request: Int, to pool: Int) {
        attemptStart[request] = now
        attempts[request] += 1
        if let id = pools[pool].idle.popLast() {
            startRun(request, on: id)
        } else if !pools[pool].unclaimedStarting.isEmpty {
            let id = pools[pool].unclaimedStarting.removeFirst()
            waitForStartup(request, on: id)
        } else if pools[pool].live < pools[pool].plan.maxInstances {
            let id = provision(pool: pool, warm: false)
            pools[pool].unclaimedStarting.removeLast()
            waitForStartup(request, on: id)
        } else {
            pools[pool].queue.append(request)
        }
    }

    mutating func waitForStartup(_ request: Int, on id: Int) {
        instances[id].request = request
        pools[instances[id].pool].waitingForStartup += 1
        if !coldStart[request] {
            coldStart[request] = true
            let bucket = self.bucket(now)
            coldStartSeries[bucket] += 1
        }
    }

    mutating func startRun(_ request: Int, on id: Int) {
        let pool = instances[id].pool
        if instances[id].state == .idle { pools[pool].idle.removeAll { $0 == id } }
        if instances[id].state == .starting { pools[pool].starting -= 1 }
        instances[id].state = .busy
        instances[id].request = request
        instances[id].runStartedAt = now
        pools[pool].busy += 1
        if instances[id].type.relativeSpeed < 1 { pools[pool].slowRuns[id] = now }
        waited[request] += now - attemptStart[request]
        let runSeconds = requests[request].cpuSeconds / instances[id].type.relativeSpeed
        events.push(.finished(instance: id), at: now + runSeconds)
    }

    mutating func finished(_ id: Int) {
        guard let request = instances[id].request else { return }
        let pool = instances[id].pool
        let type = instances[id].type
        pools[pool].busy -= 1
        pools[pool].slowRuns[id] = nil
        instances[id].request = nil
        let wall = now - instances[id].runStartedAt
        if requests[request].memoryMB > Double(type.memoryMiB) {
            memoryMisroutes += 1
            // Re-run on the smallest pool whose instances have the memory; give up after one try per pool (an
            // instance of an older, smaller type may take the retry).
            if attempts[request] <= pools.count,
                let larger = byMemory.first(where: { Double(pools[$0].type.memoryMiB) >= requests[request].memoryMB })
            {
                dispatch(request, to: larger)
            } else {
                failed += 1
                complete(request, pool: pool, type: type, wall: wall)
            }
        } else {
            complete(request, pool: pool, type: type, wall: wall)
        }
        if let waiting = pools[pool].queue.popFirst() {
            startRun(waiting, on: id)
        } else {
            makeIdle(id)
        }
        reconcile(pool)
    }

    mutating func complete(_ request: Int, pool: Int, type: InstanceType, wall: Double) {
        completed += 1
        latencies.append(now - requests[request].arrival)
        completionsSinceTick.append(
            CompletionObservation(
                time: now, pool: pools[pool].plan.name, score: requests[request].demand.score,
                cpuSeconds: requests[request].cpuSeconds, wallSeconds: wall, memoryMB: requests[request].memoryMB,
                relativeSpeed: type.relativeSpeed))
    }

    /// Heavy work (by its measured cost) sent to a pool whose instances are slower than the fastest pool's, and
    /// light work sent to a pool whose instances cost more than the cheapest pool's. Judged by the pools' current
    /// types, so it holds whatever score ranges a policy routes by; a policy with one type has none.
    mutating func countMisroute(_ request: Int, routedTo pool: Int) {
        guard pools.count > 1 else { return }
        let cpu = requests[request].cpuSeconds, memory = requests[request].memoryMB
        let type = pools[pool].type
        if cpu >= configuration.heavyCPUSeconds || memory >= configuration.heavyMemoryMB {
            if pools.contains(where: { $0.type.relativeSpeed > type.relativeSpeed }) { heavyOnLight += 1 }
        } else if cpu < configuration.lightCPUSeconds {
            if pools.contains(where: { $0.type.pricePerHour < type.pricePerHour }) { lightOnHeavy += 1 }
        }
    }

    // MARK: - Instances

    /// Starts an instance of the pool's current type (unclaimed until a request claims it); `warm` skips start-up.
    mutating func provision(pool: Int, warm: Bool) -> Int {
        let type = pools[pool].type
        let id = instances.count
        instances.append(SimulatedInstance(pool: pool, type: type, provisionedAt: now))
        instancesStarted += 1
        pools[pool].live += 1
        pools[pool].liveByType[type.name, default: 0] += 1
        costRate += type.pricePerHour / 3600
        if warm {
            return id
        }
        pools[pool].starting += 1
        pools[pool].unclaimedStarting.append(id)
        let jitter = configuration.startupJitter * (2 * generator.unit() - 1)
        events.push(.ready(instance: id), at: now + type.startupMs / 1000 * max(0, 1 + jitter))
        return id
    }

    mutating func ready(_ id: Int) {
        let pool = instances[id].pool
        if let request = instances[id].request {
            pools[pool].waitingForStartup -= 1
            startRun(request, on: id)
            return
        }
        pools[pool].unclaimedStarting.removeAll { $0 == id }
        if let waiting = pools[pool].queue.popFirst() {
            startRun(waiting, on: id)
        } else {
            pools[pool].starting -= 1
            makeIdle(id)
            reconcile(pool)
        }
    }

    mutating func makeIdle(_ id: Int) {
        let pool = instances[id].pool
        instances[id].state = .idle
        instances[id].idleSince = now
        instances[id].idleEpoch += 1
        instances[id].expiryScheduled = false
        pools[pool].idle.append(id)
        considerRemoval(id)
    }

    /// An idle instance of an older type, or beyond the pool's target, is removed once idle for the keep-alive.
    mutating func considerRemoval(_ id: Int) {
        let pool = instances[id].pool
        guard instances[id].state == .idle else { return }
        let outdated = instances[id].type.name != pools[pool].type.name
        guard outdated || pools[pool].liveCurrent > pools[pool].target else { return }
        let expiry = instances[id].idleSince + (policy.keepAlive ?? 0)
        if expiry <= now {
            retire(id)
        } else if !instances[id].expiryScheduled {
            instances[id].expiryScheduled = true
            events.push(.keepAliveExpired(instance: id, epoch: instances[id].idleEpoch), at: expiry)
        }
    }

    mutating func retire(_ id: Int) {
        let pool = instances[id].pool
        let type = instances[id].type
        pools[pool].idle.removeAll { $0 == id }
        instances[id].state = .retired
        pools[pool].live -= 1
        pools[pool].liveByType[type.name, default: 0] -= 1
        costRate -= type.pricePerHour / 3600
        lifetimeCost += type.pricePerHour * (now - instances[id].provisionedAt) / 3600
    }

    /// Removes surplus idle instances (oldest idle first, older types first), then starts instances up to the target
    /// and for queued requests, within the pool's max.
    mutating func reconcile(_ pool: Int) {
        let surplus = pools[pool].liveCurrent > pools[pool].target || pools[pool].live > pools[pool].liveCurrent
        if surplus && !pools[pool].idle.isEmpty {
            // Those already waiting out their keep-alive need nothing more.
            let candidates = pools[pool].idle.filter { !instances[$0].expiryScheduled }.sorted { a, b in
                let aOld = instances[a].type.name != pools[pool].type.name
                let bOld = instances[b].type.name != pools[pool].type.name
                return (aOld ? 0 : 1, instances[a].idleSince, a) < (bOld ? 0 : 1, instances[b].idleSince, b)
            }
            for id in candidates { considerRemoval(id) }
        }
        while !pools[pool].queue.isEmpty && pools[pool].live < pools[pool].plan.maxInstances {
            let request = pools[pool].queue.popFirst()!
            let id = provision(pool: pool, warm: false)
            pools[pool].unclaimedStarting.removeLast()
            waitForStartup(request, on: id)
        }
        while pools[pool].liveCurrent < pools[pool].target && pools[pool].live < pools[pool].plan.maxInstances {
            _ = provision(pool: pool, warm: false)
        }
    }

    // MARK: - Control

    mutating func tick() {
        let observations = pools.indices.map { observation(of: $0) }
        let tick = ControlTick(
            now: now, period: now - lastTick, pools: observations, arrivals: arrivalsSinceTick,
            completions: completionsSinceTick)
        arrivalsSinceTick.removeAll(keepingCapacity: true)
        completionsSinceTick.removeAll(keepingCapacity: true)
        lastTick = now
        for directive in policy.decide(tick) { apply(directive) }
        if let forecast = policy.demandForecast() { forecasts.record(forecast, at: now) }
        for pool in pools.indices { reconcile(pool) }
        events.push(.tick, at: now + policy.controlPeriod)
    }

    /// `maintain n` sets the target, `add`/`remove` move it (clamped to the pool's bounds); an instance type switches
    /// the type of new instances.
    mutating func apply(_ directive: ScalingDirective) {
        directives += 1
        guard let pool = poolIndex[directive.pool], directive.instances >= 0 else {
            rejectedDirectives += 1
            return
        }
        if let name = directive.instanceType {
            guard
                let type = configuration.catalog[name]
                    ?? (name == pools[pool].plan.instanceType.name
                        ? pools[pool].plan.instanceType : nil)
            else {
                rejectedDirectives += 1
                return
            }
            pools[pool].type = type
        }
        let current = pools[pool].target
        switch directive.action {
        case .maintain: pools[pool].target = pools[pool].clamp(directive.instances)
        case .add: pools[pool].target = pools[pool].clamp(current + directive.instances)
        case .remove: pools[pool].target = pools[pool].clamp(current - directive.instances)
        }
        if directiveLog.count < configuration.directiveLogLimit {
            directiveLog.append(
                DirectiveRecord(
                    time: now, pool: directive.pool, action: directive.action.rawValue,
                    instances: directive.instances, instanceType: directive.instanceType, reason: directive.reason,
                    target: pools[pool].target))
        }
    }

    // MARK: - Series

    mutating func bucket(_ time: Double) -> Int {
        let bucket = Int(time / configuration.seriesBucketSeconds)
        if bucket >= arrivalSeries.count {
            let grow = bucket + 1 - arrivalSeries.count
            arrivalSeries.append(contentsOf: repeatElement(0, count: grow))
            coldStartSeries.append(contentsOf: repeatElement(0, count: grow))
            cpuSeries.append(contentsOf: repeatElement(0, count: grow))
        }
        return bucket
    }
}
