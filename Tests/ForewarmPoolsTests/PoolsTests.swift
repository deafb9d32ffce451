import ForewarmPools
import Testing

struct InstanceLifecycleTests {
    @Test func happyPath() {
        var instance = InstanceLifecycle()
        #expect(instance.state == .provisioning)
        #expect(instance.provisioned() == .startWorker)
        #expect(instance.state == .warming)
        #expect(instance.acquire() == .none)  // not warm yet
        #expect(instance.warmed() == .none)
        #expect(instance.state == .idle)
        #expect(instance.acquire() == .serve)
        #expect(instance.state == .busy)
        #expect(instance.acquire() == .none)  // one request at a time
        #expect(instance.released(reusable: true) == .none)
        #expect(instance.state == .idle)
        #expect(instance.runs == 1)
    }

    @Test func spentWorkersStop() {
        var instance = InstanceLifecycle()
        _ = instance.provisioned()
        _ = instance.warmed()
        _ = instance.acquire()
        #expect(instance.released(reusable: false) == .stopWorker)
        #expect(instance.state == .terminated)
    }

    @Test func drainingWaitsForTheRun() {
        var instance = InstanceLifecycle()
        _ = instance.provisioned()
        _ = instance.warmed()
        _ = instance.acquire()
        #expect(instance.drain() == .none)
        #expect(instance.state == .draining)
        #expect(instance.released(reusable: true) == .stopWorker)
        #expect(instance.state == .terminated)
    }

    @Test func drainingWhileWarmingStopsWhenWarm() {
        var instance = InstanceLifecycle()
        _ = instance.provisioned()
        #expect(instance.drain() == .none)
        #expect(instance.warmed() == .stopWorker)
        #expect(instance.state == .terminated)
    }

    @Test func eventsThatDoNotApplyChangeNothing() {
        var instance = InstanceLifecycle()
        #expect(instance.warmed() == .none)
        #expect(instance.released(reusable: true) == .none)
        #expect(instance.state == .provisioning)
        #expect(instance.failed() == .stopWorker)
        #expect(instance.failed() == .none)
        #expect(instance.provisioned() == .none)
    }
}

struct PoolStateTests {
    static var light: PoolConfiguration { PoolConfiguration.defaults[0] }

    @Test func reconcileProvisionsTheWarmFloor() {
        var pool = PoolState(configuration: Self.light)
        let commands = pool.reconcile()
        #expect(commands.count == 5)  // python 4, javascript 1
        #expect(pool.counts(language: "python").warming == 4)  // provisioned at once: the worker is starting
        #expect(pool.reconcile().isEmpty)
    }

    @Test func usedInstancesAreReplacedWhenSpent() {
        var pool = PoolState(configuration: Self.light)
        for case .startWorker(let id) in pool.reconcile() { _ = pool.warmed(id) }
        let id = pool.acquire(language: "python")!
        #expect(pool.counts(language: "python").busy == 1)
        #expect(pool.released(id, reusable: true).isEmpty)
        let again = pool.acquire(language: "python")!
        let commands = pool.released(again, reusable: false)
        #expect(commands.contains(.stopWorker(again)))
        #expect(
            commands.contains {
                if case .startWorker(let new) = $0 { return new.language == "python" } else { return false }
            })
        #expect(pool.acquire(language: "ruby") == nil)
    }

    @Test func leastRecentlyUsedIdleInstanceGoesNext() {
        var pool = PoolState(configuration: Self.light)
        for case .startWorker(let id) in pool.reconcile() { _ = pool.warmed(id) }
        var seen: [InstanceID] = []
        for _ in 0..<4 {
            let id = pool.acquire(language: "python")!
            seen.append(id)
            _ = pool.released(id, reusable: true)
        }
        #expect(Set(seen).count == 4)
    }

    @Test func directivesAddRemoveMaintain() {
        var pool = PoolState(configuration: Self.light)
        for case .startWorker(let id) in pool.reconcile() { _ = pool.warmed(id) }
        var commands = pool.apply(ScalingDirective(pool: "lightweight", action: .add, instances: 2, language: "ruby"))
        #expect(commands.count == 2)
        #expect(pool.targets["ruby"] == 2)
        commands = pool.apply(
            ScalingDirective(pool: "lightweight", action: .maintain, instances: 1, language: "python"))
        #expect(commands.filter { if case .stopWorker = $0 { return true } else { return false } }.count == 3)
        #expect(pool.counts(language: "python").idle == 1)
        commands = pool.apply(ScalingDirective(pool: "lightweight", action: .remove, instances: 5))
        #expect(pool.targets.values.allSatisfy { $0 == 0 })
        #expect(pool.apply(ScalingDirective(pool: "other", action: .add, instances: 1)).isEmpty)
        #expect(
            pool.apply(ScalingDirective(pool: "lightweight", action: .add, instances: 1, instanceType: "nope")).isEmpty)
    }

    @Test func coldInstancesOfUnlistedLanguagesStopAfterTheirRun() {
        var pool = PoolState(configuration: Self.light)
        guard case .startWorker(let id)? = pool.provision(language: "ruby").first else {
            Issue.record("no start"); return
        }
        _ = pool.warmed(id)
        let acquired = pool.acquire(id)
        #expect(acquired)
        let commands = pool.released(id, reusable: true)
        #expect(commands.contains(.stopWorker(id)))
        #expect(pool.counts(language: "ruby").live == 0)
    }

    @Test func maxInstancesCapsScaleOut() {
        var pool = PoolState(configuration: Self.light)
        let commands = pool.apply(
            ScalingDirective(pool: "lightweight", action: .maintain, instances: 100, language: "python"))
        #expect(commands.count == Self.light.maxInstances)
    }

    @Test func drainAllStopsIdleNowAndBusyLater() {
        var pool = PoolState(configuration: Self.light)
        for case .startWorker(let id) in pool.reconcile() { _ = pool.warmed(id) }
        let busy = pool.acquire(language: "python")!
        let commands = pool.drainAll()
        #expect(commands.count == 4)
        #expect(pool.counts().draining == 1)
        #expect(pool.released(busy, reusable: true) == [.stopWorker(busy)])
        #expect(pool.counts().live == 0)
    }
}

struct PoolRouterTests {
    static func snapshots(idle: [Int], live: [Int] = [0, 0, 0], queued: [Int] = [0, 0, 0]) -> [PoolSnapshot] {
        PoolConfiguration.defaults.enumerated().map {
            PoolSnapshot(
                configuration: $0.element, idle: idle[$0.offset], live: live[$0.offset], queued: queued[$0.offset])
        }
    }

    @Test(arguments: [
        (0.0, "lightweight"), (29.9, "lightweight"), (30.0, "standard"), (69.0, "standard"), (70.0, "heavyweight"),
        (100.0, "heavyweight"),
    ])
    func scoreRangesPickTheHomePool(score: Double, pool: String) {
        #expect(
            PoolRouter().route(score: score, pools: Self.snapshots(idle: [1, 1, 1]), coldStartMs: 40)
                == .warm(pool: pool))
    }

    @Test func borrowsALargerWarmPoolBeforeAColdStart() {
        let decision = PoolRouter().route(score: 10, pools: Self.snapshots(idle: [0, 0, 1]), coldStartMs: 40)
        #expect(decision == .borrowed(pool: "heavyweight", home: "lightweight"))
        // Never a smaller one.
        #expect(
            PoolRouter().route(score: 80, pools: Self.snapshots(idle: [1, 1, 0]), coldStartMs: 40)
                == .cold(pool: "heavyweight"))
        // Not when a cold start is cheaper.
        #expect(
            PoolRouter().route(score: 10, pools: Self.snapshots(idle: [0, 0, 1]), coldStartMs: 3, warmRunMs: 5)
                == .cold(pool: "lightweight"))
    }

    @Test func queuesThenRejectsWhenFull() {
        let full = PoolConfiguration.defaults[0].maxInstances
        let capacity = PoolConfiguration.defaults[0].queueCapacity
        #expect(
            PoolRouter().route(score: 1, pools: Self.snapshots(idle: [0, 0, 0], live: [full, 0, 0]), coldStartMs: 40)
                == .queued(pool: "lightweight"))
        let decision = PoolRouter().route(
            score: 1, pools: Self.snapshots(idle: [0, 0, 0], live: [full, 0, 0], queued: [capacity, 0, 0]),
            coldStartMs: 40)
        #expect(decision == .rejected(retryAfterSeconds: 3))
    }
}
