import ForewarmModel
import Foundation
import GRDB

/// One model version the feedback loop considered (table `model_versions`): its scores and, to serve it again
/// after a restart, the model itself as JSON.
public struct ModelVersionRecord: Sendable, Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "model_versions"

    public var id: Int64?
    public var version: String
    public var trainedAt: Date
    public var trainingSamples: Int
    public var holdoutMAE: Double
    public var servingMAE: Double
    public var promoted: Bool
    /// The model file (`DemandModel.encoded()`).
    public var model: Data

    public init(_ record: ModelRecord, model: Data) {
        version = record.version
        trainedAt = record.trainedAt
        trainingSamples = record.trainingSamples
        holdoutMAE = record.holdoutMAE
        servingMAE = record.servingMAE
        promoted = record.promoted
        self.model = model
    }

    public var record: ModelRecord {
        ModelRecord(
            version: version, trainedAt: trainedAt, trainingSamples: trainingSamples, holdoutMAE: holdoutMAE,
            servingMAE: servingMAE, promoted: promoted)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
