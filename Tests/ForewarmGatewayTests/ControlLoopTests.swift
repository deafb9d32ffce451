import ForewarmGateway
import ForewarmStore
import ForewarmTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The resource-allocation controller live in the real gateway: a burst of requests makes it raise the pool's
/// warm target (per language, never below the floors), and every directive lands in the history with its reason.
@Suite(.serialized)
struct ControlLoopTests {
    static func configuration(dataDirectory: String, policy: String) -> GatewayConfiguration {
        var configuration = GatewayTests.configuration(dataDirectory: dataDirectory)
        configuration.cgroupPrefix = "fwcl\(getpid())"
        configuration.controller = ControllerConfiguration(policy: policy, controlPeriodSeconds: 0.25)
        configuration.model.feedback = false
        return configuration
    }

    static func targets(_ client: some TestClientProtocol) async throws -> [String: [String: Int]] {
        try await client.execute(uri: "/v1/pools", method: .get) { response in
            let pools = GatewayTests.decode(response.body)["pools"] as? [[String: Any]] ?? []
            var result: [String: [String: Int]] = [:]
            for pool in pools {
                result[pool["name"] as? String ?? "?"] = pool["minWarm"] as? [String: Int] ?? [:]
            }
            return result
        }
    }

    /// With either demand forecaster: simple exponential smoothing, or the model each series chooses by backtest.
    @Test(arguments: ControllerConfiguration.forecastModels)
    func aBurstRaisesTheWarmTargetAndEveryDirectiveIsRecorded(forecastModel: String) async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        // No warm floors: every instance the pools keep warm is one the controller asked for.
        let configuration = {
            var configuration = Self.configuration(dataDirectory: scratch.path, policy: "forewarm")
            configuration.controller.forecastModel = forecastModel
            for index in configuration.pools.indices { configuration.pools[index].minWarm = [:] }
            return configuration
        }()
        let (app, gateway) = try await buildApplication(configuration: configuration)
        try await app.test(.live) { client in
            let before = try await Self.targets(client)
            #expect(before.values.allSatisfy { $0.values.allSatisfy { $0 == 0 } })
            // A burst: 24 runs of ≈ 0.1 s CPU each, 8 at a time.
            for _ in 0..<3 {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for i in 0..<8 {
                        group.addTask {
                            let (status, _) = try await GatewayTests.run(
                                client,
                                [
                                    "language": "python",
                                    "code": "t = 0\nfor k in range(400000):\n    t += k * \(i)\nprint(t)",
                                ])
                            #expect(status == .ok)
                        }
                    }
                    try await group.waitForAll()
                }
            }
            var directives: [DirectiveRecord] = []
            let floors = configuration.pools.reduce(into: [String: Int]()) {
                $0[$1.name] = $1.minWarm.values.reduce(0, +)
            }
            // A directive that raised some pool's warm floors, summed over languages, above the configured ones.
            func raises(_ d: DirectiveRecord) -> Bool {
                let applied = (try? JSONDecoder().decode([String: Int].self, from: Data(d.languages.utf8))) ?? [:]
                return applied.values.reduce(0, +) > floors[d.pool] ?? 0
            }
            for _ in 0..<80 where !directives.contains(where: raises) {
                try await Task.sleep(for: .milliseconds(100))
                directives = try gateway.store.directives(limit: 50)
            }
            let raised = try #require(
                directives.first(where: raises),
                "\(directives.map { "\($0.pool) \($0.action) \($0.instances): \($0.reason)" })")
            #expect(raised.policy == "forewarm")
            #expect(raised.reason.contains("arrivals"), "reason: \(raised.reason)")
            #expect(raised.languages.contains("python"))
            let after = try await Self.targets(client)
            let pool = raised.pool
            // Whatever the controller did since, it never lowered a pool below its configured floors.
            for (language, floor) in configuration.pools.first(where: { $0.name == pool })?.minWarm ?? [:] {
                #expect((after[pool]?[language] ?? 0) >= floor)
            }
        }
    }

    @Test func aGatewayWithOnePoolStillServesWhenThePolicyPlansThree() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        var configuration = Self.configuration(dataDirectory: scratch.path, policy: "forewarm")
        configuration.pools = [configuration.pools[0]]
        configuration.pools[0].maxScore = 100
        let (app, _) = try await buildApplication(configuration: configuration)
        try await app.test(.live) { client in
            let (status, body) = try await GatewayTests.run(client, ["language": "python", "code": "print(7)"])
            #expect(status == .ok)
            #expect((body["result"] as? [String: Any])?["stdout"] as? String == "7\n")
        }
    }

    @Test func anUnknownPolicyIsAConfigurationError() throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        var configuration = Self.configuration(dataDirectory: scratch.path, policy: "nope")
        #expect(throws: (any Error).self) { try configuration.validate() }
        configuration.controller = ControllerConfiguration(policy: "oracle")
        #expect(throws: (any Error).self) { try configuration.validate() }
        configuration.controller = ControllerConfiguration(policy: "kpa", controlPeriodSeconds: 0)
        #expect(throws: (any Error).self) { try configuration.validate() }
        configuration.controller = ControllerConfiguration(policy: "keepalive-2h")
        try configuration.validate()  // any keep-alive up to a day runs live
        configuration.controller = ControllerConfiguration(policy: "keepalive-2d")
        #expect(throws: (any Error).self) { try configuration.validate() }
        let environment = ["FOREWARM_CONTROLLER_POLICY": "threshold", "FOREWARM_CONTROL_PERIOD": "2.5"]
        let loaded = try GatewayConfiguration.load(file: nil, environment: environment)
        #expect(loaded.controller == ControllerConfiguration(policy: "threshold", controlPeriodSeconds: 2.5))
        #expect(throws: (any Error).self) {
            try GatewayConfiguration.load(file: nil, environment: ["FOREWARM_CONTROL_PERIOD": "soon"])
        }
        configuration.controller = ControllerConfiguration(policy: "forewarm", forecastModel: "arima")
        #expect(throws: (any Error).self) { try configuration.validate() }
        let auto = try GatewayConfiguration.load(file: nil, environment: ["FOREWARM_FORECAST_MODEL": "auto"])
        #expect(auto.controller.forecastModel == "auto")
        let decoded = try JSONDecoder().decode(
            ControllerConfiguration.self, from: Data(#"{"policy": "forewarm", "forecastModel": "auto"}"#.utf8))
        #expect(decoded == ControllerConfiguration(policy: "forewarm", forecastModel: "auto"))
    }
}
