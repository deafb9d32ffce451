import ForewarmPools

/// Sizes one pool for a forecast: the offered load by Little's law, a = max(W, λ·E[cpu]) / speed (W: CPU-seconds
/// arriving per second, λ: arrivals per second, both at the forecast's upper quantile), then the fewest instances
/// for which Erlang C (or B) keeps the chance of finding no warm instance within the SLO.
public struct PoolSizer: Sendable, Hashable {
    public var slo: ServiceLevelObjective
    /// Size by Erlang B (overflow cold-starts, nobody waits) instead of the more conservative Erlang C.
    public var overflow: Bool

    public init(slo: ServiceLevelObjective = ServiceLevelObjective(), overflow: Bool = false) {
        self.slo = slo
        self.overflow = overflow
    }

    public struct Sizing: Sendable, Hashable {
        /// Offered load in Erlangs (mean busy instances).
        public var load: Double
        public var instances: Int
        /// The chance an arrival finds no warm instance at that size.
        public var noWarmProbability: Double
    }

    /// Sizes for the forecast. `noWarmProbability` overrides the SLO's chance of finding no warm instance (a pool
    /// given a larger share of the cold-start budget); 1 or more means no warm instances at all.
    public func size(
        arrivalRate: Double, workRate: Double, meanCPUSeconds: Double, type: InstanceType,
        noWarmProbability: Double? = nil
    ) -> Sizing {
        let lambda = arrivalRate.isFinite ? max(arrivalRate, 0) : 0
        let work = max(
            workRate.isFinite ? workRate : 0, lambda * (meanCPUSeconds.isFinite ? max(meanCPUSeconds, 0) : 0))
        let load = work / max(type.relativeSpeed, 1e-6)
        guard lambda > 0 || load > 0 else { return Sizing(load: 0, instances: 0, noWarmProbability: 0) }
        let epsilon = noWarmProbability ?? slo.noWarmProbability(startupSeconds: type.startupMs / 1000)
        guard epsilon < 1 else { return Sizing(load: load, instances: 0, noWarmProbability: 1) }
        let n = ErlangC.servers(load: max(load, 1e-9), probability: epsilon, overflow: overflow)
        let p =
            overflow
            ? ErlangC.blockingProbability(servers: n, load: load) : ErlangC.waitProbability(servers: n, load: load)
        return Sizing(load: load, instances: n, noWarmProbability: p)
    }
}
