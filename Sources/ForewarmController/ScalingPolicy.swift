import ForewarmPools

/// A request's predicted demand, as the control plane sees it when the request arrives.
public struct DemandEstimate: Sendable, Hashable, Codable {
    public var language: String
    /// The model's 0–100 complexity score.
    public var score: Double
    public var cpuSecondsP50: Double
    public var cpuSecondsP90: Double
    public var memoryMB: Double

    public init(language: String, score: Double, cpuSecondsP50: Double, cpuSecondsP90: Double, memoryMB: Double) {
        self.language = language
        self.score = score
        self.cpuSecondsP50 = cpuSecondsP50
        self.cpuSecondsP90 = cpuSecondsP90
        self.memoryMB = memoryMB
    }
}

/// One pool at a control tick.
///
/// An *instance* serves one run at a time and returns to idle after it. In the simulator it is a container; on the
/// local sandbox backend it is a warm worker whose zygote forks a fresh sandboxed child per run (and which is
/// replaced after `maxRunsPerZygote` runs). In both, the pool's *target* means the same thing: how many runs it can
/// start at once without a cold start.
public struct PoolObservation: Sendable, Hashable, Codable {
    public var pool: String
    public var instanceType: InstanceType
    /// Warm and free.
    public var idle: Int
    /// Running a request.
    public var busy: Int
    /// Provisioning or warming up.
    public var starting: Int
    /// Requests waiting for an instance.
    public var queued: Int
    /// The size the pool is steering to, as last set by directives.
    public var target: Int
    /// For each run in flight on an instance slower than full speed, the run time its speed has added so far:
    /// elapsed × (1 − relative speed). A heavy run on a cheap type shows here long before it ends.
    public var slowdownsInFlight: [Double]

    public init(
        pool: String, instanceType: InstanceType, idle: Int, busy: Int, starting: Int, queued: Int, target: Int,
        slowdownsInFlight: [Double] = []
    ) {
        self.pool = pool
        self.instanceType = instanceType
        self.idle = idle
        self.busy = busy
        self.starting = starting
        self.queued = queued
        self.target = target
        self.slowdownsInFlight = slowdownsInFlight
    }

    public var live: Int { idle + busy + starting }
}

/// A request that arrived since the previous tick, where it went, and whether it found a warm instance.
public struct ArrivalObservation: Sendable, Hashable, Codable {
    /// Seconds on the controller's clock.
    public var time: Double
    public var pool: String
    public var demand: DemandEstimate
    public var coldStart: Bool

    public init(time: Double, pool: String, demand: DemandEstimate, coldStart: Bool) {
        self.time = time
        self.pool = pool
        self.demand = demand
        self.coldStart = coldStart
    }
}

/// A run that finished since the previous tick, with what it really used.
public struct CompletionObservation: Sendable, Hashable, Codable {
    public var time: Double
    public var pool: String
    /// The score predicted for it when it arrived.
    public var score: Double
    public var cpuSeconds: Double
    /// Time the instance was busy with it.
    public var wallSeconds: Double
    public var memoryMB: Double
    /// Relative speed of the instance that ran it (nil: the reference speed, 1).
    public var relativeSpeed: Double?

    public init(
        time: Double, pool: String, score: Double, cpuSeconds: Double, wallSeconds: Double, memoryMB: Double,
        relativeSpeed: Double? = nil
    ) {
        self.time = time
        self.pool = pool
        self.score = score
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
        self.memoryMB = memoryMB
        self.relativeSpeed = relativeSpeed
    }

    /// Run time the instance's speed added to the run: `cpuSeconds × (1/relativeSpeed − 1)` (0 at full speed).
    public var slowdownSeconds: Double {
        guard let speed = relativeSpeed, speed > 0, speed < 1 else { return 0 }
        return cpuSeconds * (1 / speed - 1)
    }
}

/// Everything a policy sees at a control tick.
public struct ControlTick: Sendable {
    /// Seconds on the controller's clock (simulated time, or time since `serve` started).
    public var now: Double
    /// Seconds since the previous tick.
    public var period: Double
    public var pools: [PoolObservation]
    public var arrivals: [ArrivalObservation]
    public var completions: [CompletionObservation]

    public init(
        now: Double, period: Double, pools: [PoolObservation], arrivals: [ArrivalObservation],
        completions: [CompletionObservation]
    ) {
        self.now = now
        self.period = period
        self.pools = pools
        self.arrivals = arrivals
        self.completions = completions
    }
}

/// A pool a policy starts with: its instance type, the scores it serves and its bounds.
public struct PoolPlan: Sendable, Hashable, Codable {
    public var name: String
    public var instanceType: InstanceType
    /// Scores in `minScore..<maxScore` route here by default; the last pool also takes 100.
    public var minScore: Double
    public var maxScore: Double
    /// Instances at time zero.
    public var initialInstances: Int
    public var minInstances: Int
    public var maxInstances: Int

    public init(
        name: String, instanceType: InstanceType, minScore: Double, maxScore: Double, initialInstances: Int,
        minInstances: Int, maxInstances: Int
    ) {
        self.name = name
        self.instanceType = instanceType
        self.minScore = minScore
        self.maxScore = maxScore
        self.initialInstances = initialInstances
        self.minInstances = minInstances
        self.maxInstances = maxInstances
    }
}

/// A scaling policy: where each request goes, and every control period which directives to issue.
///
/// One implementation serves both `forewarm serve` (live, through the pools' `apply(directive)`) and
/// `forewarm simulate` (replaying a trace). Directive semantics, in both backends: `maintain n` sets the pool's
/// target to `n` instances, `add k` / `remove k` move it by `k`; an `instanceType` switches the type new instances
/// get (existing ones finish their runs and are replaced as they retire).
public protocol ScalingPolicy: Sendable {
    /// The name on the command line and in reports (`forewarm`, `threshold`, `kpa`, …).
    var name: String { get }
    /// Seconds between `decide` calls.
    var controlPeriod: Double { get }
    /// Seconds an idle instance above the pool's target is kept before it is removed; nil removes it at once.
    var keepAlive: Double? { get }
    /// The pools at time zero, chosen from the catalog.
    func initialPools(catalog: InstanceCatalog) -> [PoolPlan]
    /// The pool that serves a request, given the pools' current state.
    mutating func route(_ demand: DemandEstimate, pools: [PoolObservation]) -> String
    /// The directives for this control period.
    mutating func decide(_ tick: ControlTick) -> [ScalingDirective]
    /// The scores a pool serves now, for policies whose routing thresholds move at run time (nil: the range of its
    /// `PoolPlan`). Reports use it to count misroutes against the routing in force.
    func currentScoreRange(pool: String) -> (lower: Double, upper: Double)?
    /// What the policy expects over the next control period, as of its last `decide` (nil for a policy that does
    /// not forecast). Reports draw it beside the demand that then arrived.
    func demandForecast() -> DemandForecast?
}

extension ScalingPolicy {
    public func currentScoreRange(pool: String) -> (lower: Double, upper: Double)? { nil }
    public func demandForecast() -> DemandForecast? { nil }
}

/// A policy's forecast of the whole service's demand over its next control period, in rates per second.
public struct DemandForecast: Sendable, Hashable, Codable {
    /// Expected arrivals per second.
    public var arrivalsPerSecond: Double
    /// The forecast's 90th percentile of arrivals per second (one-sided).
    public var upperArrivalsPerSecond: Double
    /// Expected CPU-seconds arriving per second.
    public var cpuSecondsPerSecond: Double

    public init(arrivalsPerSecond: Double, upperArrivalsPerSecond: Double, cpuSecondsPerSecond: Double) {
        self.arrivalsPerSecond = arrivalsPerSecond
        self.upperArrivalsPerSecond = upperArrivalsPerSecond
        self.cpuSecondsPerSecond = cpuSecondsPerSecond
    }
}
