import Foundation
import GRDB

/// One scaling directive the live controller applied (table `directives`), with its reason: the audit trail of
/// every decision to add, remove or keep warm instances.
public struct DirectiveRecord: Sendable, Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "directives"

    public var id: Int64?
    /// The policy that issued it (`forewarm`, `threshold`, …).
    public var policy: String
    public var pool: String
    /// `add`, `remove` or `maintain`.
    public var action: String
    public var instances: Int
    public var instanceType: String?
    /// How the pool's target was split among languages, as JSON (`{"python": 3, …}`).
    public var languages: String
    public var reason: String
    public var createdAt: Date

    public init(
        policy: String, pool: String, action: String, instances: Int, instanceType: String?, languages: String,
        reason: String, createdAt: Date
    ) {
        self.policy = policy
        self.pool = pool
        self.action = action
        self.instances = instances
        self.instanceType = instanceType
        self.languages = languages
        self.reason = reason
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    static func createTable(_ db: Database) throws {
        try db.create(table: databaseTableName) { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("policy", .text).notNull()
            t.column("pool", .text).notNull()
            t.column("action", .text).notNull()
            t.column("instances", .integer).notNull()
            t.column("instanceType", .text)
            t.column("languages", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("createdAt", .datetime).notNull().indexed()
        }
    }
}

extension HistoryStore {
    public func record(_ directive: DirectiveRecord) throws {
        var row = directive
        try database.write { db in try row.insert(db) }
    }

    /// The most recent directives, newest first.
    public func directives(limit: Int) throws -> [DirectiveRecord] {
        try database.read { db in
            try DirectiveRecord.order(sql: "id DESC").limit(max(0, limit)).fetchAll(db)
        }
    }
}
