import ForewarmGateway
import ForewarmTestSupport
import Foundation
import Testing

/// The `model` section of the gateway's configuration: file, then environment, and clear errors.
struct ModelConfigurationTests {
    @Test func fileThenEnvironment() throws {
        let json = #"{"model": {"retrainEverySamples": 40, "trainingData": ["/a"], "machine": "rack-7"}}"#
        let scratch = try ScratchDirectory(prefix: "fw-model", files: ["config.json": json])
        defer { scratch.remove() }
        let configuration = try GatewayConfiguration.load(
            file: scratch.path("config.json"),
            environment: [
                "FOREWARM_TRAINING_DATA": "/b:/c", "FOREWARM_RETRAIN_INTERVAL": "600", "FOREWARM_FEEDBACK": "0",
            ])
        #expect(configuration.model.retrainEverySamples == 40)
        #expect(configuration.model.trainingData == ["/b", "/c"])
        #expect(configuration.model.retrainIntervalSeconds == 600)
        #expect(configuration.model.feedback == false)
        #expect(configuration.model.machine == "rack-7")
        #expect(configuration.model.retrainMinimumNewSamples == 50)  // untouched keys keep their defaults
        #expect(configuration.pools.count == 3)
    }

    @Test func badSettingsAreRefused() throws {
        #expect(throws: ConfigurationError.self) {
            try GatewayConfiguration.load(file: nil, environment: ["FOREWARM_RETRAIN_EVERY": "0"])
        }
        var configuration = GatewayConfiguration()
        configuration.model.retrainIntervalSeconds = 0
        #expect(throws: ConfigurationError.self) { try configuration.validate() }
    }

    @Test func aMissingModelFileStopsTheStartWithItsPath() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        var configuration = FeedbackLoopTests.configuration(dataDirectory: scratch.path)
        configuration.model.modelPath = "/nonexistent/model.json"
        await #expect {
            _ = try await buildApplication(configuration: configuration)
        } throws: { error in
            "\(error)".contains("/nonexistent/model.json")
        }
    }
}
