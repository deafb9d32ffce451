import ForewarmAnalysis
import ForewarmGateway
import ForewarmModel
import ForewarmStore
import ForewarmTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The learned model and its feedback loop, live in the real gateway on loopback.
@Suite(.serialized)
struct FeedbackLoopTests {
    static let hello = "print('hello')"
    static let heavy = """
        def collatz(n):
            steps = 0
            while n != 1:
                n = n // 2 if n % 2 == 0 else 3 * n + 1
                steps += 1
            return steps
        best = 0
        for i in range(1, 10**7):
            for j in range(100):
                best = max(best, collatz(i * j + 1))
        print(best)
        """

    /// The gateway tests' configuration with its own cgroup prefix: suites run in parallel, and a gateway removes
    /// the cgroups of its prefix when it starts.
    static func configuration(dataDirectory: String) -> GatewayConfiguration {
        var configuration = GatewayTests.configuration(dataDirectory: dataDirectory)
        configuration.cgroupPrefix = "fwfb\(getpid())"
        return configuration
    }

    static func predict(_ client: some TestClientProtocol, _ code: String) async throws -> [String: Any] {
        try await client.execute(
            uri: "/v1/predictions", method: .post, headers: [.contentType: "application/json"],
            body: GatewayTests.body(["language": "python", "code": code])
        ) { response in
            #expect(response.status == .ok)
            return GatewayTests.decode(response.body)["prediction"] as? [String: Any] ?? [:]
        }
    }

    @Test func predictionsComeFromTheLearnedModel() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        var configuration = Self.configuration(dataDirectory: scratch.path)
        configuration.model.feedback = false
        let (app, _) = try await buildApplication(configuration: configuration)
        let shipped = try DemandModel.shipped()
        var direct = DemandPredictor(model: shipped)
        let expected = direct.predict(code: Self.heavy, language: .python)
        let pools = configuration.pools
        try await app.test(.live) { client in
            let light = try await Self.predict(client, Self.hello)
            let heavy = try await Self.predict(client, Self.heavy)
            let lightScore = try #require(light["score"] as? Double)
            let heavyScore = try #require(heavy["score"] as? Double)
            #expect(heavyScore > lightScore + 5, "hello \(lightScore), heavy \(heavyScore)")
            #expect(light["modelVersion"] as? String == shipped.version)
            // The very numbers of the library's predictor on the shipped model (no correction learned yet).
            let p50 = try #require(heavy["cpuSecondsP50"] as? Double)
            #expect(abs(p50 - expected.cpuSecondsP50) <= 1e-9 * expected.cpuSecondsP50)
            #expect(abs(heavyScore - expected.score) < 1e-9)
            #expect((heavy["cpuSecondsP90"] as? Double ?? 0) >= p50)
            #expect((heavy["memoryMB"] as? Double ?? 0) > 0)
            let contributions = heavy["contributions"] as? [[String: Any]] ?? []
            #expect(!contributions.isEmpty)
            #expect(contributions.map { $0["feature"] as? String } == expected.contributions.map(\.feature))
            // The pool follows the configured score ranges.
            let pool = pools.first { $0.contains(score: heavyScore) }?.name
            #expect(heavy["pool"] as? String == pool)
        }
    }

    @Test func aMeasuredRunIsStoredAndCorrectsTheNextPrediction() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        let configuration = Self.configuration(dataDirectory: scratch.path)
        let code = "total = 0\nfor i in range(300000):\n    total += i * i\nprint(total)"
        let (app, gateway) = try await buildApplication(configuration: configuration)
        let instanceType = try await app.test(.live) { client in
            let before = try await Self.predict(client, code)
            let (status, body) = try await GatewayTests.run(client, ["language": "python", "code": code])
            #expect(status == .ok)
            let result = try #require(body["result"] as? [String: Any])
            #expect(result["status"] as? String == "ok")
            let measuredCPU = (result["cpuMs"] as? Double ?? 0) / 1000

            // Stored as a labeled run, with the prediction's features.
            let runs = try gateway.store.recentRuns(limit: 10)
            #expect(runs.count == 1)
            let run = try #require(runs.first)
            #expect(run.sample.id == body["id"] as? String)
            #expect(run.sample.features.count == FeatureExtractor.names.count)
            #expect(abs(run.sample.cpuSeconds - measuredCPU) < 1e-6)
            #expect(run.sample.memoryMB > 0)

            // The next prediction carries the correction, and lands closer to what was measured.
            let after = try await Self.predict(client, code)
            let contributions = after["contributions"] as? [[String: Any]] ?? []
            #expect(contributions.first?["feature"] as? String == "online correction", "\(contributions)")
            #expect(after["machine"] as? String == "local")
            #expect((after["correctionLog10CPU"] as? Double ?? 0) != 0)
            let p50Before = try #require(before["cpuSecondsP50"] as? Double)
            let p50After = try #require(after["cpuSecondsP50"] as? Double)
            #expect(
                abs(log10(p50After) - log10(measuredCPU)) < abs(log10(p50Before) - log10(measuredCPU)),
                "before \(p50Before), after \(p50After), measured \(measuredCPU)")
            // A failed run teaches nothing.
            _ = try await GatewayTests.run(client, ["language": "python", "code": "raise SystemExit(3)"])
            #expect(try gateway.store.observedRunCount() == 1)
            return run.instanceType
        }
        // A restarted gateway rebuilds the correction from the stored runs.
        let (_, restarted) = try await buildApplication(configuration: configuration)
        #expect(restarted.model.corrector.offset(language: .python, instanceType: instanceType).cpu != 0)
    }

    @Test func retrainsInTheBackgroundAndKeepsTheVersions() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        var configuration = Self.configuration(dataDirectory: scratch.path)
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ForewarmModelTests/Fixtures").path
        configuration.model.trainingData = [fixtures, "/nonexistent/corpus"]
        configuration.model.retrainEverySamples = 4
        configuration.model.retrainMinimumNewSamples = 4
        configuration.model.retrainTrees = 20
        let (app, gateway) = try await buildApplication(configuration: configuration)
        try await app.test(.live) { client in
            for n in [1000, 20000, 50000, 100000] {
                let (_, body) = try await GatewayTests.run(
                    client, ["language": "python", "code": "print(sum(i * i for i in range(\(n))))"])
                #expect((body["result"] as? [String: Any])?["status"] as? String == "ok")
            }
            let deadline = Date().addingTimeInterval(120)
            while gateway.retrainer.retrainings == 0 && Date() < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(gateway.retrainer.retrainings == 1)
        }
        let records = try gateway.store.modelRecords()
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.version.hasPrefix("local-"))
        #expect(record.trainingSamples > 36)  // the fixture corpus plus the local runs
        #expect(record.holdoutMAE.isFinite && record.servingMAE.isFinite)
        if record.promoted {
            #expect(gateway.model.model.version == record.version)
            #expect(try gateway.store.servingModel()?.version == record.version)
        } else {
            #expect(gateway.model.model.version == (try DemandModel.shipped()).version)
        }
    }

    @Test func concurrentPredictionsMatchSequentialOnes() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        var configuration = Self.configuration(dataDirectory: scratch.path)
        configuration.prewarm = false
        let (_, gateway) = try await buildApplication(configuration: configuration)
        let codes = [
            Self.hello, Self.heavy, "puts (1..10**6).sum", "console.log([...Array(1e5).keys()].length)",
            "#include <stdio.h>\nint main(void) { for (long i = 0; i < 100000000; i++); puts(\"x\"); }",
            "my %h; $h{$_}++ for 1..100000; print scalar(keys %h), \"\\n\";",
        ]
        let model = gateway.model
        let expected = codes.map { model.predict(code: $0, language: nil).prediction }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<20 {
                        let index = (worker + round) % codes.count
                        if model.predict(code: codes[index], language: nil).prediction != expected[index] { wrong += 1 }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
