import ForewarmModel
import Foundation
import Testing

@Suite struct BoostingTests {
    /// y = 2·[x0 > 0.5] + x1 with a little noise: trees must find the step and the slope.
    static func data(_ n: Int, seed: UInt64) -> (x: [[Double]], y: [Double]) {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var x: [[Double]] = []
        var y: [Double] = []
        for _ in 0..<n {
            let row = [next(), next(), next()]
            x.append(row)
            y.append((row[0] > 0.5 ? 2 : 0) + row[1] + 0.1 * (next() - 0.5))
        }
        return (x, y)
    }

    @Test func squaredErrorLearnsAStepAndASlope() {
        let train = Self.data(600, seed: 1)
        let test = Self.data(200, seed: 2)
        let model = GradientBoosting.fit(train.x, train.y)
        let mse = zip(test.x, test.y).reduce(0) { $0 + pow(model.predict($1.0) - $1.1, 2) } / 200
        #expect(mse < 0.05)
    }

    @Test func quantileLossCoversItsQuantile() {
        let train = Self.data(800, seed: 3)
        let test = Self.data(400, seed: 4)
        let model = GradientBoosting.fit(train.x, train.y, loss: .quantile(0.9))
        let covered = zip(test.x, test.y).filter { model.predict($0.0) >= $0.1 }.count
        #expect(covered > 300 && covered < 390)
    }

    @Test func logisticLossSeparatesClasses() {
        let train = Self.data(600, seed: 5)
        let test = Self.data(200, seed: 6)
        let model = GradientBoosting.fit(train.x, train.y.map { $0 > 2 ? 1 : 0 }, loss: .logistic)
        let auc = RankMetrics.auc(scores: test.x.map(model.predict), labels: test.y.map { $0 > 2 })
        #expect((auc ?? 0) > 0.9)
    }

    @Test func heavyProbabilityGainsOneUnitOfLogOddsPerDecadeOfP90() throws {
        let model = try DemandModel.shipped()
        #expect(model.parameters.heavyP90Weight == 1)
        #expect(abs(model.heavyProbability(odds: 0, cpuP90Log10: 0) - 0.5) < 1e-12)  // p90 = 1 s: the odds alone
        #expect(abs(model.heavyProbability(odds: 0, cpuP90Log10: 1) - 1 / (1 + exp(-1))) < 1e-12)
        #expect(model.heavyProbability(odds: -2, cpuP90Log10: -2) < model.heavyProbability(odds: -2, cpuP90Log10: -1))
        // A file written before the p90 term existed keeps ranking by the classifier alone.
        let old = try JSONDecoder().decode(BoostingParameters.self, from: Data(#"{"trees": 300}"#.utf8))
        #expect(old.heavyP90Weight == 0)
        #expect(BoostingParameters().heavyP90Weight == 1)
    }

    @Test func heavyLabelsAreSoftAroundTheThresholds() throws {
        func run(cpu: Double, memory: Double = 50, limit: Bool = false) -> LabeledSample {
            LabeledSample(
                id: "p", group: "t", language: .python, features: [], cpuSeconds: cpu, memoryMB: memory,
                hitCPULimit: limit, source: "test")
        }
        // Hard labels: the class itself.
        #expect(run(cpu: 0.9).heavyLabel(width: 0) == 0)
        #expect(run(cpu: 1.0).heavyLabel(width: 0) == 1)
        // Soft: ½ at the threshold, 0.18 / 0.82 half a decade (×0.5 / ×2) either side at width 0.2.
        #expect(abs(run(cpu: 1.0).heavyLabel(width: 0.2) - 0.5) < 1e-12)
        #expect(abs(run(cpu: 0.5).heavyLabel(width: 0.2) - 0.1817) < 1e-4)
        #expect(abs(run(cpu: 2.0).heavyLabel(width: 0.2) - 0.8183) < 1e-4)
        #expect(run(cpu: 0.01, memory: 5).heavyLabel(width: 0.2) < 1e-4)
        #expect(abs(run(cpu: 0.01, memory: 50).heavyLabel(width: 0.2) - 0.0064) < 1e-4)  // 1 decade under 512 MB
        // Memory counts like CPU (the nearer of the two decides); the CPU limit is always 1.
        #expect(abs(run(cpu: 0.01, memory: 1024).heavyLabel(width: 0.2) - 0.8183) < 1e-4)
        #expect(run(cpu: 0.01, memory: 0).heavyLabel(width: 0.2) < 1e-4)  // memory not measured: CPU alone
        #expect(run(cpu: 0.2, limit: true).heavyLabel(width: 0.2) == 1)
        // A NaN measurement falls back to the hard label.
        #expect(run(cpu: .nan).heavyLabel(width: 0.2) == 0)
        #expect(run(cpu: .nan, memory: 1024).heavyLabel(width: 0.2) == 1)
        #expect(run(cpu: 0.01, memory: .nan).heavyLabel(width: 0.2) < 1e-4)  // NaN memory counts as unmeasured
        #expect(run(cpu: .infinity).heavyLabel(width: 0.2) == 1)
        // Monotone in CPU time.
        let labels = [0.1, 0.3, 0.9, 1.1, 3, 9].map { run(cpu: $0).heavyLabel(width: 0.2) }
        #expect(labels == labels.sorted())
        // Files written before soft labels keep their hard ones on retraining; new models use 0.2.
        let old = try JSONDecoder().decode(BoostingParameters.self, from: Data(#"{"trees": 300}"#.utf8))
        #expect(old.heavySoftness == 0)
        #expect(try DemandModel.shipped().parameters.heavySoftness == 0.2)
    }

    @Test func logisticLossLearnsSoftTargets() {
        // Targets 0.2 below x0 = 0.5 and 0.8 above: the fitted probabilities land near them, not at 0 or 1.
        let train = Self.data(800, seed: 9)
        let model = GradientBoosting.fit(train.x, train.x.map { $0[0] > 0.5 ? 0.8 : 0.2 }, loss: .logistic)
        let low = 1 / (1 + exp(-model.predict([0.2, 0.5, 0.5])))
        let high = 1 / (1 + exp(-model.predict([0.8, 0.5, 0.5])))
        #expect(abs(low - 0.2) < 0.05)
        #expect(abs(high - 0.8) < 0.05)
    }

    @Test func contributionsAddUpToThePrediction() {
        let train = Self.data(300, seed: 7)
        let model = GradientBoosting.fit(train.x, train.y)
        let x = [0.9, 0.3, 0.5]
        let sum =
            model.contributions(x, features: 3).reduce(0, +) + model.base
            + model.trees.reduce(0) { $0 + $1.value[0] }
        #expect(abs(sum - model.predict(x)) < 1e-6)
        let contributions = model.contributions(x, features: 3)
        #expect(contributions[0] > abs(contributions[2]))
    }

    @Test func ridgeFitsALine() {
        let x = (0..<50).map { [Double($0), 1.0] }
        let y = x.map { 3 * $0[0] + 1 }
        let ridge = RidgeRegression.fit(x, y, lambda: 0)
        #expect(abs(ridge.predict([10, 1]) - 31) < 1e-6)
    }

    @Test func compactTreesRoundTripAndRejectBrokenOnes() throws {
        let train = Self.data(200, seed: 8)
        let model = GradientBoosting.fit(train.x, train.y)
        let decoded = try JSONDecoder().decode(TreeEnsemble.self, from: try JSONEncoder().encode(model))
        #expect(decoded == model)
        for broken in [
            #"{"base":0,"trees":["0:1.5:9:0 =1 =2"]}"#, #"{"base":0,"trees":["=x"]}"#,
            #"{"base":0,"trees":[""]}"#, #"{"base":0,"trees":["1:2:3"]}"#,
        ] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(TreeEnsemble.self, from: Data(broken.utf8)) }
        }
    }
}
