import ForewarmController
import ForewarmPools
import ForewarmStore
import Foundation
import Logging
import ServiceLifecycle

/// Runs a scaling policy live: every control period it hands the policy what happened (arrivals, completions) and
/// the pools' state, applies the directives to the pools, and records each, with its reason, in the history store.
///
/// The same policy code runs in `forewarm simulate`. The policy names its own pools; they are paired with the
/// gateway's by score order (`PoolNameMap`). The local pools keep warm workers per language, so a pool's target is
/// split among languages by their recent share of its arrivals, never below the configured floors
/// (`LanguageTargetSplit`).
public struct ControlLoop: Service {
    let policy: any ScalingPolicy
    let period: Double
    let names: PoolNameMap
    let pools: PoolManager
    let events: ControlEvents
    let store: HistoryStore
    let logger: Logger
    /// How much of the previous language shares each tick keeps (exponential forgetting).
    let shareMemory = 0.8

    /// Builds the policy for the gateway's pools; the catalog is the pools' own instance types. Nil (with a
    /// warning in the log) when the policy runs another number of pools than the gateway has: the gateway then
    /// keeps only its pools' own replenish-to-floor rule.
    public init?(
        configuration: ControllerConfiguration, gatewayPools: [PoolConfiguration], pools: PoolManager,
        events: ControlEvents, store: HistoryStore, logger: Logger
    ) throws {
        var types: [InstanceType] = []
        for type in gatewayPools.map(\.instanceType) where !types.contains(where: { $0.name == type.name }) {
            types.append(type)
        }
        let catalog = InstanceCatalog(types: types)
        do {
            policy = try PolicyCatalog.make(
                name: configuration.policy, catalog: catalog, forewarm: configuration.forewarmOptions)
        } catch {
            throw ConfigurationError("controller: \(error)")
        }
        let plans = policy.initialPools(catalog: catalog)
        guard let names = PoolNameMap(plans: plans, backendPools: gatewayPools.map { ($0.name, $0.minScore) }) else {
            logger.warning(
                "controller: policy '\(policy.name)' runs \(plans.count) pool(s) but the gateway has \(gatewayPools.count); running without a controller (configure matching pools or another policy)"
            )
            return nil
        }
        self.names = names
        period = configuration.controlPeriodSeconds ?? policy.controlPeriod
        self.pools = pools
        self.events = events
        self.store = store
        self.logger = logger
    }

    /// What the loop carries from one tick to the next.
    struct State {
        var policy: any ScalingPolicy
        /// Per backend pool, each language's recent share of arrivals.
        var shares: [String: [String: Double]] = [:]
        /// Per backend pool, the target the policy last asked for (the backend may hold more: the floors).
        var requested: [String: Int] = [:]
        /// Per backend pool, the instance type the policy last recommended (recorded, not applied locally).
        var recommended: [String: String] = [:]
    }

    public func run() async throws {
        let start = policy
        await cancelWhenGracefulShutdown {
            var state = State(policy: start)
            var last = events.now
            while true {
                do { try await Task.sleep(for: .milliseconds(Int64(period * 1000))) } catch { return }
                let now = events.now
                await tick(&state, now: now, period: now - last)
                last = now
            }
        }
    }

    /// One decision: observe, decide, apply, and record what changed.
    func tick(_ state: inout State, now: Double, period: Double) async {
        let (arrivals, completions) = events.drain()
        var observed = await pools.observations()
        let floors = await pools.configuredFloors()
        let current = await pools.languageTargets()
        for index in observed.indices {
            let pool = observed[index].pool
            // The policy sees its own last target, not the floors the backend adds to it.
            if let requested = state.requested[pool] { observed[index].target = requested }
            var counts: [String: Double] = [:]
            for arrival in arrivals where arrival.pool == pool { counts[arrival.demand.language, default: 0] += 1 }
            var updated = (state.shares[pool] ?? [:]).mapValues { $0 * shareMemory }
            for (language, count) in counts { updated[language, default: 0] += (1 - shareMemory) * count }
            state.shares[pool] = updated.filter { $0.value > 1e-3 }
        }
        let tick = ControlTick(
            now: now, period: period, pools: toPolicyNames(observed, \.pool),
            arrivals: toPolicyNames(arrivals, \.pool), completions: toPolicyNames(completions, \.pool))
        for directive in state.policy.decide(tick) {
            guard let backend = names.toBackend[directive.pool],
                let before = observed.first(where: { $0.pool == backend })
            else { continue }
            let total: Int
            switch directive.action {
            case .maintain: total = directive.instances
            case .add: total = before.target + directive.instances
            case .remove: total = max(0, before.target - directive.instances)
            }
            state.requested[backend] = total
            // With no recent arrivals, keep the languages' current proportions.
            let shares = state.shares[backend] ?? [:]
            let weights = shares.isEmpty ? (current[backend] ?? [:]).mapValues(Double.init) : shares
            let split = LanguageTargetSplit.split(total: total, shares: weights, floors: floors[backend] ?? [:])
            // A local pool's instance type is what its configured limits make it, so a recommended type switch is
            // recorded with the directive but not applied here (a Kubernetes backend would apply it).
            let recommended = directive.instanceType.flatMap { $0 == before.instanceType.name ? nil : $0 }
            let previous = (current[backend] ?? [:]).filter { $0.value > 0 }
            let changed = split.filter { $0.value > 0 } != previous
            guard changed || (recommended != nil && state.recommended[backend] != recommended) else { continue }
            state.recommended[backend] = recommended
            let applied = await pools.setTargets(pool: backend, targets: split, instanceType: nil)
            record(directive, pool: backend, applied: applied)
        }
    }

    /// The items with their backend pool names replaced by the policy's (items of unmapped pools dropped).
    private func toPolicyNames<Item>(_ items: [Item], _ pool: WritableKeyPath<Item, String>) -> [Item] {
        items.compactMap { item in
            names.toPolicy[item[keyPath: pool]].map { name in
                var renamed = item
                renamed[keyPath: pool] = name
                return renamed
            }
        }
    }

    private func record(_ directive: ScalingDirective, pool: String, applied: [String: Int]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let languages = (try? encoder.encode(applied)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let reason = directive.reason ?? ""
        logger.info(
            "controller: \(pool) \(directive.action.rawValue) \(directive.instances) — \(reason)",
            metadata: ["policy": "\(policy.name)"])
        do {
            try store.record(
                DirectiveRecord(
                    policy: policy.name, pool: pool, action: directive.action.rawValue, instances: directive.instances,
                    instanceType: directive.instanceType, languages: languages, reason: reason,
                    createdAt: Date()))
        } catch {
            logger.error("history: cannot record a directive: \(error)")
        }
    }
}
