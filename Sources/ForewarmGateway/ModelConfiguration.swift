import Foundation

/// How the gateway predicts and learns: which model serves, and when the feedback loop retrains it.
/// Part of ``GatewayConfiguration`` (`"model": {...}` in the file, `FOREWARM_MODEL_*` in the environment).
public struct ModelConfiguration: Sendable, Codable, Equatable {
    /// A model file to serve at start instead of the promoted one in the history (or the shipped default).
    public var modelPath: String?
    /// Labeled corpora that retraining adds to the local history (the data the shipped model was trained on).
    /// Folders that are missing are skipped with a warning; with none readable, retraining is off and only the
    /// online correction learns.
    public var trainingData = ["../shared/data/labels", "../shared/data/benchmarksgame"]
    /// Learn from measured runs at all (store them, correct predictions, retrain).
    public var feedback = true
    /// Retrain after this many measured runs…
    public var retrainEverySamples = 500
    /// …or after this many seconds, whichever comes first…
    public var retrainIntervalSeconds = 3600.0
    /// …but only with at least this many new runs.
    public var retrainMinimumNewSamples = 50
    /// Most recent local runs a retraining learns from.
    public var historyRuns = 20_000
    /// Recent runs replayed at start to rebuild the online correction.
    public var replayRuns = 1_000
    /// Trees per ensemble when retraining (default: as many as the serving model has).
    public var retrainTrees: Int?
    /// The machine measured runs are learned under: the online correction is tracked per machine (and language).
    /// Every pool of the local backend runs on this host's CPU — the pools' sandbox sizes change the CPU quota,
    /// not the CPU seconds a program needs — so they share one name; a backend whose pools are different machines
    /// gives each its own.
    public var machine = "local"

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ModelConfiguration()
        modelPath = try c.decodeIfPresent(String.self, forKey: .modelPath)
        trainingData = try c.decodeIfPresent([String].self, forKey: .trainingData) ?? d.trainingData
        feedback = try c.decodeIfPresent(Bool.self, forKey: .feedback) ?? d.feedback
        retrainEverySamples = try c.decodeIfPresent(Int.self, forKey: .retrainEverySamples) ?? d.retrainEverySamples
        retrainIntervalSeconds =
            try c.decodeIfPresent(Double.self, forKey: .retrainIntervalSeconds) ?? d.retrainIntervalSeconds
        retrainMinimumNewSamples =
            try c.decodeIfPresent(Int.self, forKey: .retrainMinimumNewSamples) ?? d.retrainMinimumNewSamples
        historyRuns = try c.decodeIfPresent(Int.self, forKey: .historyRuns) ?? d.historyRuns
        replayRuns = try c.decodeIfPresent(Int.self, forKey: .replayRuns) ?? d.replayRuns
        retrainTrees = try c.decodeIfPresent(Int.self, forKey: .retrainTrees)
        machine = try c.decodeIfPresent(String.self, forKey: .machine) ?? d.machine
    }

    /// `FOREWARM_MODEL` (model file), `FOREWARM_TRAINING_DATA` (folders, `:`-separated), `FOREWARM_FEEDBACK`
    /// (`0` turns learning off), `FOREWARM_RETRAIN_EVERY` (runs), `FOREWARM_RETRAIN_INTERVAL` (seconds),
    /// `FOREWARM_MACHINE`.
    mutating func apply(environment: [String: String]) {
        if let path = environment["FOREWARM_MODEL"], !path.isEmpty { modelPath = path }
        if let data = environment["FOREWARM_TRAINING_DATA"] {
            trainingData = data.split(separator: ":").map(String.init)
        }
        if let flag = environment["FOREWARM_FEEDBACK"] { feedback = !["0", "false", "no", "off"].contains(flag) }
        if let name = environment["FOREWARM_MACHINE"], !name.isEmpty { machine = name }
        if let every = environment["FOREWARM_RETRAIN_EVERY"].flatMap(Int.init) { retrainEverySamples = every }
        if let interval = environment["FOREWARM_RETRAIN_INTERVAL"].flatMap(Double.init) {
            retrainIntervalSeconds = interval
        }
    }

    func validate() throws {
        guard retrainEverySamples >= 1, retrainMinimumNewSamples >= 1 else {
            throw ConfigurationError("model: retrainEverySamples and retrainMinimumNewSamples must be at least 1")
        }
        guard retrainIntervalSeconds > 0 else { throw ConfigurationError("model: retrainIntervalSeconds must be > 0") }
        guard historyRuns >= 1, replayRuns >= 0 else {
            throw ConfigurationError("model: historyRuns must be ≥ 1 and replayRuns ≥ 0")
        }
        if let trees = retrainTrees, trees < 1 { throw ConfigurationError("model: retrainTrees must be ≥ 1") }
        guard !machine.isEmpty else { throw ConfigurationError("model: machine must not be empty") }
    }
}
