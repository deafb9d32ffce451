import ForewarmController

/// How a replay is run; one configuration is shared by every policy of a comparison.
public struct SimulationConfiguration: Sendable {
    /// The instance types directives may switch a pool to.
    public var catalog: InstanceCatalog
    /// Seeds the start-up jitter (and nothing else): the same seed gives the same run.
    public var seed: UInt64
    /// A request violates the SLO when it waits (queue + instance start-up) longer than this. Default 0.25 s: any
    /// cold start of the standard catalog (0.5–1.5 s) breaches it.
    public var sloWaitSeconds: Double
    /// Start-up times vary uniformly by ± this fraction around the type's `startupMs`. Default 0.1.
    public var startupJitter: Double
    /// Width of the buckets of the time series in the result. Default 60 s.
    public var seriesBucketSeconds: Double
    /// How many directives (with their reasons) the result keeps, from the start. Default 200.
    public var directiveLogLimit: Int
    /// A run is *heavy* from this much measured CPU (default 1 s) or memory (default 512 MB), the model's heavy
    /// class, and *light* below `lightCPUSeconds` (default 0.1 s) and the memory bound; for counting misroutes.
    public var heavyCPUSeconds = 1.0
    public var heavyMemoryMB = 512.0
    public var lightCPUSeconds = 0.1

    public init(
        catalog: InstanceCatalog = .standard, seed: UInt64 = 1, sloWaitSeconds: Double = 0.25,
        startupJitter: Double = 0.1, seriesBucketSeconds: Double = 60, directiveLogLimit: Int = 200
    ) {
        self.catalog = catalog
        self.seed = seed
        self.sloWaitSeconds = sloWaitSeconds
        self.startupJitter = startupJitter
        self.seriesBucketSeconds = seriesBucketSeconds
        self.directiveLogLimit = directiveLogLimit
    }
}
