import ForewarmAnalysis

/// The evaluation of one predictor's out-of-fold predictions, overall and per language.
public struct Scorecard: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        /// `overall` or a language.
        public var scope: String
        public var samples: Int
        public var heavy: Int
        public var spearman: Double?
        /// Mean absolute error of log10 CPU seconds; nil for predictors that only rank.
        public var maeLog10: Double?
        public var heavyPrecision: Double?
        public var heavyRecall: Double?
        public var heavyAUC: Double?
        /// For `overall` and corpus rows: the mean over languages of the within-language Spearman.
        public var meanWithinLanguageSpearman: Double?
    }

    public var predictor: String
    public var overall: Row
    /// Mean over languages of the within-language Spearman (languages where it is defined).
    public var meanWithinLanguageSpearman: Double?
    public var languages: [Row]
    /// One row per source corpus (Rosetta, benchmarks game…) when there are several.
    public var corpora: [Row]

    /// Scores predictions against samples.
    /// - Parameters:
    ///   - cpuLog10: predicted log10 CPU seconds (for the MAE).
    ///   - ranking: ranks samples by expected CPU (for the Spearman); `cpuLog10` when nil.
    ///   - heavyScore: ranks samples by how likely they are heavy.
    ///   - heavyPredicted: the predictor's yes/no call on the heavy class (nil: it makes none).
    ///   - calibrated: whether `cpuLog10` is in log10 seconds (for the MAE).
    public init(
        predictor: String, samples: [LabeledSample], cpuLog10: [Double], ranking: [Double]? = nil,
        heavyScore: [Double],
        heavyPredicted: [Bool]?, calibrated: Bool
    ) {
        self.predictor = predictor
        func row(_ scope: String, _ indices: [Int]) -> Row {
            let truth = indices.map { samples[$0].cpuLog10 }
            let predicted = indices.map { cpuLog10[$0] }
            let ranked = indices.map { (ranking ?? cpuLog10)[$0] }
            let labels = indices.map { samples[$0].isHeavy }
            var precision: Double?
            var recall: Double?
            if let heavyPredicted {
                let calls = indices.map { heavyPredicted[$0] }
                let truePositives = zip(calls, labels).filter { $0 && $1 }.count
                let called = calls.filter { $0 }.count
                let actual = labels.filter { $0 }.count
                precision = called > 0 ? Double(truePositives) / Double(called) : nil
                recall = actual > 0 ? Double(truePositives) / Double(actual) : nil
            }
            let mae =
                calibrated && !indices.isEmpty
                ? zip(truth, predicted).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(indices.count) : nil
            return Row(
                scope: scope, samples: indices.count, heavy: labels.filter { $0 }.count,
                spearman: RankMetrics.spearman(ranked, truth), maeLog10: mae, heavyPrecision: precision,
                heavyRecall: recall, heavyAUC: RankMetrics.auc(scores: indices.map { heavyScore[$0] }, labels: labels))
        }
        func byLanguage(_ indices: [Int]) -> [Row] {
            var groups: [Language: [Int]] = [:]
            for index in indices { groups[samples[index].language, default: []].append(index) }
            return groups.keys.sorted { $0.rawValue < $1.rawValue }.map { row($0.rawValue, groups[$0] ?? []) }
        }
        func withLanguageMean(_ scope: String, _ indices: [Int]) -> (Row, [Row]) {
            var summary = row(scope, indices)
            let rows = byLanguage(indices)
            let within = rows.compactMap(\.spearman)
            summary.meanWithinLanguageSpearman = within.isEmpty ? nil : within.reduce(0, +) / Double(within.count)
            return (summary, rows)
        }
        (overall, languages) = withLanguageMean("overall", Array(samples.indices))
        meanWithinLanguageSpearman = overall.meanWithinLanguageSpearman
        var byCorpus: [String: [Int]] = [:]
        for (index, sample) in samples.enumerated() { byCorpus[sample.source, default: []].append(index) }
        corpora = byCorpus.count < 2 ? [] : byCorpus.keys.sorted().map { withLanguageMean($0, byCorpus[$0] ?? []).0 }
    }

    /// Clears the within-language Spearman (for predictors that are constant within a language).
    public mutating func dropWithinLanguageRanking() {
        meanWithinLanguageSpearman = nil
        overall.meanWithinLanguageSpearman = nil
        for index in languages.indices { languages[index].spearman = nil }
        for index in corpora.indices { corpora[index].meanWithinLanguageSpearman = nil }
    }
}
