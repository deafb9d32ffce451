import Foundation
import GRDB

/// One request, as the history keeps it: what was asked, what was predicted, where it ran, what it used.
public struct ExecutionRecord: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "executions"

    public var id: String
    public var codeHash: String
    public var language: String
    public var codeBytes: Int
    /// The analyzer's metrics, as JSON.
    public var metrics: String
    public var score: Double
    public var cpuSecondsP50: Double?
    public var predictedPool: String
    public var pool: String?
    public var instance: String?
    public var instanceType: String?
    /// warm, borrowed, cold, queued or rejected.
    public var route: String
    public var coldStart: Bool
    public var queueMs: Double
    public var status: String
    public var exitCode: Int?
    public var cpuMs: Double
    public var wallMs: Double
    public var peakMemoryKB: Int
    public var compileMs: Double?
    /// End-to-end time in the gateway, including queueing and start-up.
    public var totalMs: Double
    public var stdout: String
    public var stderr: String
    public var createdAt: Date
    public var finishedAt: Date
    /// The learned model's p90 CPU, peak memory and version when it predicted this run (nil in older rows).
    public var cpuSecondsP90: Double? = nil
    public var predictedMemoryMB: Double? = nil
    public var modelVersion: String? = nil

    public init(
        id: String, codeHash: String, language: String, codeBytes: Int, metrics: String, score: Double,
        cpuSecondsP50: Double?, predictedPool: String, pool: String?, instance: String?, instanceType: String?,
        route: String, coldStart: Bool, queueMs: Double, status: String, exitCode: Int?, cpuMs: Double,
        wallMs: Double, peakMemoryKB: Int, compileMs: Double?, totalMs: Double, stdout: String, stderr: String,
        createdAt: Date, finishedAt: Date
    ) {
        self.id = id
        self.codeHash = codeHash
        self.language = language
        self.codeBytes = codeBytes
        self.metrics = metrics
        self.score = score
        self.cpuSecondsP50 = cpuSecondsP50
        self.predictedPool = predictedPool
        self.pool = pool
        self.instance = instance
        self.instanceType = instanceType
        self.route = route
        self.coldStart = coldStart
        self.queueMs = queueMs
        self.status = status
        self.exitCode = exitCode
        self.cpuMs = cpuMs
        self.wallMs = wallMs
        self.peakMemoryKB = peakMemoryKB
        self.compileMs = compileMs
        self.totalMs = totalMs
        self.stdout = stdout
        self.stderr = stderr
        self.createdAt = createdAt
        self.finishedAt = finishedAt
    }

    /// Columns in export order.
    public static let columns = [
        "id", "codeHash", "language", "codeBytes", "metrics", "score", "cpuSecondsP50", "predictedPool", "pool",
        "instance", "instanceType", "route", "coldStart", "queueMs", "status", "exitCode", "cpuMs", "wallMs",
        "peakMemoryKB", "compileMs", "totalMs", "stdout", "stderr", "createdAt", "finishedAt", "cpuSecondsP90",
        "predictedMemoryMB", "modelVersion",
    ]
}
