import Foundation

/// How well a predictor orders programs *within* each group (a judge problem): the mean over groups of the
/// Spearman between predicted and measured CPU, for groups of at least `minimumGroup` programs.
public struct WithinGroupRanking: Sendable, Codable, Equatable {
    public var predictor: String
    public var groups: Int
    public var programs: Int
    public var meanSpearman: Double?
    /// Over all pairs of programs of a group whose measured CPU differs by at least 2×: the fraction ordered
    /// right (ties count half).
    public var pairAccuracy: Double?

    public init(predictor: String, samples: [LabeledSample], scores: [Double], minimumGroup: Int = 3) {
        self.predictor = predictor
        var byGroup: [String: [Int]] = [:]
        for (index, sample) in samples.enumerated() { byGroup[sample.group, default: []].append(index) }
        var correlations: [Double] = []
        var right = 0.0
        var pairs = 0
        var used = 0
        for indices in byGroup.values where indices.count >= minimumGroup {
            used += indices.count
            if let rho = RankMetrics.spearman(indices.map { scores[$0] }, indices.map { samples[$0].cpuLog10 }) {
                correlations.append(rho)
            }
            for a in indices {
                for b in indices where samples[a].cpuLog10 >= samples[b].cpuLog10 + log10(2.0) {
                    pairs += 1
                    if scores[a] > scores[b] { right += 1 } else if scores[a] == scores[b] { right += 0.5 }
                }
            }
        }
        groups = correlations.count
        programs = used
        meanSpearman = correlations.isEmpty ? nil : correlations.reduce(0, +) / Double(correlations.count)
        pairAccuracy = pairs == 0 ? nil : right / Double(pairs)
    }
}
