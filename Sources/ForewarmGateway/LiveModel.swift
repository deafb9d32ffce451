import ForewarmAnalysis
import ForewarmModel
import ForewarmPools
import Foundation
import Synchronization

/// The learned demand model as the gateway serves it: an ``AdaptivePredictor`` (model, online correction, retrain
/// schedule) behind a `Mutex`, with a few analyzers lent out per request.
///
/// The lock is held only to take or return an analyzer, to copy the current predictor and corrector (reference
/// counts, no data), and to learn from a run; analysis, features and the trees run outside it, so predictions on
/// different requests proceed in parallel.
public final class LiveModel: Sendable {
    struct State: Sendable {
        var adaptive: AdaptivePredictor
        /// Scratch analyzers (their tables grow once and are reused).
        var analyzers: [Analyzer] = []
    }

    private let state: Mutex<State>
    private let extractor = FeatureExtractor()
    let pools: [PoolConfiguration]
    /// The machine whose correction applies (``ModelConfiguration/machine``).
    public let machine: String
    static let spareAnalyzers = 8

    init(adaptive: AdaptivePredictor, pools: [PoolConfiguration], machine: String) {
        state = Mutex(State(adaptive: adaptive))
        self.pools = pools
        self.machine = machine
    }

    /// One prediction with what the request path needs besides it.
    public struct Live: Sendable {
        /// Corrected for the machine.
        public var prediction: ForewarmModel.Prediction
        /// The feature vector, stored with the run so it can be learned from.
        public var features: [Double]
        public var metrics: FileMetrics
        /// The home pool of the corrected score.
        public var pool: String
        /// log10 CPU shift of the online correction (0 when none).
        public var correctionLog10CPU: Double
        /// The machine whose correction was applied.
        public var machine: String
        public var modelVersion: String
    }

    /// Predicts `code` (analysis, features, trees, correction) and picks its pool by the configured score ranges.
    public func predict(code: String, language: Language?, input: RequestInput = .none) -> Live {
        var analyzer = state.withLock { $0.analyzers.popLast() } ?? Analyzer()
        let bytes = Array(code.utf8)
        let (metrics, features) = bytes.withUnsafeBufferPointer { buffer in
            let metrics = analyzer.analyze(buffer, language: language)
            return (metrics, extractor.features(metrics, source: buffer, input: input))
        }
        let (predictor, corrector) = state.withLock { state in
            if state.analyzers.count < Self.spareAnalyzers { state.analyzers.append(analyzer) }
            return (state.adaptive.predictor, state.adaptive.corrector)
        }
        let raw = predictor.predict(features: features, language: metrics.language)
        let corrected = corrector.correct(raw, instanceType: machine)
        let shift = corrector.offset(language: metrics.language, instanceType: machine).cpu
        return Live(
            prediction: corrected, features: features, metrics: metrics, pool: homePool(score: corrected.score).name,
            correctionLog10CPU: shift, machine: machine, modelVersion: predictor.model.version)
    }

    private func homePool(score: Double) -> PoolConfiguration {
        PoolRouter().homePool(score: score, pools: pools) ?? pools[0]
    }

    /// Learns from one measured run (its `instanceType` names the machine it ran on); the correction applies from
    /// the next prediction. Says whether a retraining is due.
    public func observe(_ run: ObservedRun) -> RetrainSchedule.Action {
        state.withLock { $0.adaptive.observe(run) }
    }

    /// A timer tick for the retrain interval.
    func tick(at now: Date) -> RetrainSchedule.Action {
        state.withLock { $0.adaptive.tick(at: now) }
    }

    /// Takes a finished retraining (swaps model and corrector if the candidate was promoted).
    func adopt(_ outcome: Retraining.Outcome, at now: Date) {
        state.withLock { $0.adaptive.adopt(outcome, at: now) }
    }

    func retrainAbandoned(at now: Date) {
        state.withLock { $0.adaptive.retrainAbandoned(at: now) }
    }

    /// The model serving now.
    public var model: DemandModel { state.withLock { $0.adaptive.model } }

    /// The online correction now.
    public var corrector: ResidualTracker { state.withLock { $0.adaptive.corrector } }
}
