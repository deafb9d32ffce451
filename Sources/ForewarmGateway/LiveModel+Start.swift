import ForewarmModel
import ForewarmStore
import Foundation
import Logging

extension LiveModel {
    /// The model the gateway starts with — the configured file, else the last promoted model in the history,
    /// else the shipped default — and its online correction rebuilt from the most recent stored runs, so learning
    /// survives restarts.
    static func start(configuration: GatewayConfiguration, store: HistoryStore, logger: Logger) throws -> LiveModel {
        let settings = configuration.model
        let model: DemandModel
        if let path = settings.modelPath {
            do {
                model = try DemandModel.load(path: path)
            } catch {
                throw ConfigurationError("model: \(error)")
            }
        } else {
            var promoted: DemandModel?
            do {
                promoted = try store.servingModel()
            } catch let error as ModelError {
                logger.warning(
                    "the promoted model in the history no longer fits this build, serving the shipped one: \(error)")
            }
            model = try promoted ?? DemandModel.shipped()
        }
        let runs = settings.feedback && settings.replayRuns > 0 ? try store.recentRuns(limit: settings.replayRuns) : []
        let corrector = Retraining().corrector(for: model, replaying: runs)
        let schedule = RetrainSchedule(
            everySamples: settings.retrainEverySamples, interval: settings.retrainIntervalSeconds,
            minimumNewSamples: settings.retrainMinimumNewSamples)
        logger.info("serving model \(model.version); online correction rebuilt from \(runs.count) stored runs")
        return LiveModel(
            adaptive: AdaptivePredictor(model: model, corrector: corrector, schedule: schedule),
            pools: configuration.pools, machine: settings.machine)
    }
}
