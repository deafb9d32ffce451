import Foundation

/// One retraining: train a candidate on the shipped samples plus local history (all but the most recent slice),
/// score candidate and serving model on the held-back recent slice, and promote the candidate only if it is not
/// worse. Pure: the gateway runs it in the background and stores the outcome.
public struct Retraining: Sendable {
    public var parameters = BoostingParameters()
    /// Fraction of the history (its newest runs) held back to judge the candidate.
    public var holdoutFraction = 0.2
    public var minimumHoldout = 20
    /// Each local run counts this many times in training, so the local machine and workload outweigh the
    /// shipped corpus where they disagree.
    public var localWeight = 3
    /// The candidate may be this much worse (MAE log10) and still be promoted; 0: not worse.
    public var tolerance = 0.0
    public var correction = ResidualTracker.Configuration()

    public init() {}

    public struct Outcome: Sendable {
        public var candidate: DemandModel
        public var record: ModelRecord
        /// The corrector to serve with the winner, rebuilt from the history against it.
        public var corrector: ResidualTracker
        public var promoted: Bool { record.promoted }
    }

    /// Runs one retraining. `history` is oldest first.
    public func run(
        serving: DemandModel, shipped: [LabeledSample], history: [ObservedRun], now: Date = Date(),
        version: String
    ) -> Outcome {
        let holdoutCount = min(history.count / 2, max(minimumHoldout, Int(Double(history.count) * holdoutFraction)))
        let recent = Array(history.suffix(holdoutCount))
        let older = Array(history.dropLast(holdoutCount))
        var training = shipped
        for run in older {
            for _ in 0..<max(1, localWeight) { training.append(run.sample) }
        }
        let candidate = DemandModel.train(training, parameters: parameters, version: version)
        let servingScore = score(serving, replay: older, holdout: recent)
        let candidateScore = score(candidate, replay: older, holdout: recent)
        let promoted = candidateScore.mae <= servingScore.mae + tolerance
        let winner = promoted ? candidate : serving
        let record = ModelRecord(
            version: version, trainedAt: now, trainingSamples: training.count,
            holdoutMAE: candidateScore.mae, servingMAE: servingScore.mae, promoted: promoted)
        return Outcome(candidate: candidate, record: record, corrector: corrector(for: winner, replaying: history))
    }

    /// MAE of log10 CPU of the corrected pipeline on `holdout`, its corrector warmed on `replay`.
    func score(_ model: DemandModel, replay: [ObservedRun], holdout: [ObservedRun]) -> (mae: Double, count: Int) {
        let tracker = corrector(for: model, replaying: replay)
        let predictor = DemandPredictor(model: model, contributions: 0)
        var total = 0.0
        for run in holdout {
            let raw = predictor.predict(features: run.sample.features, language: run.sample.language)
            let corrected = tracker.correct(raw, instanceType: run.instanceType)
            total += abs(log10(corrected.cpuSecondsP50) - run.sample.cpuLog10)
        }
        return (holdout.isEmpty ? 0 : total / Double(holdout.count), holdout.count)
    }

    /// A fresh corrector fed `runs` against `model`.
    public func corrector(for model: DemandModel, replaying runs: [ObservedRun]) -> ResidualTracker {
        var tracker = ResidualTracker(configuration: correction)
        let predictor = DemandPredictor(model: model, contributions: 0)
        for run in runs {
            let raw = predictor.predict(features: run.sample.features, language: run.sample.language)
            tracker.observe(
                language: run.sample.language, instanceType: run.instanceType, predicted: raw,
                measuredCPUSeconds: run.sample.cpuSeconds, measuredMemoryMB: run.sample.memoryMB)
        }
        return tracker
    }
}
