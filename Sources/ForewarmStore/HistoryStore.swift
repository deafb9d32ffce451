import Foundation
import GRDB

/// The history of every request, in SQLite through GRDB. WAL mode: readers never block the writer, and a row is
/// on disk (in the WAL) before `record` returns, so it survives a crash or `kill -9` of the server.
public final class HistoryStore: Sendable {
    let database: DatabasePool
    public let path: String

    /// Opens (creating if needed) the store at `path`.
    public init(path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // NORMAL in WAL mode loses nothing on a process crash; only an OS crash can drop the last commits.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        database = try DatabasePool(path: path, configuration: configuration)
        self.path = path
        try Self.migrator.migrate(database)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "executions") { t in
                t.primaryKey("id", .text)
                t.column("codeHash", .text).notNull().indexed()
                t.column("language", .text).notNull()
                t.column("codeBytes", .integer).notNull()
                t.column("metrics", .text).notNull()
                t.column("score", .double).notNull()
                t.column("cpuSecondsP50", .double)
                t.column("predictedPool", .text).notNull()
                t.column("pool", .text)
                t.column("instance", .text)
                t.column("instanceType", .text)
                t.column("route", .text).notNull()
                t.column("coldStart", .boolean).notNull()
                t.column("queueMs", .double).notNull()
                t.column("status", .text).notNull()
                t.column("exitCode", .integer)
                t.column("cpuMs", .double).notNull()
                t.column("wallMs", .double).notNull()
                t.column("peakMemoryKB", .integer).notNull()
                t.column("compileMs", .double)
                t.column("totalMs", .double).notNull()
                t.column("stdout", .text).notNull()
                t.column("stderr", .text).notNull()
                t.column("createdAt", .datetime).notNull().indexed()
                t.column("finishedAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v2-feedback") { db in
            try db.alter(table: "executions") { t in
                t.add(column: "cpuSecondsP90", .double)
                t.add(column: "predictedMemoryMB", .double)
                t.add(column: "modelVersion", .text)
            }
            try db.create(table: ObservedRunRecord.databaseTableName) { t in
                t.primaryKey("id", .text)
                t.column("taskGroup", .text).notNull()
                t.column("language", .text).notNull()
                t.column("source", .text).notNull()
                t.column("instanceType", .text).notNull()
                t.column("featureSchema", .text).notNull()
                t.column("features", .blob).notNull()
                t.column("code", .text)
                t.column("input", .text)
                t.column("cpuSeconds", .double).notNull()
                t.column("memoryMB", .double).notNull()
                t.column("hitCPULimit", .boolean).notNull()
                t.column("finishedAt", .datetime).notNull().indexed()
            }
            try db.create(table: ModelVersionRecord.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("version", .text).notNull()
                t.column("trainedAt", .datetime).notNull()
                t.column("trainingSamples", .integer).notNull()
                t.column("holdoutMAE", .double).notNull()
                t.column("servingMAE", .double).notNull()
                t.column("promoted", .boolean).notNull()
                t.column("model", .blob).notNull()
            }
        }
        return migrator
    }

    public func record(_ execution: ExecutionRecord) throws {
        try database.write { db in try execution.insert(db) }
    }

    public func execution(id: String) throws -> ExecutionRecord? {
        try database.read { db in try ExecutionRecord.fetchOne(db, key: id) }
    }

    public func count() throws -> Int {
        try database.read { db in try ExecutionRecord.fetchCount(db) }
    }

    /// Every record in insertion order, streamed to `body` without loading the table.
    public func forEach(_ body: (ExecutionRecord) throws -> Void) throws {
        try database.read { db in
            let cursor = try ExecutionRecord.order(sql: "createdAt, rowid").fetchCursor(db)
            while let record = try cursor.next() { try body(record) }
        }
    }

    /// Checks the file's integrity (used after crash tests).
    public func integrityCheck() throws -> String {
        try database.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    public var journalMode: String {
        (try? database.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }) ?? "?"
    }
}
