import Foundation

/// The trained demand model: a learned word lexicon (``WordLexicon``) and four boosted ensembles over
/// ``FeatureExtractor`` features, predicting log10 CPU seconds at p50 and p90 (pinball loss), log10 peak memory in
/// MB, and the log-odds of the heavy class (≥ 1 s CPU or ≥ 512 MB), which ranks the tail better than the
/// regressions do.
public struct DemandModel: Sendable, Codable, Equatable {
    /// The file format; a reader refuses other versions.
    public static let formatVersion = 2

    public var formatVersion: Int
    /// Names this model (date and training set), kept with its scores in the history.
    public var version: String
    /// Feature names in the order the ensembles index them; must equal ``FeatureExtractor/names``.
    public var featureNames: [String]
    public var cpuP50: TreeEnsemble
    public var cpuP90: TreeEnsemble
    public var memory: TreeEnsemble
    public var heavy: TreeEnsemble
    /// What the words say; its two outputs are tree inputs, filled in before the trees run.
    public var lexicon: WordLexicon
    public var parameters: BoostingParameters
    /// Samples per source corpus the model was trained on.
    public var trainedOn: [String: Int]

    public init(
        version: String, cpuP50: TreeEnsemble, cpuP90: TreeEnsemble, memory: TreeEnsemble,
        heavy: TreeEnsemble, parameters: BoostingParameters, trainedOn: [String: Int],
        lexicon: WordLexicon = .empty
    ) {
        self.formatVersion = Self.formatVersion
        self.version = version
        self.featureNames = FeatureExtractor.names
        self.cpuP50 = cpuP50
        self.cpuP90 = cpuP90
        self.memory = memory
        self.heavy = heavy
        self.lexicon = lexicon
        self.parameters = parameters
        self.trainedOn = trainedOn
    }

    /// Trains the lexicon and the four ensembles on `samples`.
    ///
    /// The trees see the lexicon's outputs *out of fold*: each training program's are computed by a lexicon fitted
    /// without its task (5 folds grouped by task), so the trees learn what the lexicon is worth on unseen tasks,
    /// not on the programs it memorized.
    public static func train(
        _ samples: [LabeledSample], parameters: BoostingParameters = BoostingParameters(),
        version: String = "untitled"
    ) -> DemandModel {
        let lexicon = WordLexicon.fit(samples, lambda: parameters.lexiconLambda).rounded()
        var x = samples.map(\.features)
        let folds = 5
        let fold = samples.map { GroupedFolds.fold(of: "lexicon/" + $0.group, folds: folds) }
        for k in 0..<folds {
            let inner = WordLexicon.fit(
                samples.indices.filter { fold[$0] != k }.map { samples[$0] }, lambda: parameters.lexiconLambda)
            for index in samples.indices where fold[index] == k { inner.fill(&x[index]) }
        }
        let treeX = x.map { Array($0.prefix(FeatureExtractor.treeColumns)) }
        let cpu = samples.map(\.cpuLog10)
        let measured = samples.indices.filter { samples[$0].hasMemory }
        var quantileParameters = parameters
        quantileParameters.trees = max(1, parameters.trees / 2)
        quantileParameters.learningRate = parameters.learningRate * 2
        var trainedOn: [String: Int] = [:]
        for sample in samples { trainedOn[sample.source, default: 0] += 1 }
        return DemandModel(
            version: version,
            cpuP50: GradientBoosting.fit(treeX, cpu, loss: .quantile(0.5), parameters: parameters),
            cpuP90: GradientBoosting.fit(treeX, cpu, loss: .quantile(0.9), parameters: quantileParameters),
            memory: GradientBoosting.fit(
                measured.map { treeX[$0] }, measured.map { samples[$0].memoryLog10 }, loss: .squaredError,
                parameters: parameters),
            heavy: GradientBoosting.fit(
                treeX, samples.map { $0.heavyLabel(width: parameters.heavySoftness) }, loss: .logistic,
                parameters: quantileParameters),
            parameters: parameters, trainedOn: trainedOn, lexicon: lexicon)
    }

    /// log10 CPU seconds (p50, p90), log10 memory MB and P(heavy) for one feature vector; p90 is never below p50.
    public func predictLog10(_ x: [Double]) -> (cpuP50: Double, cpuP90: Double, memory: Double, heavy: Double) {
        var x = x
        lexicon.fill(&x)
        return x.withUnsafeBufferPointer { buffer in
            let p50 = cpuP50.predict(buffer)
            let odds = heavy.predict(buffer)
            let p90 = max(p50, cpuP90.predict(buffer))
            return (p50, p90, memory.predict(buffer), heavyProbability(odds: odds, cpuP90Log10: p90))
        }
    }

    /// P(heavy) from the classifier's log-odds, shifted by `parameters.heavyP90Weight` per decade of predicted
    /// p90 CPU above 1 s (p90 = 10 s adds one unit of log-odds at weight 1, p90 = 10 ms takes two away).
    @inline(__always)
    public func heavyProbability(odds: Double, cpuP90Log10: Double) -> Double {
        1 / (1 + exp(-(odds + parameters.heavyP90Weight * (cpuP90Log10 - log10(HeavyClass.cpuSeconds)))))
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
