import Foundation

/// A trained model's record in the history: its version and how it scored when it was considered.
public struct ModelRecord: Sendable, Codable, Equatable {
    public var version: String
    public var trainedAt: Date
    /// Samples it was trained on (shipped + local history).
    public var trainingSamples: Int
    /// MAE of log10 CPU (corrected pipeline) on the held-back slice of recent history.
    public var holdoutMAE: Double
    /// The serving model's MAE on the same slice when this one was considered.
    public var servingMAE: Double
    /// Whether it was swapped in.
    public var promoted: Bool

    public init(
        version: String, trainedAt: Date, trainingSamples: Int, holdoutMAE: Double, servingMAE: Double,
        promoted: Bool
    ) {
        self.version = version
        self.trainedAt = trainedAt
        self.trainingSamples = trainingSamples
        self.holdoutMAE = holdoutMAE
        self.servingMAE = servingMAE
        self.promoted = promoted
    }
}

/// What the feedback loop needs from the gateway's history store: the measured runs, and a place to keep model
/// versions and their scores. The store (issue 3) implements it; ``InMemoryModelHistory`` serves the offline
/// experiment and tests.
public protocol ModelHistory: Sendable {
    /// Records one measured run.
    func record(_ run: ObservedRun) async throws
    /// The most recent runs, oldest first.
    func recentRuns(limit: Int) async throws -> [ObservedRun]
    /// Keeps a model version (promoted or not) with its scores.
    func record(model: DemandModel, as record: ModelRecord) async throws
    /// Every model version considered, oldest first.
    func modelRecords() async throws -> [ModelRecord]
    /// The promoted model serving now, if any was ever promoted (else the shipped one serves).
    func servingModel() async throws -> DemandModel?
}

/// A ``ModelHistory`` in memory.
public actor InMemoryModelHistory: ModelHistory {
    private var runs: [ObservedRun] = []
    private var records: [ModelRecord] = []
    private var serving: DemandModel?

    public init() {}

    public func record(_ run: ObservedRun) { runs.append(run) }

    public func recentRuns(limit: Int) -> [ObservedRun] { Array(runs.suffix(limit)) }

    public func record(model: DemandModel, as record: ModelRecord) {
        records.append(record)
        if record.promoted { serving = model }
    }

    public func modelRecords() -> [ModelRecord] { records }

    public func servingModel() -> DemandModel? { serving }
}
