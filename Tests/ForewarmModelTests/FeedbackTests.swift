import ForewarmAnalysis
import ForewarmDatasets
import ForewarmModel
import Foundation
import Testing

@Suite struct FeedbackTests {
    static func prediction(_ language: Language, cpu: Double, memory: Double = 10) -> Prediction {
        Prediction(
            language: language, score: ComplexityScore.score(cpuSeconds: cpu), cpuSecondsP50: cpu,
            cpuSecondsP90: cpu * 2, memoryMB: memory, heavyProbability: 0, contributions: [])
    }

    @Test func trackerLearnsAThreefoldSlowdown() {
        var tracker = ResidualTracker()
        let predicted = Self.prediction(.python, cpu: 0.1)
        for _ in 0..<60 {
            tracker.observe(
                language: .python, instanceType: "slow", predicted: predicted, measuredCPUSeconds: 0.3,
                measuredMemoryMB: 10)
        }
        let corrected = tracker.correct(predicted, instanceType: "slow")
        #expect(abs(corrected.cpuSecondsP50 - 0.3) < 0.01)
        #expect(abs(corrected.cpuSecondsP90 - 0.6) < 0.02)
        #expect(corrected.score > predicted.score)
        #expect(corrected.contributions.first?.feature == "online correction")
        // Other instance types are untouched; other languages borrow the machine-wide bias.
        #expect(tracker.correct(predicted, instanceType: "fast") == predicted)
        let ruby = tracker.correct(Self.prediction(.ruby, cpu: 0.1), instanceType: "slow")
        #expect(abs(ruby.cpuSecondsP50 - 0.3) < 0.01)
    }

    @Test func trackerForgetsOldBias() {
        var tracker = ResidualTracker()
        let predicted = Self.prediction(.go, cpu: 0.01)
        for _ in 0..<100 {
            tracker.observe(
                language: .go, instanceType: "m", predicted: predicted, measuredCPUSeconds: 0.1,
                measuredMemoryMB: 10)
        }
        for _ in 0..<150 {
            tracker.observe(
                language: .go, instanceType: "m", predicted: predicted, measuredCPUSeconds: 0.01,
                measuredMemoryMB: 10)
        }
        #expect(abs(tracker.offset(language: .go, instanceType: "m").cpu) < 0.01)
    }

    @Test func scheduleFiresEveryNSamplesOrAfterTheInterval() {
        let start = Date(timeIntervalSince1970: 0)
        var schedule = RetrainSchedule(everySamples: 10, interval: 60, minimumNewSamples: 3, start: start)
        for index in 0..<9 { #expect(schedule.runRecorded(at: start.addingTimeInterval(Double(index))) == .none) }
        #expect(schedule.runRecorded(at: start.addingTimeInterval(9)) == .startRetraining)
        // While running, no second retraining starts.
        #expect(schedule.runRecorded(at: start.addingTimeInterval(10)) == .none)
        schedule.retrainFinished(at: start.addingTimeInterval(20))
        #expect(schedule.tick(at: start.addingTimeInterval(200)) == .none)  // no new samples
        for index in 0..<3 { _ = schedule.runRecorded(at: start.addingTimeInterval(30 + Double(index))) }
        #expect(schedule.tick(at: start.addingTimeInterval(81)) == .startRetraining)
    }

    /// The loop on the fixture programs: a 3× slower machine, runs replayed twice; the corrected pipeline's error
    /// on the second pass is well below the static model's.
    @Test func correctionReducesErrorOnASlowMachine() throws {
        let samples = Datasets.samples(try Datasets.load([FixtureTrainingTests.fixtures]))
        let model = DemandModel.train(samples, parameters: FixtureTrainingTests.small)
        let predictor = DemandPredictor(model: model, contributions: 0)
        var tracker = ResidualTracker()
        var staticError = 0.0
        var correctedError = 0.0
        for pass in 0..<2 {
            for sample in samples {
                let truth = log10(max(sample.cpuSeconds * 3, 1e-4))
                let raw = predictor.predict(features: sample.features, language: sample.language)
                let corrected = tracker.correct(raw, instanceType: "slow")
                if pass == 1 {
                    staticError += abs(log10(raw.cpuSecondsP50) - truth)
                    correctedError += abs(log10(corrected.cpuSecondsP50) - truth)
                }
                tracker.observe(
                    language: sample.language, instanceType: "slow", predicted: raw,
                    measuredCPUSeconds: sample.cpuSeconds * 3, measuredMemoryMB: sample.memoryMB)
            }
        }
        #expect(correctedError < staticError * 0.8)
    }

    @Test func retrainingPromotesOnlyACandidateThatIsNotWorse() async throws {
        let samples = Datasets.samples(try Datasets.load([FixtureTrainingTests.fixtures]))
        var retraining = Retraining()
        retraining.parameters = FixtureTrainingTests.small
        retraining.minimumHoldout = 6
        let serving = DemandModel.train(samples, parameters: FixtureTrainingTests.small, version: "serving")
        let start = Date(timeIntervalSince1970: 0)
        let history = (samples + samples).enumerated().map { index, sample in
            var slow = sample
            slow.cpuSeconds *= 3
            return ObservedRun(sample: slow, instanceType: "slow", finishedAt: start.addingTimeInterval(Double(index)))
        }
        let outcome = retraining.run(
            serving: serving, shipped: samples, history: history, now: start,
            version: "candidate")
        #expect(outcome.record.promoted == (outcome.record.holdoutMAE <= outcome.record.servingMAE))
        #expect(outcome.record.trainingSamples > samples.count)
        // A tolerance of -∞ never promotes.
        retraining.tolerance = -.infinity
        let refused = retraining.run(serving: serving, shipped: samples, history: history, now: start, version: "no")
        #expect(!refused.promoted)

        let store = InMemoryModelHistory()
        for run in history { try await store.record(run) }
        try await store.record(model: outcome.candidate, as: outcome.record)
        try await store.record(model: refused.candidate, as: refused.record)
        #expect(try await store.recentRuns(limit: 5).count == 5)
        #expect(try await store.modelRecords().map(\.version) == ["candidate", "no"])
        let servingNow = try await store.servingModel()
        #expect((servingNow?.version == "candidate") == outcome.promoted)
    }

    @Test func adaptivePredictorLearnsRetrainsAndSwaps() throws {
        let samples = Datasets.samples(try Datasets.load([FixtureTrainingTests.fixtures]))
        let model = DemandModel.train(samples, parameters: FixtureTrainingTests.small, version: "v1")
        let start = Date(timeIntervalSince1970: 0)
        var adaptive = AdaptivePredictor(
            model: model,
            schedule: RetrainSchedule(everySamples: 30, interval: 3600, minimumNewSamples: 10, start: start))
        let code = Array("s = 0\nfor i in range(1000):\n    s += i\nprint(s)\n".utf8)
        let before = adaptive.predict(code: code, language: .python, instanceType: "slow")
        var history: [ObservedRun] = []
        var due = false
        for (index, sample) in samples.enumerated() {
            var slow = sample
            slow.cpuSeconds *= 3
            let run = ObservedRun(
                sample: slow, instanceType: "slow", finishedAt: start.addingTimeInterval(Double(index)))
            history.append(run)
            if adaptive.observe(run) == .startRetraining { due = true }
        }
        #expect(due)
        let after = adaptive.predict(code: code, language: .python, instanceType: "slow")
        #expect(after.prediction.cpuSecondsP50 > before.prediction.cpuSecondsP50 * 1.5)
        #expect(after.features == before.features)

        var retraining = Retraining()
        retraining.parameters = FixtureTrainingTests.small
        retraining.minimumHoldout = 6
        retraining.tolerance = .infinity  // always promote, to see the swap
        let outcome = retraining.run(
            serving: adaptive.model, shipped: samples, history: history, now: start, version: "v2")
        adaptive.adopt(outcome, at: start.addingTimeInterval(100))
        #expect(adaptive.model.version == "v2")
    }
}
