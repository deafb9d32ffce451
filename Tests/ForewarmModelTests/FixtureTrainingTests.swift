import ForewarmAnalysis
import ForewarmDatasets
import ForewarmModel
import Foundation
import Testing

/// Trains on the fixture programs we wrote and measured (`scripts/measure-fixtures.sh`), as CI does.
@Suite struct FixtureTrainingTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    static var small: BoostingParameters {
        var parameters = BoostingParameters()
        parameters.trees = 60
        parameters.minSamplesLeaf = 2
        parameters.maxDepth = 3
        parameters.learningRate = 0.1
        return parameters
    }

    @Test func trainsAndRanksFixturePrograms() throws {
        let samples = Datasets.samples(try Datasets.load([Self.fixtures]))
        #expect(samples.count == 36)
        let model = DemandModel.train(samples, parameters: Self.small, version: "fixture")
        var predictor = DemandPredictor(model: model)
        let hello = predictor.predict(code: "print('hello')\n", language: .python)
        let loop = predictor.predict(
            code: "s = 0\nfor i in range(3000000):\n    s += i * i % 7\nprint(s)\n",
            language: .python)
        #expect(loop.cpuSecondsP50 > hello.cpuSecondsP50)
        #expect(loop.score > hello.score)
        #expect(hello.cpuSecondsP90 >= hello.cpuSecondsP50)
        #expect(!loop.contributions.isEmpty)
    }

    @Test func crossValidationReportsEveryPredictor() throws {
        let samples = Datasets.samples(try Datasets.load([Self.fixtures]))
        let report = CrossValidation(folds: 3, parameters: Self.small).run(samples)
        #expect(report.groups == 6)
        #expect(report.scorecards.map(\.predictor).count == 7)
        let model = try #require(report.scorecards.first)
        #expect(model.languages.count == 6)
        #expect(model.overall.samples == 36)
    }

    @Test func predictsEveryLanguageAndUnknownText() throws {
        let samples = Datasets.samples(try Datasets.load([Self.fixtures]))
        var predictor = DemandPredictor(model: DemandModel.train(samples, parameters: Self.small))
        for language in Language.allCases {
            let prediction = predictor.predict(code: "x = 1\n", language: language)
            #expect(prediction.cpuSecondsP50.isFinite && prediction.cpuSecondsP50 > 0)
            #expect(prediction.memoryMB.isFinite && prediction.memoryMB > 0)
        }
        let detected = predictor.predict(code: "¿qué? ### not code at all ###")
        #expect(detected.score >= 0 && detected.score <= 100)
    }

    @Test func modelFilesRoundTripAndRefuseOtherFeatures() throws {
        let samples = Datasets.samples(try Datasets.load([Self.fixtures]))
        let model = DemandModel.train(samples, parameters: Self.small, version: "round-trip")
        let decoded = try DemandModel.decode(try model.encoded())
        #expect(decoded == model)
        var other = model
        other.featureNames.removeLast()
        #expect(throws: ModelError.self) { try DemandModel.decode(try other.encoded()) }
        #expect(throws: ModelError.self) { try DemandModel.decode(Data("{}".utf8)) }
    }

    @Test func shippedModelLoadsAndPredicts() throws {
        var predictor = DemandPredictor(model: try DemandModel.shipped())
        let prediction = predictor.predict(code: "int main(void) { return 0; }\n", language: .c)
        #expect(prediction.cpuSecondsP50 < 0.1)
        #expect(prediction.language == .c)
    }
}
