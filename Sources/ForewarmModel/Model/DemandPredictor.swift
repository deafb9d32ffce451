import ForewarmAnalysis
import Foundation

/// Code in, predicted demand out: analysis, features, the three ensembles, the score and its explanation.
///
/// A value: it owns an ``Analyzer`` (with scratch tables), so give each task its own copy.
public struct DemandPredictor: Sendable {
    public let model: DemandModel
    private var analyzer = Analyzer()
    private let extractor = FeatureExtractor()
    /// How many contributions a prediction reports.
    public var topContributions = 5

    public init(model: DemandModel) {
        self.model = model
    }

    /// Predicts one snippet; `language` nil means detect it (from `path`, else the content).
    public mutating func predict(code: [UInt8], language: Language? = nil, path: String? = nil,
        input: RequestInput = .none) -> Prediction
    {
        code.withUnsafeBufferPointer { buffer in
            let metrics = analyzer.analyze(buffer, language: language, path: path)
            return predict(metrics: metrics, source: buffer, input: input)
        }
    }

    /// Predicts one snippet given as text.
    public mutating func predict(code: String, language: Language? = nil, path: String? = nil,
        input: RequestInput = .none) -> Prediction
    {
        predict(code: Array(code.utf8), language: language, path: path, input: input)
    }

    /// Predicts from metrics already computed (the source bytes give the word cues).
    public func predict(metrics: FileMetrics, source: UnsafeBufferPointer<UInt8>, input: RequestInput = .none)
        -> Prediction
    {
        let x = extractor.features(metrics, source: source, input: input)
        return predict(features: x, language: metrics.language)
    }

    /// Predicts from a feature vector.
    public func predict(features x: [Double], language: Language) -> Prediction {
        let log10 = model.predictLog10(x)
        let p50 = pow(10, log10.cpuP50)
        return Prediction(
            language: language, score: ComplexityScore.score(cpuSeconds: p50), cpuSecondsP50: p50,
            cpuSecondsP90: pow(10, log10.cpuP90), memoryMB: pow(10, log10.memory), heavyProbability: log10.heavy,
            contributions: topContributions > 0 ? explain(x) : [])
    }

    /// The features that moved log10 CPU most, one-hot language columns summed as "language".
    public func explain(_ x: [Double]) -> [Contribution] {
        let raw = model.cpuP50.contributions(x, features: x.count)
        var grouped: [String: Double] = [:]
        for (index, value) in raw.enumerated() where value != 0 {
            grouped[FeatureExtractor.group(of: index), default: 0] += value
        }
        return grouped.sorted { abs($0.value) > abs($1.value) }.prefix(topContributions)
            .map { Contribution(feature: $0.key, log10CPU: ($0.value * 1000).rounded() / 1000) }
    }
}
