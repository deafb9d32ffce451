import ForewarmController
import ForewarmPools

extension PoolManager {
    /// Each pool as the controller sees it: instances by state (all languages), queued requests, and the target
    /// (the sum of its per-language warm floors).
    public func observations() -> [PoolObservation] {
        configurations.map { configuration in
            let pool = pools[configuration.name]!
            let counts = pool.counts()
            return PoolObservation(
                pool: configuration.name, instanceType: configuration.instanceType, idle: counts.idle,
                busy: counts.busy, starting: counts.provisioning + counts.warming,
                queued: waiters[configuration.name]?.count ?? 0, target: pool.targets.values.reduce(0, +))
        }
    }

    /// Sets a pool's warm floor per language (languages not listed go to zero) and, optionally, its instance type;
    /// returns the floors now in force. The pool provisions or drains to match.
    @discardableResult
    public func setTargets(pool name: String, targets: [String: Int], instanceType: String?) -> [String: Int] {
        guard let pool = pools[name] else { return [:] }
        let languages = Set(targets.keys).union(pool.targets.keys).sorted()
        if languages.isEmpty, let instanceType {
            // No language to warm yet: still switch the type new instances get.
            apply(ScalingDirective(pool: name, action: .maintain, instances: 0, instanceType: instanceType))
            return pool.targets
        }
        var typeToApply = instanceType
        for language in languages {
            apply(
                ScalingDirective(
                    pool: name, action: .maintain, instances: targets[language] ?? 0, instanceType: typeToApply,
                    language: language))
            typeToApply = nil
        }
        return pools[name]?.targets ?? [:]
    }

    /// The configured warm floor per language of each pool (the operator's minimum the controller never goes below).
    func configuredFloors() -> [String: [String: Int]] {
        pools.mapValues(\.configuration.minWarm)
    }
}

extension PoolManager {
    /// Each pool's current warm floor per language.
    func languageTargets() -> [String: [String: Int]] {
        pools.mapValues(\.targets)
    }
}
