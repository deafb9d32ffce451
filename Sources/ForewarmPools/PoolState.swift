/// An instance's identity within a pool, and the language its worker serves.
public struct InstanceID: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    public var pool: String
    public var language: String
    public var serial: Int

    public init(pool: String, language: String, serial: Int) {
        self.pool = pool
        self.language = language
        self.serial = serial
    }

    public var description: String { "\(pool)-\(language)-\(serial)" }
    public static func < (a: InstanceID, b: InstanceID) -> Bool { a.description < b.description }
}

/// What a pool's owner must do to its backend after an event.
public enum PoolCommand: Sendable, Hashable {
    case startWorker(InstanceID)
    case stopWorker(InstanceID)
}

/// Counts by lifecycle state, for one language or all.
public struct PoolCounts: Sendable, Hashable, Codable {
    public var provisioning = 0
    public var warming = 0
    public var idle = 0
    public var busy = 0
    public var draining = 0

    public init() {}
    /// Instances that are or will soon be warm.
    public var warmOrStarting: Int { provisioning + warming + idle }
    public var live: Int { provisioning + warming + idle + busy + draining }
}

/// One pool's instances, as a value: scaling directives in, backend commands out. No I/O, no clock.
public struct PoolState: Sendable {
    public private(set) var configuration: PoolConfiguration
    public private(set) var instances: [InstanceID: InstanceLifecycle] = [:]
    /// The warm floor per language, changed by `maintain` directives.
    public private(set) var targets: [String: Int]
    private var nextSerial = 1
    /// When each instance was last handed out (a counter): the least recently used idle one goes next, giving a
    /// worker time to clean up after its previous run.
    private var lastUse: [InstanceID: Int] = [:]
    private var uses = 0

    public init(configuration: PoolConfiguration) {
        self.configuration = configuration
        self.targets = configuration.minWarm
    }

    public func counts(language: String? = nil) -> PoolCounts {
        var counts = PoolCounts()
        for (id, instance) in instances where language == nil || id.language == language {
            switch instance.state {
            case .provisioning: counts.provisioning += 1
            case .warming: counts.warming += 1
            case .idle: counts.idle += 1
            case .busy: counts.busy += 1
            case .draining: counts.draining += 1
            case .terminated: break
            }
        }
        return counts
    }

    /// Applies a directive. `add`/`remove` change the instance count (and the floor) by `instances`; `maintain`
    /// sets the floor to `instances`. An `instanceType` other than the pool's is rejected with an empty result.
    public mutating func apply(_ directive: ScalingDirective, knownInstanceTypes: [InstanceType] = []) -> [PoolCommand]
    {
        guard directive.pool == configuration.name, directive.instances >= 0 else { return [] }
        if let typeName = directive.instanceType, typeName != configuration.instanceType.name {
            guard let type = knownInstanceTypes.first(where: { $0.name == typeName }) else { return [] }
            configuration.instanceType = type
        }
        let languages = directive.language.map { [$0] } ?? targets.keys.sorted()
        for language in languages {
            let current = targets[language] ?? 0
            switch directive.action {
            case .add: targets[language] = current + directive.instances
            case .remove: targets[language] = max(0, current - directive.instances)
            case .maintain: targets[language] = directive.instances
            }
        }
        return reconcile()
    }

    /// Brings each language's warm-or-starting count to its floor: provisions what is missing (within
    /// `maxInstances`), drains idle instances beyond it.
    public mutating func reconcile() -> [PoolCommand] {
        var commands: [PoolCommand] = []
        for language in Set(targets.keys).union(instances.keys.map(\.language)).sorted() {
            let target = targets[language] ?? 0
            var have = counts(language: language).warmOrStarting
            while have < target && counts().live < configuration.maxInstances {
                commands.append(contentsOf: provision(language: language))
                have += 1
            }
            if have > target {
                let idle = instances.filter { $0.key.language == language && $0.value.state == .idle }.keys.sorted()
                for id in idle.prefix(have - target) { commands.append(contentsOf: drain(id)) }
            }
        }
        return commands
    }

    /// Adds one instance (a cold start for a request, or scale-out).
    public mutating func provision(language: String) -> [PoolCommand] {
        let id = InstanceID(pool: configuration.name, language: language, serial: nextSerial)
        nextSerial += 1
        var lifecycle = InstanceLifecycle()
        let action = lifecycle.provisioned()
        instances[id] = lifecycle
        return action == .startWorker ? [.startWorker(id)] : []
    }

    public mutating func warmed(_ id: InstanceID) -> [PoolCommand] { event(id) { $0.warmed() } }

    /// Takes an idle instance of the language, if there is one.
    public mutating func acquire(language: String) -> InstanceID? {
        let idle = instances.filter { $0.key.language == language && $0.value.state == .idle }.keys
        guard let id = idle.min(by: { (lastUse[$0] ?? 0, $0) < (lastUse[$1] ?? 0, $1) }) else { return nil }
        _ = instances[id]?.acquire()
        uses += 1
        lastUse[id] = uses
        return id
    }

    /// Takes a specific instance (one started cold for a request).
    public mutating func acquire(_ id: InstanceID) -> Bool {
        uses += 1
        lastUse[id] = uses
        return instances[id]?.acquire() == .serve
    }

    /// A run ended; a worker that is spent or died is stopped and, through `reconcile`, replaced.
    public mutating func released(_ id: InstanceID, reusable: Bool) -> [PoolCommand] {
        event(id) { $0.released(reusable: reusable) } + reconcile()
    }

    public mutating func failed(_ id: InstanceID) -> [PoolCommand] { event(id) { $0.failed() } }

    public mutating func drain(_ id: InstanceID) -> [PoolCommand] { event(id) { $0.drain() } }

    /// Drains everything (shutdown): idle instances stop now, busy ones after their run.
    public mutating func drainAll() -> [PoolCommand] {
        targets = targets.mapValues { _ in 0 }
        return instances.keys.sorted().flatMap { drain($0) }
    }

    private mutating func event(_ id: InstanceID, _ body: (inout InstanceLifecycle) -> InstanceLifecycle.Action)
        -> [PoolCommand]
    {
        guard var lifecycle = instances[id] else { return [] }
        let action = body(&lifecycle)
        if lifecycle.state == .terminated {
            instances[id] = nil
            lastUse[id] = nil
        } else {
            instances[id] = lifecycle
        }
        switch action {
        case .startWorker: return [.startWorker(id)]
        case .stopWorker: return [.stopWorker(id)]
        case .none, .serve: return []
        }
    }
}
