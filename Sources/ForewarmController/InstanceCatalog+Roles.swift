import ForewarmPools

/// The roles baselines give catalog types: the cheapest, the standard (cheapest at full speed) and the heaviest.
extension InstanceCatalog {
    /// The cheapest type.
    public var cheapest: InstanceType { byPrice[0] }

    /// The cheapest type that runs at the catalog's top relative speed: what a single-pool autoscaler would deploy.
    public var standard: InstanceType {
        let fastest = types.map(\.relativeSpeed).max() ?? 1
        return byPrice.first { $0.relativeSpeed >= fastest } ?? byPrice[byPrice.count - 1]
    }

    /// The catalog without the types slower than the reference core (relative speed below 1), the ones the SLO's
    /// slowdown bound is about; when every type is slower, the fastest.
    public var atFullSpeed: InstanceCatalog {
        let fastest = types.map(\.relativeSpeed).max() ?? 1
        return InstanceCatalog(types: types.filter { $0.relativeSpeed >= min(1, fastest) })
    }

    /// The most powerful type: most vCPU, then most memory, then the most expensive.
    public var heaviest: InstanceType {
        types.max {
            ($0.vCPU, Double($0.memoryMiB), $0.pricePerHour) < ($1.vCPU, Double($1.memoryMiB), $1.pricePerHour)
        }
            ?? byPrice[byPrice.count - 1]
    }

    /// The cheapest type with at least `memoryMB` of memory (the largest-memory type when none has enough).
    public func cheapest(fitting memoryMB: Double) -> InstanceType {
        byPrice.first { Double($0.memoryMiB) >= memoryMB }
            ?? types.max { ($0.memoryMiB, -$0.pricePerHour) < ($1.memoryMiB, -$1.pricePerHour) } ?? byPrice[0]
    }
}
