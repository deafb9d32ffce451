import ForewarmAnalysis
import Foundation

/// Code in, predicted demand out: analysis, features, the three ensembles, the score and its explanation.
///
/// A value: it owns an ``Analyzer`` (with scratch tables), so give each task its own copy.
public struct DemandPredictor: Sendable {
    public let model: DemandModel
    private let cpuP50: FlatEnsemble
    private let cpuP90: FlatEnsemble
    private let memory: FlatEnsemble
    private let heavy: FlatEnsemble
    private var analyzer = Analyzer()
    private let extractor = FeatureExtractor()
    /// How many contributions a prediction reports.
    public var topContributions = 5

    public init(model: DemandModel, contributions: Int = 5) {
        self.model = model
        topContributions = contributions
        cpuP50 = FlatEnsemble(model.cpuP50)
        cpuP90 = FlatEnsemble(model.cpuP90)
        memory = FlatEnsemble(model.memory)
        heavy = FlatEnsemble(model.heavy)
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
        model.lexicon.fill(&x)
        let (p50Log10, p90Log10, memoryLog10, heavyOdds) = x.withUnsafeBufferPointer { buffer in
            (cpuP50.predict(buffer), cpuP90.predict(buffer), memory.predict(buffer), heavy.predict(buffer))
        }
        let p50 = pow(10, p50Log10)
        let p90 = max(p50Log10, p90Log10)
        return Prediction(
            language: language, score: ComplexityScore.score(cpuSeconds: p50), cpuSecondsP50: p50,
            cpuSecondsP90: pow(10, p90), memoryMB: pow(10, memoryLog10),
            heavyProbability: model.heavyProbability(odds: heavyOdds, cpuP90Log10: p90),
            contributions: topContributions > 0 ? explain(x) : [])
    }

    /// The features that moved log10 CPU most, one-hot language columns summed as "language".
    public func explain(_ x: [Double]) -> [Contribution] {
        // Trees split only on the tree columns (a decoded model is checked for that).
        var raw = [Double](repeating: 0, count: min(x.count, FeatureExtractor.treeColumns))
        x.withUnsafeBufferPointer { cpuP50.explain($0, into: &raw) }
        // Fold the one-hot language columns into the first, so the language reads as one driver.
        let languageColumns = FeatureExtractor.languageColumns
        for index in languageColumns.dropFirst() {
            raw[languageColumns.lowerBound] += raw[index]
            raw[index] = 0
        }
        // Likewise the lexicon's two outputs read as one driver, "words".
        let lexicon = FeatureExtractor.lexiconColumns
        if lexicon.upperBound <= raw.count {
            for index in lexicon.dropFirst() {
                raw[lexicon.lowerBound] += raw[index]
                raw[index] = 0
            }
        }
        var order = raw.indices.filter { raw[$0] != 0 }
        order.sort { abs(raw[$0]) > abs(raw[$1]) }
        return order.prefix(topContributions).map {
            Contribution(feature: FeatureExtractor.group(of: $0), log10CPU: (raw[$0] * 1000).rounded() / 1000)
        }
    }
}
