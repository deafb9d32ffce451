import Foundation

/// The offline proof of the feedback loop: a model trained on part of the labeled corpus serves a workload of
/// unseen tasks on a machine where every run costs `slowdown` times what the labels say. Replays the runs in a
/// fixed random order through three pipelines and records each one's error per run:
/// the static model, the model with the online correction, and the correction plus periodic retrain-and-swap.
public struct FeedbackExperiment: Sendable {
    public var slowdown = 3.0
    /// The fold (of `folds`, split by task) that is the workload; the rest is the "shipped" training data.
    public var workloadFold = 0
    public var folds = 5
    /// Retrain every this many runs in the third pipeline.
    public var retrainEvery = 150
    public var parameters = BoostingParameters()
    public var instanceType = "slow-machine"
    public var seed: UInt64 = 7

    public init() {}

    public struct Result: Sendable, Codable {
        public var pipelines: [String]
        /// `errors[p][i]`: |log10 predicted p50 − log10 measured| of run `i` in pipeline `p`.
        public var errors: [[Double]]
        /// The retrainings of the third pipeline.
        public var retrainings: [ModelRecord]
        /// Runs at which a retrained model was swapped in.
        public var swaps: [Int]
        public var trainingSamples: Int
    }

    public func run(_ samples: [LabeledSample]) -> Result {
        let shipped = samples.filter { GroupedFolds.fold(of: $0.group, folds: folds) != workloadFold }
        var workload = samples.filter { GroupedFolds.fold(of: $0.group, folds: folds) == workloadFold }
        var generator = SplitMix64(state: seed)
        workload.shuffle(using: &generator)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let runs = workload.enumerated().map { index, sample in
            var slow = sample
            slow.cpuSeconds *= slowdown
            return ObservedRun(
                sample: slow, instanceType: instanceType,
                finishedAt: start.addingTimeInterval(Double(index)))
        }
        let base = DemandModel.train(shipped, parameters: parameters, version: "shipped")
        var retraining = Retraining()
        retraining.parameters = parameters

        var errors = [[Double]](repeating: [], count: 3)
        var corrector = ResidualTracker(configuration: retraining.correction)
        var loop = (
            model: base, predictor: DemandPredictor(model: base, contributions: 0),
            corrector: ResidualTracker(configuration: retraining.correction)
        )
        var records: [ModelRecord] = []
        var swaps: [Int] = []
        let staticPredictor = DemandPredictor(model: base, contributions: 0)
        for (index, run) in runs.enumerated() {
            let sample = run.sample
            let raw = staticPredictor.predict(features: sample.features, language: sample.language)
            errors[0].append(abs(log10(raw.cpuSecondsP50) - sample.cpuLog10))
            let corrected = corrector.correct(raw, instanceType: run.instanceType)
            errors[1].append(abs(log10(corrected.cpuSecondsP50) - sample.cpuLog10))
            corrector.observe(
                language: sample.language, instanceType: run.instanceType, predicted: raw,
                measuredCPUSeconds: sample.cpuSeconds, measuredMemoryMB: sample.memoryMB)

            let loopRaw = loop.predictor.predict(features: sample.features, language: sample.language)
            let loopCorrected = loop.corrector.correct(loopRaw, instanceType: run.instanceType)
            errors[2].append(abs(log10(loopCorrected.cpuSecondsP50) - sample.cpuLog10))
            loop.corrector.observe(
                language: sample.language, instanceType: run.instanceType, predicted: loopRaw,
                measuredCPUSeconds: sample.cpuSeconds, measuredMemoryMB: sample.memoryMB)
            if (index + 1) % retrainEvery == 0 {
                let outcome = retraining.run(
                    serving: loop.model, shipped: shipped, history: Array(runs[...index]),
                    now: run.finishedAt, version: "retrained-\(index + 1)")
                records.append(outcome.record)
                if outcome.promoted {
                    swaps.append(index + 1)
                    loop = (
                        outcome.candidate, DemandPredictor(model: outcome.candidate, contributions: 0),
                        outcome.corrector
                    )
                }
            }
        }
        return Result(
            pipelines: [
                "shipped model, no feedback", "online correction",
                "online correction + retrain-and-swap",
            ], errors: errors, retrainings: records, swaps: swaps,
            trainingSamples: shipped.count)
    }
}
