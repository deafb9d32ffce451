import ForewarmPools
import Foundation

/// Everything `forewarm serve` can be told: defaults here, then a JSON file, then environment, then flags.
public struct GatewayConfiguration: Sendable, Codable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Where the history database lives unless `databasePath` says otherwise.
    public var dataDirectory = ".forewarm"
    public var databasePath: String?
    /// Largest accepted `code` (bytes); larger requests get 413.
    public var maxCodeBytes = 256 * 1024
    /// Largest accepted stdin plus extra files (bytes).
    public var maxInputBytes = 1 << 20
    public var pools = PoolConfiguration.defaults
    /// Prefix of this server's cgroups; stale groups with it are removed at start.
    public var cgroupPrefix = "fw"
    /// Start the warm floor before accepting requests.
    public var prewarm = true
    /// The learned model and its feedback loop (see docs/model.md).
    public var model = ModelConfiguration()
    /// The live resource-allocation controller.
    public var controller = ControllerConfiguration()
    /// Warm instances of JavaScript, Ruby, Perl, PHP and Lua keep a pre-spawned interpreter ready (false: the
    /// runtime starts per request inside the warm sandbox).
    public var prespawnInterpreters = true

    public init() {}

    public var resolvedDatabasePath: String { databasePath ?? dataDirectory + "/history.sqlite" }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = GatewayConfiguration()
        host = try c.decodeIfPresent(String.self, forKey: .host) ?? d.host
        port = try c.decodeIfPresent(Int.self, forKey: .port) ?? d.port
        dataDirectory = try c.decodeIfPresent(String.self, forKey: .dataDirectory) ?? d.dataDirectory
        databasePath = try c.decodeIfPresent(String.self, forKey: .databasePath)
        maxCodeBytes = try c.decodeIfPresent(Int.self, forKey: .maxCodeBytes) ?? d.maxCodeBytes
        maxInputBytes = try c.decodeIfPresent(Int.self, forKey: .maxInputBytes) ?? d.maxInputBytes
        pools = try c.decodeIfPresent([PoolConfiguration].self, forKey: .pools) ?? d.pools
        cgroupPrefix = try c.decodeIfPresent(String.self, forKey: .cgroupPrefix) ?? d.cgroupPrefix
        prewarm = try c.decodeIfPresent(Bool.self, forKey: .prewarm) ?? d.prewarm
        model = try c.decodeIfPresent(ModelConfiguration.self, forKey: .model) ?? d.model
        controller = try c.decodeIfPresent(ControllerConfiguration.self, forKey: .controller) ?? d.controller
        prespawnInterpreters = try c.decodeIfPresent(Bool.self, forKey: .prespawnInterpreters) ?? d.prespawnInterpreters
    }

    /// Loads the file (if any) and applies `FOREWARM_*` environment variables:
    /// `FOREWARM_HOST`, `FOREWARM_PORT`, `FOREWARM_DATA_DIR`, `FOREWARM_DATABASE`, `FOREWARM_MAX_CODE_BYTES`,
    /// `FOREWARM_MIN_WARM` (`pool.language=N,...`, e.g. `lightweight.python=8,standard.python=0`),
    /// `FOREWARM_CGROUP_PREFIX`, `FOREWARM_NETWORK` (`none|loopback` for every pool, or `pool=mode,...`),
    /// `FOREWARM_QUEUE_TIMEOUT_MS` (milliseconds for every pool, or `pool=ms,...`), `FOREWARM_PRESPAWN` (`0` or `1`),
    /// `FOREWARM_CONTROLLER_POLICY` (`forewarm`, `threshold`, …, `none`),
    /// `FOREWARM_CONTROL_PERIOD` (seconds), `FOREWARM_FORECAST_MODEL` (`ses` or `auto`).
    public static func load(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> GatewayConfiguration
    {
        var configuration = GatewayConfiguration()
        if let file {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            configuration = try JSONDecoder().decode(GatewayConfiguration.self, from: data)
        }
        if let host = environment["FOREWARM_HOST"] { configuration.host = host }
        if let port = environment["FOREWARM_PORT"].flatMap(Int.init) { configuration.port = port }
        if let dir = environment["FOREWARM_DATA_DIR"] { configuration.dataDirectory = dir }
        if let db = environment["FOREWARM_DATABASE"] { configuration.databasePath = db }
        if let max = environment["FOREWARM_MAX_CODE_BYTES"].flatMap(Int.init) { configuration.maxCodeBytes = max }
        if let warm = environment["FOREWARM_MIN_WARM"] { try configuration.applyMinWarm(warm) }
        if let prefix = environment["FOREWARM_CGROUP_PREFIX"], !prefix.isEmpty { configuration.cgroupPrefix = prefix }
        configuration.model.apply(environment: environment)
        if let prespawn = environment["FOREWARM_PRESPAWN"] {
            guard let value = ["0": false, "1": true, "false": false, "true": true][prespawn.lowercased()] else {
                throw ConfigurationError("FOREWARM_PRESPAWN: cannot read '\(prespawn)' (want 0 or 1)")
            }
            configuration.prespawnInterpreters = value
        }
        if let network = environment["FOREWARM_NETWORK"] {
            try configuration.applyPerPool(network, variable: "FOREWARM_NETWORK", want: "none|loopback") {
                pool, value in
                guard let mode = NetworkAccess(rawValue: value) else { return false }
                pool.network = mode
                return true
            }
        }
        if let timeout = environment["FOREWARM_QUEUE_TIMEOUT_MS"] {
            try configuration.applyPerPool(timeout, variable: "FOREWARM_QUEUE_TIMEOUT_MS", want: "milliseconds") {
                pool, value in
                guard let ms = Int(value) else { return false }
                pool.queueTimeoutMs = ms
                return true
            }
        }
        if let policy = environment["FOREWARM_CONTROLLER_POLICY"] { configuration.controller.policy = policy }
        if let model = environment["FOREWARM_FORECAST_MODEL"] { configuration.controller.forecastModel = model }
        if let period = environment["FOREWARM_CONTROL_PERIOD"] {
            guard let seconds = Double(period) else {
                throw ConfigurationError("FOREWARM_CONTROL_PERIOD: '\(period)' is not a number of seconds")
            }
            configuration.controller.controlPeriodSeconds = seconds
        }
        try configuration.validate()
        return configuration
    }

    mutating func applyMinWarm(_ spec: String) throws {
        for item in spec.split(separator: ",") {
            let parts = item.split(separator: "=")
            let key = parts.first?.split(separator: ".") ?? []
            guard parts.count == 2, key.count == 2, let count = Int(parts[1]), count >= 0,
                let index = pools.firstIndex(where: { $0.name == key[0] })
            else { throw ConfigurationError("FOREWARM_MIN_WARM: cannot read '\(item)' (want pool.language=N)") }
            pools[index].minWarm[String(key[1])] = count
        }
    }

    /// Applies `value` to every pool, or `pool=value,...` to the pools named.
    mutating func applyPerPool(
        _ spec: String, variable: String, want: String, _ apply: (inout PoolConfiguration, String) -> Bool
    ) throws {
        let trimmed = spec.trimmingCharacters(in: .whitespaces)
        if !trimmed.contains("=") {
            for index in pools.indices {
                guard apply(&pools[index], trimmed) else {
                    throw ConfigurationError(
                        "\(variable): cannot read '\(trimmed)' (want \(want), or pool=\(want),...)")
                }
            }
            return
        }
        for item in trimmed.split(separator: ",") {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = pools.firstIndex(where: { $0.name == parts[0] }),
                apply(&pools[index], String(parts[1]))
            else { throw ConfigurationError("\(variable): cannot read '\(item)' (want pool=\(want))") }
        }
    }

    public func validate() throws {
        guard !pools.isEmpty else { throw ConfigurationError("at least one pool is needed") }
        guard (1...65535).contains(port) || port == 0 else { throw ConfigurationError("port \(port) is out of range") }
        guard maxCodeBytes > 0 else { throw ConfigurationError("maxCodeBytes must be positive") }
        try model.validate()
        if let problem = controller.problems().first { throw ConfigurationError(problem) }
        for pool in pools {
            guard pool.minScore < pool.maxScore else {
                throw ConfigurationError("pool \(pool.name): minScore ≥ maxScore")
            }
            guard pool.queueTimeoutMs >= 1 else {
                throw ConfigurationError(
                    "pool \(pool.name): queueTimeoutMs must be at least 1 (got \(pool.queueTimeoutMs))")
            }
            let problems = pool.sandboxLimits.problems
            guard problems.isEmpty else {
                throw ConfigurationError("pool \(pool.name): " + problems.joined(separator: "; "))
            }
        }
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
