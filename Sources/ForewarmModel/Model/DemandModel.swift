import Foundation

/// The trained demand model: three boosted ensembles over ``FeatureExtractor`` features, predicting log10 CPU
/// seconds at p50 (squared error) and p90 (pinball loss), log10 peak memory in MB, and the log-odds of the heavy
/// class (≥ 1 s CPU or ≥ 512 MB), which ranks the tail better than the regressions do.
public struct DemandModel: Sendable, Codable, Equatable {
    /// The file format; a reader refuses other versions.
    public static let formatVersion = 1

    public var formatVersion: Int
    /// Names this model (date and training set), kept with its scores in the history.
    public var version: String
    /// Feature names in the order the ensembles index them; must equal ``FeatureExtractor/names``.
    public var featureNames: [String]
    public var cpuP50: TreeEnsemble
    public var cpuP90: TreeEnsemble
    public var memory: TreeEnsemble
    public var heavy: TreeEnsemble
    public var parameters: BoostingParameters
    /// Samples per source corpus the model was trained on.
    public var trainedOn: [String: Int]

    public init(
        version: String, cpuP50: TreeEnsemble, cpuP90: TreeEnsemble, memory: TreeEnsemble,
        heavy: TreeEnsemble, parameters: BoostingParameters, trainedOn: [String: Int]
    ) {
        self.formatVersion = Self.formatVersion
        self.version = version
        self.featureNames = FeatureExtractor.names
        self.cpuP50 = cpuP50
        self.cpuP90 = cpuP90
        self.memory = memory
        self.heavy = heavy
        self.parameters = parameters
        self.trainedOn = trainedOn
    }

    /// Trains all three ensembles on `samples`.
    public static func train(
        _ samples: [LabeledSample], parameters: BoostingParameters = BoostingParameters(),
        version: String = "untitled"
    ) -> DemandModel {
        let x = samples.map(\.features)
        let cpu = samples.map(\.cpuLog10)
        let measured = samples.filter(\.hasMemory)
        var quantileParameters = parameters
        quantileParameters.trees = max(1, parameters.trees / 2)
        quantileParameters.learningRate = parameters.learningRate * 2
        var trainedOn: [String: Int] = [:]
        for sample in samples { trainedOn[sample.source, default: 0] += 1 }
        return DemandModel(
            version: version,
            cpuP50: GradientBoosting.fit(x, cpu, loss: .quantile(0.5), parameters: parameters),
            cpuP90: GradientBoosting.fit(x, cpu, loss: .quantile(0.9), parameters: quantileParameters),
            memory: GradientBoosting.fit(
                measured.map(\.features), measured.map(\.memoryLog10), loss: .squaredError,
                parameters: parameters),
            heavy: GradientBoosting.fit(
                x, samples.map { $0.isHeavy ? 1 : 0 }, loss: .logistic,
                parameters: quantileParameters),
            parameters: parameters, trainedOn: trainedOn)
    }

    /// log10 CPU seconds (p50, p90), log10 memory MB and P(heavy) for one feature vector; p90 is never below p50.
    public func predictLog10(_ x: [Double]) -> (cpuP50: Double, cpuP90: Double, memory: Double, heavy: Double) {
        x.withUnsafeBufferPointer { buffer in
            let p50 = cpuP50.predict(buffer)
            let odds = heavy.predict(buffer)
            return (p50, max(p50, cpuP90.predict(buffer)), memory.predict(buffer), 1 / (1 + exp(-odds)))
        }
    }
}

/// Why a model file could not be used.
public enum ModelError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String)
    case malformed(path: String, reason: String)
    case incompatible(path: String, reason: String)
    case missingResource

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read model file \(path)"
        case .malformed(let path, let reason): "model file \(path) is not a Forewarm model (\(reason))"
        case .incompatible(let path, let reason):
            "model file \(path) was written for another version of Forewarm (\(reason)); retrain it with "
                + "`forewarm train --out \(path)`"
        case .missingResource: "the shipped default model is missing from the package resources; rebuild forewarm"
        }
    }
}
