import ForewarmAnalysis
import Foundation

/// Code in, predicted demand out: analysis, features, the three ensembles, the score and its explanation.
///
/// A value: it owns an ``Analyzer`` (with scratch tables), so give each task its own copy.
public struct DemandPredictor: Sendable {
    public let model: DemandModel
    private let cpuP50: InferenceEnsemble
    private let cpuP90: InferenceEnsemble
    private let memory: InferenceEnsemble
    private let heavy: InferenceEnsemble
    private let lexicon: LexiconScorer
    private var analyzer = Analyzer()
    private let extractor = FeatureExtractor()
    /// How many contributions a prediction reports.
    public var topContributions = 5

    public init(model: DemandModel, contributions: Int = 5) {
        self.model = model
        topContributions = contributions
        cpuP50 = InferenceEnsemble(model.cpuP50)
        cpuP90 = InferenceEnsemble(model.cpuP90)
        memory = InferenceEnsemble(model.memory)
        heavy = InferenceEnsemble(model.heavy)
        lexicon = LexiconScorer(model.lexicon)
    }

    /// Predicts one snippet; `language` nil means detect it (from `path`, else the content).
    public mutating func predict(
        code: [UInt8], language: Language? = nil, path: String? = nil,
        input: RequestInput = .none
    ) -> Prediction {
        code.withUnsafeBufferPointer { buffer in
            let metrics = analyzer.analyze(buffer, language: language, path: path)
            return predict(metrics: metrics, source: buffer, input: input)
        }
    }

    /// Predicts one snippet given as text.
    public mutating func predict(
        code: String, language: Language? = nil, path: String? = nil,
        input: RequestInput = .none
    ) -> Prediction {
        predict(code: Array(code.utf8), language: language, path: path, input: input)
    }

    /// Predicts from metrics already computed (the source bytes give the word cues).
    public func predict(metrics: FileMetrics, source: UnsafeBufferPointer<UInt8>, input: RequestInput = .none)
        -> Prediction
    {
        var x = extractor.features(metrics, source: source, input: input)
        return predict(filling: &x, language: metrics.language)
    }

    /// Predicts from a feature vector (as ``FeatureExtractor`` makes it; the lexicon columns are filled here).
    public func predict(features: [Double], language: Language) -> Prediction {
        var x = features
        return predict(filling: &x, language: language)
    }

    /// Fills the lexicon columns of `x` in place (no copy of the vector) and predicts.
    private func predict(filling x: inout [Double], language: Language) -> Prediction {
        x.withUnsafeMutableBufferPointer { lexicon.fill($0) }
        return x.withUnsafeBufferPointer { x in
            let p90Log10 = cpuP90.predict(x)
            let memoryLog10 = memory.predict(x)
            let heavyOdds = heavy.predict(x)
            let p50Log10: Double
            var contributions: [Contribution] = []
            if topContributions > 0 {
                (p50Log10, contributions) = explained(x)
            } else {
                p50Log10 = cpuP50.predict(x)
            }
            let p50 = pow(10, p50Log10)
            let p90 = max(p50Log10, p90Log10)
            return Prediction(
                language: language, score: ComplexityScore.score(cpuSeconds: p50), cpuSecondsP50: p50,
                cpuSecondsP90: pow(10, p90), memoryMB: pow(10, memoryLog10),
                heavyProbability: model.heavyProbability(odds: heavyOdds, cpuP90Log10: p90),
                contributions: contributions)
        }
    }

    /// The features that moved log10 CPU most, one-hot language columns summed as "language".
    public func explain(_ x: [Double]) -> [Contribution] {
        x.withUnsafeBufferPointer { explained($0).contributions }
    }

    /// log10 CPU p50 and its top contributions, from one walk of the p50 trees.
    private func explained(_ x: UnsafeBufferPointer<Double>) -> (p50Log10: Double, contributions: [Contribution]) {
        // Trees split only on the tree columns (a decoded model is checked for that).
        let columns = min(x.count, FeatureExtractor.treeColumns)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: columns) { raw in
            raw.initialize(repeating: 0)
            let p50Log10 = cpuP50.predict(x, explainingInto: raw)
            return (p50Log10, Contributions.top(raw, count: topContributions))
        }
    }
}
