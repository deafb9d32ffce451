import ForewarmAnalysis
import Foundation

/// Task-grouped k-fold cross-validation of the demand model against simple baselines, in one run.
public struct CrossValidation: Sendable {
    public var folds = 5
    public var parameters = BoostingParameters()
    /// Also fit the linear (ridge) model on the same features, to justify the trees.
    public var includeLinear = true
    /// Which task-grouped split to use (``GroupedFolds/assign(_:folds:seed:)``); 0 is the documented one.
    public var foldSeed = 0

    public init(folds: Int = 5, parameters: BoostingParameters = BoostingParameters()) {
        self.folds = folds
        self.parameters = parameters
    }

    /// Out-of-fold predictions of every predictor, scored.
    public func run(_ samples: [LabeledSample]) -> EvaluationReport {
        let fold = GroupedFolds.assign(samples, folds: folds, seed: foldSeed)
        let n = samples.count
        var model = (
            p50: [Double](repeating: 0, count: n), p90: [Double](repeating: 0, count: n),
            memory: [Double](repeating: 0, count: n), heavy: [Double](repeating: 0, count: n)
        )
        var linear = [Double](repeating: 0, count: n)
        var words = (cpu: [Double](repeating: 0, count: n), heavy: [Double](repeating: 0, count: n))
        var median = [Double](repeating: 0, count: n)
        let baselineFeatures = [
            ("lines of code", "code_lines_log"), ("cyclomatic complexity", "cyclomatic_log"),
            ("Halstead volume", "halstead_volume_log"),
        ]
        var baselines = [[Double]](repeating: [Double](repeating: 0, count: n), count: baselineFeatures.count)
        for k in 0..<folds {
            let train = samples.indices.filter { fold[$0] != k }.map { samples[$0] }
            let test = samples.indices.filter { fold[$0] == k }
            guard !train.isEmpty, !test.isEmpty else { continue }
            let trained = DemandModel.train(train, parameters: parameters)
            for index in test {
                let prediction = trained.predictLog10(samples[index].features)
                model.p50[index] = prediction.cpuP50
                model.p90[index] = prediction.cpuP90
                model.memory[index] = prediction.memory
                model.heavy[index] = prediction.heavy
            }
            if includeLinear {
                // The tree columns (the word bag is too wide for a dense solve; the lexicon columns stay 0).
                let columns = FeatureExtractor.treeColumns
                let ridge = RidgeRegression.fit(train.map { Array($0.features.prefix(columns)) }, train.map(\.cpuLog10))
                for index in test {
                    linear[index] = min(2, max(-4, ridge.predict(Array(samples[index].features.prefix(columns)))))
                }
            }
            let lexicon = trained.lexicon
            for index in test {
                (words.cpu[index], words.heavy[index]) = samples[index].features.withUnsafeBufferPointer {
                    lexicon.scores($0)
                }
            }
            let medians = LanguageMedian(train)
            for index in test { median[index] = medians.predict(samples[index].language) }
            for (position, baseline) in baselineFeatures.enumerated() {
                guard let column = FeatureExtractor.names.firstIndex(of: baseline.1) else { continue }
                let fit = RidgeRegression.fit(train.map { [$0.features[column]] }, train.map(\.cpuLog10), lambda: 0)
                for index in test { baselines[position][index] = fit.predict([samples[index].features[column]]) }
            }
        }
        let heavyCPU = log10(HeavyClass.cpuSeconds)
        func oneDimensional(_ name: String, _ predicted: [Double], ranking: [Double]? = nil) -> Scorecard {
            Scorecard(
                predictor: name, samples: samples, cpuLog10: predicted, ranking: ranking,
                heavyScore: ranking ?? predicted, heavyPredicted: predicted.map { $0 >= heavyCPU }, calibrated: true)
        }
        var cards = [
            Scorecard(
                predictor: "boosted trees (this model)", samples: samples, cpuLog10: model.p50,
                heavyScore: model.heavy, heavyPredicted: model.heavy.map { $0 >= HeavyClass.decisionProbability },
                calibrated: true)
        ]
        if includeLinear { cards.append(oneDimensional("ridge regression, same features", linear)) }
        // The lexicon ranks within a language and scores the heavy class; it has no scale of its own.
        cards.append(
            Scorecard(
                predictor: "word lexicon alone", samples: samples, cpuLog10: words.cpu, heavyScore: words.heavy,
                heavyPredicted: nil, calibrated: false))
        // A per-language constant cannot order programs of one language: its within-language rows are undefined
        // (the medians differ between folds only by chance).
        var medianCard = oneDimensional("per-language median", median)
        medianCard.dropWithinLanguageRanking()
        cards.append(medianCard)
        for (position, baseline) in baselineFeatures.enumerated() {
            // The metric itself ranks (more code, more CPU); a linear fit of log10 CPU on it gives the MAE.
            let column = FeatureExtractor.names.firstIndex(of: baseline.1) ?? 0
            cards.append(oneDimensional(baseline.0, baselines[position], ranking: samples.map { $0.features[column] }))
        }
        let outOfFold = samples.indices.map { index in
            OutOfFoldPrediction(
                id: samples[index].id, language: samples[index].language.rawValue,
                fold: fold[index], measuredCPUSeconds: samples[index].cpuSeconds,
                measuredMemoryMB: samples[index].memoryMB, heavy: samples[index].isHeavy,
                cpuSecondsP50: pow(10, model.p50[index]), cpuSecondsP90: pow(10, model.p90[index]),
                memoryMB: pow(10, model.memory[index]), heavyProbability: model.heavy[index])
        }
        return EvaluationReport(
            folds: folds, samples: n, groups: Set(samples.map(\.group)).count,
            scorecards: cards, outOfFold: outOfFold)
    }
}

/// The median log10 CPU per language in a training set; the overall median for languages it lacks.
struct LanguageMedian {
    let medians: [Language: Double]
    let overall: Double

    init(_ samples: [LabeledSample]) {
        var groups: [Language: [Double]] = [:]
        for sample in samples { groups[sample.language, default: []].append(sample.cpuLog10) }
        medians = groups.mapValues { quantile($0, 0.5) }
        overall = quantile(samples.map(\.cpuLog10), 0.5)
    }

    func predict(_ language: Language) -> Double { medians[language] ?? overall }
}

/// The result of `forewarm evaluate`.
public struct EvaluationReport: Sendable, Codable, Equatable {
    public var folds: Int
    public var samples: Int
    public var groups: Int
    public var scorecards: [Scorecard]
    /// The model's prediction for every sample from the fold that did not train on it.
    public var outOfFold: [OutOfFoldPrediction]
}

/// One sample's out-of-fold prediction, for error analysis (`forewarm evaluate --predictions FILE`).
public struct OutOfFoldPrediction: Sendable, Codable, Equatable {
    public var id: String
    public var language: String
    public var fold: Int
    public var measuredCPUSeconds: Double
    public var measuredMemoryMB: Double
    public var heavy: Bool
    public var cpuSecondsP50: Double
    public var cpuSecondsP90: Double
    public var memoryMB: Double
    public var heavyProbability: Double
}
