import ForewarmAnalysis
import Foundation

/// The serving side of the feedback loop in one value, for the gateway: predicts with the current model plus the
/// online correction, learns from every measured run at once, says when a background retraining is due, and adopts
/// its outcome. The gateway wraps it in an actor; the retraining itself (``Retraining``) runs outside it.
public struct AdaptivePredictor: Sendable {
    public private(set) var predictor: DemandPredictor
    public private(set) var corrector: ResidualTracker
    public private(set) var schedule: RetrainSchedule
    private let extractor = FeatureExtractor()
    private var analyzer = Analyzer()

    public init(
        model: DemandModel, correction: ResidualTracker.Configuration = .init(),
        schedule: RetrainSchedule = RetrainSchedule()
    ) {
        predictor = DemandPredictor(model: model)
        corrector = ResidualTracker(configuration: correction)
        self.schedule = schedule
    }

    /// Resumes serving after a restart: `corrector` rebuilt from the stored history (see
    /// ``Retraining/corrector(for:replaying:)``), so the correction does not start from zero.
    public init(model: DemandModel, corrector: ResidualTracker, schedule: RetrainSchedule = RetrainSchedule()) {
        predictor = DemandPredictor(model: model)
        self.corrector = corrector
        self.schedule = schedule
    }

    public var model: DemandModel { predictor.model }

    /// A timer tick, so the interval triggers a retraining even when runs are rare.
    public mutating func tick(at now: Date) -> RetrainSchedule.Action { schedule.tick(at: now) }

    /// A retraining that was started could not finish (its data could not be read): the schedule may start
    /// another later; model and corrector stay.
    public mutating func retrainAbandoned(at now: Date) { schedule.retrainFinished(at: now) }

    /// A corrected prediction for `code` on `instanceType`, with the feature vector to store beside the run (so the
    /// run can later be learned from).
    public mutating func predict(
        code: [UInt8], language: Language? = nil, input: RequestInput = .none,
        instanceType: String
    ) -> (prediction: Prediction, features: [Double]) {
        let (metrics, features) = code.withUnsafeBufferPointer { buffer in
            let metrics = analyzer.analyze(buffer, language: language)
            return (metrics, extractor.features(metrics, source: buffer, input: input))
        }
        let raw = predictor.predict(features: features, language: metrics.language)
        return (corrector.correct(raw, instanceType: instanceType), features)
    }

    /// Learns from one measured run (the correction applies from the next prediction on).
    public mutating func observe(_ run: ObservedRun) -> RetrainSchedule.Action {
        let raw = predictor.predict(features: run.sample.features, language: run.sample.language)
        corrector.observe(
            language: run.sample.language, instanceType: run.instanceType, predicted: raw,
            measuredCPUSeconds: run.sample.cpuSeconds, measuredMemoryMB: run.sample.memoryMB)
        return schedule.runRecorded(at: run.finishedAt)
    }

    /// Takes a finished retraining: swaps model and corrector if the candidate was promoted.
    public mutating func adopt(_ outcome: Retraining.Outcome, at now: Date) {
        schedule.retrainFinished(at: now)
        guard outcome.promoted else { return }
        predictor = DemandPredictor(model: outcome.candidate, contributions: predictor.topContributions)
        corrector = outcome.corrector
    }
}
