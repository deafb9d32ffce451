import ForewarmModel
import Foundation
import Testing

@Suite struct RankMetricsTests {
    @Test func spearmanOfMonotoneIsOne() {
        #expect(RankMetrics.spearman([1, 2, 3, 4], [10, 20, 35, 1000]) == 1)
        #expect(RankMetrics.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1)
    }

    @Test func spearmanIsUndefinedForConstants() {
        #expect(RankMetrics.spearman([1, 1, 1], [1, 2, 3]) == nil)
    }

    @Test func tiesShareTheirMeanRank() {
        #expect(RankMetrics.ranks([5, 1, 5, 3]) == [3.5, 1, 3.5, 2])
    }

    @Test func aucCountsOrderedPairs() {
        #expect(RankMetrics.auc(scores: [0.1, 0.2, 0.8, 0.9], labels: [false, false, true, true]) == 1)
        #expect(RankMetrics.auc(scores: [0.5, 0.5], labels: [false, true]) == 0.5)
        #expect(RankMetrics.auc(scores: [1, 2], labels: [true, true]) == nil)
    }

    @Test func groupsNeverStraddleFolds() {
        let groups = (0..<200).map { "task-\($0 % 37)" }
        var foldOf: [String: Int] = [:]
        for group in groups {
            let fold = GroupedFolds.fold(of: group, folds: 5)
            #expect(foldOf[group, default: fold] == fold)
            foldOf[group] = fold
        }
        #expect(Set(foldOf.values).count == 5)
    }

    @Test func aFoldSeedGivesAnotherSplitThatKeepsTasksWhole() {
        let samples = (0..<200).map {
            LabeledSample(
                id: "p\($0)", group: "task-\($0 % 37)", language: .python, features: [], cpuSeconds: 0.1,
                memoryMB: 10, source: "test")
        }
        let documented = GroupedFolds.assign(samples, folds: 5)
        #expect(documented == samples.map { GroupedFolds.fold(of: $0.group, folds: 5) })
        #expect(GroupedFolds.assign(samples, folds: 5, seed: 0) == documented)
        let other = GroupedFolds.assign(samples, folds: 5, seed: 1)
        #expect(other != documented)
        var foldOf: [String: Int] = [:]
        for (sample, fold) in zip(samples, other) {
            #expect(foldOf[sample.group, default: fold] == fold)
            foldOf[sample.group] = fold
        }
    }
}

@Suite struct ScoreTests {
    @Test func scoreIsMonotoneAndBounded() {
        #expect(ComplexityScore.score(cpuSeconds: 0.0001) == 0)
        #expect(ComplexityScore.score(cpuSeconds: 0.001) == 0)
        #expect(ComplexityScore.score(cpuSeconds: 60) == 100)
        #expect(ComplexityScore.score(cpuSeconds: 1000) == 100)
        var last = -1.0
        for exponent in stride(from: -4.0, through: 3, by: 0.25) {
            let score = ComplexityScore.score(cpuSeconds: pow(10, exponent))
            #expect(score >= last)
            last = score
        }
    }

    @Test func scoreInverts() {
        for score in [0.0, 20, 40, 70, 100] {
            #expect(abs(ComplexityScore.score(cpuSeconds: ComplexityScore.cpuSeconds(score: score)) - score) < 1e-9)
        }
    }

    @Test func poolsByThreshold() throws {
        let pools = try #require(PoolThresholds(parsing: "small:40,medium:70,large"))
        #expect(pools.pool(forScore: 10) == "small")
        #expect(pools.pool(forScore: 40) == "medium")
        #expect(pools.pool(forScore: 99) == "large")
        #expect(PoolThresholds(parsing: "a:x") == nil)
    }

    @Test func requestInputFindsNumbers() {
        let input = RequestInput(stdin: Array("3\n10 2000000\n".utf8), arguments: ["--n", "500"])
        #expect(input.stdinNumbers == 3)
        #expect(abs(input.stdinMaxNumberLog10 - log10(2_000_000)) < 1e-9)
        #expect(input.arguments == 2)
        #expect(abs(input.argumentMaxNumberLog10 - log10(500)) < 1e-9)
    }
}
