/// What one policy did with a trace: the comparison metrics, then the time series for the report.
///
/// Latencies run from arrival to the end of the successful run (queue + start-up + run, and any failed attempt);
/// *wait* is the part before a run starts (queue + start-up).
public struct PolicyResult: Sendable, Codable, Equatable {
    public var name: String
    public var requests: Int
    /// Requests that waited for an instance to start (a new one, or one already starting).
    public var coldStarts: Int
    public var coldStartRate: Double
    public var p50LatencyMs: Double
    public var p95LatencyMs: Double
    public var p99LatencyMs: Double
    public var meanLatencyMs: Double
    public var p99WaitMs: Double
    /// Share of requests whose wait exceeded the SLO.
    public var sloViolationRate: Double
    /// Dollars: each instance's price × its lifetime (start-up + idle + busy).
    public var cost: Double
    /// Warm instances with nothing to do (waste).
    public var idleInstanceSeconds: Double
    public var busyInstanceSeconds: Double
    /// Instance-seconds of capacity nobody waited for: idle instances plus starting ones no request claimed.
    public var overProvisionedInstanceSeconds: Double
    /// Request-seconds spent waiting for capacity (queued or waiting for a start-up).
    public var underProvisionedRequestSeconds: Double
    /// All misroutes: out-of-memory + heavy on light + light on heavy.
    public var misroutes: Int
    /// Runs that needed more memory than their instance has; each is re-run on the next pool with enough memory.
    public var memoryMisroutes: Int
    /// Heavy runs (measured ≥ 1 s CPU or ≥ 512 MB) routed to a pool with slower instances than another pool's.
    public var heavyOnLight: Int
    /// Light runs (measured < 0.1 s CPU) routed to a pool with pricier instances than another pool's.
    public var lightOnHeavy: Int
    /// Requests no pool had the memory for (their last attempt failed).
    public var failedRequests: Int
    /// Directives the policy issued, and those the simulator could not apply (unknown pool or instance type).
    public var directives: Int
    public var rejectedDirectives: Int
    /// Routes to a pool the policy does not have (served by its first pool instead).
    public var invalidRoutes: Int
    public var instancesStarted: Int
    /// Seconds from the start of the trace to the last completion.
    public var simulatedSeconds: Double
    public var series: SimulationSeries
    /// The first directives issued, with their reasons.
    public var directiveLog: [DirectiveRecord]
}

/// A directive as the simulator applied it.
public struct DirectiveRecord: Sendable, Codable, Equatable {
    public var time: Double
    public var pool: String
    public var action: String
    public var instances: Int
    public var instanceType: String?
    public var reason: String?
    /// The pool's target after it.
    public var target: Int
}

/// Bucketed time series: bucket `i` covers `[i·bucketSeconds, (i+1)·bucketSeconds)`.
public struct SimulationSeries: Sendable, Codable, Equatable {
    public var bucketSeconds: Double
    /// Requests arriving per bucket.
    public var arrivals: [Double]
    /// Cold starts per bucket (counted at arrival).
    public var coldStarts: [Double]
    /// Mean CPU demand per bucket: the measured CPU seconds arriving in the bucket divided by its width.
    public var cpuDemand: [Double]
    /// Dollars spent up to the end of each bucket.
    public var cumulativeCost: [Double]
    /// Mean live (starting + idle + busy) instances per pool.
    public var poolSizes: [PoolSeries]
    /// Mean busy instances, all pools.
    public var busy: [Double]
    /// The policy's one-period-ahead demand forecasts (absent for a policy that does not forecast).
    public var forecast: ForecastSeries?
}

/// A forecasting policy's forecasts per bucket: the mean of the forecasts made for periods starting in the bucket.
public struct ForecastSeries: Sendable, Codable, Equatable {
    /// Expected requests per second.
    public var arrivalsPerSecond: [Double]
    /// The forecast's 90th percentile of requests per second.
    public var upperArrivalsPerSecond: [Double]
    /// Expected CPU-seconds arriving per second.
    public var cpuSecondsPerSecond: [Double]
}

/// One pool's mean size per bucket.
public struct PoolSeries: Sendable, Codable, Equatable {
    public var pool: String
    public var live: [Double]
}
