extension Replay {
    /// The metrics, once every request has completed; instances still live are charged up to now.
    mutating func result() -> PolicyResult {
        advance(to: now)
        var cost = lifetimeCost
        for instance in instances where instance.state != .retired {
            cost += instance.type.pricePerHour * (now - instance.provisionedAt) / 3600
        }
        let sorted = latencies.sorted()
        let count = Double(max(1, requests.count))
        let colds = coldStart.filter { $0 }.count
        let slo = configuration.sloWaitSeconds
        let violations = waited.filter { $0 > slo }.count
        let buckets = max(arrivalSeries.count, integrator.busy.count)
        _ = bucket(Double(max(0, buckets - 1)) * configuration.seriesBucketSeconds)
        integrator.ensure(buckets - 1)
        let width = configuration.seriesBucketSeconds
        var spent = 0.0
        let cumulative = integrator.costPerBucket.map {
            spent += $0; return spent
        }
        let series = SimulationSeries(
            bucketSeconds: width, arrivals: arrivalSeries, coldStarts: coldStartSeries, cpuDemand: cpuSeries,
            cumulativeCost: cumulative,
            poolSizes: pools.indices.map {
                PoolSeries(pool: pools[$0].plan.name, live: integrator.poolLive[$0].map { $0 / width })
            },
            busy: integrator.busy.map { $0 / width }, forecast: forecasts.series(buckets: buckets))
        return PolicyResult(
            name: policy.name, requests: requests.count, coldStarts: colds, coldStartRate: Double(colds) / count,
            p50LatencyMs: 1000 * Percentile.nearestRank(sorted, 0.50),
            p95LatencyMs: 1000 * Percentile.nearestRank(sorted, 0.95),
            p99LatencyMs: 1000 * Percentile.nearestRank(sorted, 0.99),
            meanLatencyMs: 1000 * sorted.reduce(0, +) / count,
            p99WaitMs: 1000 * Percentile.nearestRank(waited.sorted(), 0.99),
            sloViolationRate: Double(violations) / count, cost: cost,
            idleInstanceSeconds: integrator.idleSeconds, busyInstanceSeconds: integrator.busySeconds,
            overProvisionedInstanceSeconds: integrator.overSeconds,
            underProvisionedRequestSeconds: integrator.waitingSeconds,
            misroutes: memoryMisroutes + heavyOnLight + lightOnHeavy, memoryMisroutes: memoryMisroutes,
            heavyOnLight: heavyOnLight, lightOnHeavy: lightOnHeavy, failedRequests: failed, directives: directives,
            rejectedDirectives: rejectedDirectives, invalidRoutes: invalidRoutes, instancesStarted: instancesStarted,
            simulatedSeconds: now, series: series, directiveLog: directiveLog)
    }
}

/// Percentiles of sorted samples.
public enum Percentile {
    /// The nearest-rank percentile (the smallest sample with at least `q` of the samples at or below it); 0 when
    /// there are none.
    public static func nearestRank(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}
