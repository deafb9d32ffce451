import ForewarmAnalysis
import ForewarmModel

/// A measured program with its source, before analysis.
public struct LabeledProgram: Sendable {
    public var id: String
    public var group: String
    public var language: Language
    public var source: [UInt8]
    public var input: RequestInput
    public var cpuSeconds: Double
    public var memoryMB: Double
    public var hitCPULimit: Bool
    public var corpus: String

    public init(
        id: String, group: String, language: Language, source: [UInt8], input: RequestInput,
        cpuSeconds: Double, memoryMB: Double, hitCPULimit: Bool, corpus: String
    ) {
        self.id = id
        self.group = group
        self.language = language
        self.source = source
        self.input = input
        self.cpuSeconds = cpuSeconds
        self.memoryMB = memoryMB
        self.hitCPULimit = hitCPULimit
        self.corpus = corpus
    }

    /// Analyzes the program and builds its training sample.
    public func sample(analyzer: inout Analyzer, extractor: FeatureExtractor) -> LabeledSample {
        let metrics = analyzer.analyze(source, language: language, path: id)
        return LabeledSample(
            id: id, group: group, language: language,
            features: extractor.features(metrics, source: source, input: input), cpuSeconds: cpuSeconds,
            memoryMB: memoryMB, hitCPULimit: hitCPULimit, source: corpus)
    }
}

/// Why a corpus could not be read.
public enum DatasetError: Error, CustomStringConvertible {
    case unreadable(String)
    case malformed(String, line: Int, reason: String)
    case unrecognized(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case .malformed(let path, let line, let reason): "\(path):\(line): not a label row (\(reason))"
        case .unrecognized(let path):
            "\(path) is not a labeled corpus: expected rosetta_labels.jsonl (Rosetta labels), "
                + "measurements/ (benchmarks game) or a fixture index.jsonl"
        }
    }
}
