import ForewarmAnalysis
import ForewarmModel
import Foundation
import GRDB

/// The feedback loop's history lives in the same database as the executions: observed runs (labeled samples)
/// and the model versions with their scores. The store implements the model's `ModelHistory` protocol, so the
/// pure model module never depends on storage.
extension HistoryStore: ModelHistory {
    /// Records one measured run without its code (its features cannot be recomputed after an upgrade).
    public func record(_ run: ObservedRun) throws {
        try record(run, code: nil, input: nil)
    }

    /// Records one measured run, keeping its code and input so its features can be recomputed later. A run with
    /// the same id replaces the earlier one (calibrating a corpus twice keeps the newest measurement).
    public func record(_ run: ObservedRun, code: String?, input: RequestInput?) throws {
        let row = ObservedRunRecord(run, code: code, input: input)
        try database.write { db in try row.save(db) }
    }

    /// The most recent runs, oldest first. Runs whose features this build cannot use (another feature set and no
    /// code kept) are left out.
    public func recentRuns(limit: Int) throws -> [ObservedRun] {
        let rows = try database.read { db in
            try ObservedRunRecord.order(sql: "finishedAt DESC, rowid DESC").limit(max(0, limit)).fetchAll(db)
        }
        var analyzer = Analyzer()
        let extractor = FeatureExtractor()
        return rows.reversed().compactMap { $0.observedRun(analyzer: &analyzer, extractor: extractor) }
    }

    /// How many observed runs are stored.
    public func observedRunCount() throws -> Int {
        try database.read { db in try ObservedRunRecord.fetchCount(db) }
    }

    /// Every observed run row in time order, streamed to `body` (for export).
    public func forEachObservedRun(_ body: (ObservedRunRecord) throws -> Void) throws {
        try database.read { db in
            let cursor = try ObservedRunRecord.order(sql: "finishedAt, rowid").fetchCursor(db)
            while let row = try cursor.next() { try body(row) }
        }
    }

    /// Keeps a model version with its scores (and the model, to serve it again after a restart).
    public func record(model: DemandModel, as record: ModelRecord) throws {
        var row = ModelVersionRecord(record, model: try model.encoded())
        try database.write { db in try row.insert(db) }
    }

    /// Every model version considered, oldest first.
    public func modelRecords() throws -> [ModelRecord] {
        // Without the model blobs: a model is ≈ 0.4 MB.
        try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT version, trainedAt, trainingSamples, holdoutMAE, servingMAE, promoted
                    FROM model_versions ORDER BY id
                    """
            ).map { row in
                ModelRecord(
                    version: row["version"], trainedAt: row["trainedAt"], trainingSamples: row["trainingSamples"],
                    holdoutMAE: row["holdoutMAE"], servingMAE: row["servingMAE"], promoted: row["promoted"])
            }
        }
    }

    /// The most recently promoted model, if any; throws `ModelError` when it no longer fits this build.
    public func servingModel() throws -> DemandModel? {
        let row = try database.read { db in
            try ModelVersionRecord.filter(Column("promoted") == true).order(Column("id").desc).fetchOne(db)
        }
        guard let row else { return nil }
        return try DemandModel.decode(row.model, path: "history model \(row.version)")
    }
}
