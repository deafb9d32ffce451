import Metrics

extension GatewayMetrics {
    /// A measured run the model learned from, and how far its (corrected) prediction was from it, in decades.
    func learned(language: String, pool: String, absoluteLog10Error: Double) {
        Counter(label: "forewarm_observed_runs_total", dimensions: [("language", language)], factory: factory)
            .increment()
        Recorder(
            label: "forewarm_prediction_error_log10", dimensions: [("pool", pool)], aggregate: true, factory: factory
        ).record(absoluteLog10Error)
    }

    /// A finished background retraining.
    func retrained(promoted: Bool) {
        Counter(
            label: "forewarm_model_retrainings_total", dimensions: [("outcome", promoted ? "promoted" : "kept")],
            factory: factory
        ).increment()
    }
}
