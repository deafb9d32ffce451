import ForewarmPools

/// Picks a pool's instance type: the one whose warm pool, sized for the forecast, costs least per hour, among the
/// types with the memory the pool's requests need and fast enough that the SLO's slowdown holds at its percentile.
///
/// Busy time costs about the same per CPU-second on every type of a linear price list (a quarter-core runs four
/// times longer at a quarter of the price); what differs is the idle, warm capacity — so light, short requests go to
/// small cheap types, and pools whose requests run long or need memory to fast or big ones.
public struct InstanceTypeChooser: Sendable, Hashable {
    public var sizer: PoolSizer
    public var slo: ServiceLevelObjective { sizer.slo }

    public init(sizer: PoolSizer = PoolSizer()) { self.sizer = sizer }

    public struct Choice: Sendable, Hashable {
        public var type: InstanceType
        public var sizing: PoolSizer.Sizing
        /// Price of the sized pool, per hour.
        public var costPerHour: Double
        /// Why this type, in words.
        public var reason: String
    }

    /// Whether `type` can serve requests with this profile within the SLO.
    public func admits(_ type: InstanceType, profile: DemandProfile) -> Bool {
        Double(type.memoryMiB) >= profile.memoryMBAtPercentile
            && profile.cpuSecondsAtPercentile * (1 / type.relativeSpeed - 1) <= slo.maxSlowdownSeconds + 1e-12
    }

    /// The cheapest admissible sized pool; when no type is admissible, the fastest type with the most memory.
    public func choose(
        catalog: InstanceCatalog, profile: DemandProfile, arrivalRate: Double, workRate: Double,
        noWarmProbability: Double? = nil
    ) -> Choice {
        var best: Choice?
        for type in catalog.byPrice where admits(type, profile: profile) {
            let sizing = sizer.size(
                arrivalRate: arrivalRate, workRate: workRate, meanCPUSeconds: profile.meanCPUSeconds, type: type,
                noWarmProbability: noWarmProbability)
            let cost = Double(sizing.instances) * type.pricePerHour
            // Ties (e.g. an empty pool) go to the faster type: same price, shorter runs.
            if let b = best,
                cost > b.costPerHour || (cost == b.costPerHour && type.relativeSpeed <= b.type.relativeSpeed)
            {
                continue
            }
            best = Choice(type: type, sizing: sizing, costPerHour: cost, reason: "cheapest within the SLO")
        }
        if let best { return best }
        let fallback =
            catalog.types.max {
                ($0.relativeSpeed, $0.memoryMiB, -$0.pricePerHour) < ($1.relativeSpeed, $1.memoryMiB, -$1.pricePerHour)
            } ?? catalog.byPrice[0]
        let sizing = sizer.size(
            arrivalRate: arrivalRate, workRate: workRate, meanCPUSeconds: profile.meanCPUSeconds, type: fallback,
            noWarmProbability: noWarmProbability)
        return Choice(
            type: fallback, sizing: sizing, costPerHour: Double(sizing.instances) * fallback.pricePerHour,
            reason: "no type meets the SLO; fastest with the most memory")
    }
}
