import ForewarmAnalysis
import ForewarmModel
import Foundation

/// `forewarm bench predict --dump FILE`: every file's prediction written exactly (doubles print so they
/// round-trip), with a checksum of its feature vector, so two builds can be diffed for bit-identical results.
enum PredictionDump {
    static func write(paths: [String], model: DemandModel, to output: String) throws {
        var predictor = DemandPredictor(model: model)
        var analyzer = Analyzer()
        let extractor = FeatureExtractor()
        var lines: [String] = []
        for source in try SourceFiles.expand(paths, language: nil) {
            let bytes = try SourceFiles.read(source)
            let prediction = predictor.predict(code: bytes, path: source.path)
            let metrics = analyzer.analyze(bytes, path: source.path)
            let features = extractor.features(metrics, source: bytes)
            var checksum: UInt64 = 0xcbf2_9ce4_8422_2325
            for value in features { checksum = (checksum ^ value.bitPattern) &* 0x0000_0100_0000_01b3 }
            let contributions = prediction.contributions.map { "\($0.feature)=\($0.log10CPU)" }
            lines.append(
                [
                    source.path, prediction.language.rawValue, "\(prediction.score)", "\(prediction.cpuSecondsP50)",
                    "\(prediction.cpuSecondsP90)", "\(prediction.memoryMB)", "\(prediction.heavyProbability)",
                    String(checksum, radix: 16), contributions.joined(separator: ","),
                ].joined(separator: "\t"))
        }
        let text = lines.joined(separator: "\n") + "\n"
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
            throw CLIError.input("\(output): cannot write")
        }
        print("\(lines.count) predictions written to \(output)")
    }
}
