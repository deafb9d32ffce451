/// Hyper-parameters of gradient boosting, with the defaults the shipped model is trained with.
public struct BoostingParameters: Sendable, Codable, Equatable {
    public var trees = 300
    public var learningRate = 0.05
    public var maxDepth = 4
    public var minSamplesLeaf = 10
    /// L2 penalty on leaf values (in samples): shrinks leaves that few rows support.
    public var lambda = 2.0
    /// Fraction of rows each tree sees.
    public var subsample = 0.8
    /// Fraction of features each tree may split on.
    public var featureFraction = 0.8
    public var seed: UInt64 = 42
    /// L2 penalty of the word lexicon's regressions (``WordLexicon``), in programs.
    public var lexiconLambda = 300.0
    /// Log-odds the heavy class gains per decade of predicted p90 CPU above 1 s
    /// (``DemandModel/heavyProbability(odds:cpuP90Log10:)``): the quantile ensemble, trained on every program's
    /// CPU, and the classifier, trained on 162 positives, rank the tail better together than either alone.
    public var heavyP90Weight = 1.0
    /// Width, in decades, of the heavy classifier's soft labels (``LabeledSample/heavyLabel(width:)``; 0: hard 0/1
    /// labels). A program at 0.6 s is nearly heavy and one at 1.1 s barely is: soft labels tell the classifier so,
    /// where hard ones call the first as light as a 10 ms print and the second as heavy as an endless loop.
    public var heavySoftness = 0.2

    public init() {}
}

extension BoostingParameters {
    enum CodingKeys: String, CodingKey {
        case trees, learningRate, maxDepth, minSamplesLeaf, lambda, subsample, featureFraction, seed, lexiconLambda
        case heavyP90Weight, heavySoftness
    }

    /// Decodes, taking defaults for fields a file lacks (files written before the field existed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = BoostingParameters()
        trees = try container.decodeIfPresent(Int.self, forKey: .trees) ?? defaults.trees
        learningRate = try container.decodeIfPresent(Double.self, forKey: .learningRate) ?? defaults.learningRate
        maxDepth = try container.decodeIfPresent(Int.self, forKey: .maxDepth) ?? defaults.maxDepth
        minSamplesLeaf = try container.decodeIfPresent(Int.self, forKey: .minSamplesLeaf) ?? defaults.minSamplesLeaf
        lambda = try container.decodeIfPresent(Double.self, forKey: .lambda) ?? defaults.lambda
        subsample = try container.decodeIfPresent(Double.self, forKey: .subsample) ?? defaults.subsample
        featureFraction =
            try container.decodeIfPresent(Double.self, forKey: .featureFraction) ?? defaults.featureFraction
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
        lexiconLambda = try container.decodeIfPresent(Double.self, forKey: .lexiconLambda) ?? defaults.lexiconLambda
        // Models written before the blend existed ranked the heavy class by the classifier alone.
        heavyP90Weight = try container.decodeIfPresent(Double.self, forKey: .heavyP90Weight) ?? 0
        // Models written before soft labels existed were trained on hard ones (a retrain keeps their recipe).
        heavySoftness = try container.decodeIfPresent(Double.self, forKey: .heavySoftness) ?? 0
    }
}

/// What a boosted model minimizes.
public enum BoostingLoss: Sendable, Codable, Equatable {
    /// Squared error: predicts the conditional mean (of log10 CPU seconds, close to its median).
    case squaredError
    /// Pinball loss at `quantile`: predicts the conditional quantile (0.9 for p90).
    case quantile(Double)
    /// Log loss on 0/1 targets: predicts log-odds (a classifier, for the heavy class).
    case logistic
}
