import ForewarmAnalysis
import ForewarmModel

/// Loads every labeled corpus named on the command line, recognizing each by its layout.
public enum Datasets {
    public static func load(_ directories: [String]) throws -> [LabeledProgram] {
        var programs: [LabeledProgram] = []
        for directory in directories {
            if RosettaLabels.recognizes(directory) {
                programs += try RosettaLabels.load(directory)
            } else if BenchmarksGame.recognizes(directory) {
                programs += try BenchmarksGame.load(directory)
            } else if FixtureCorpus.recognizes(directory) {
                programs += try FixtureCorpus.load(directory)
            } else {
                throw DatasetError.unrecognized(directory)
            }
        }
        return programs
    }

    /// Analyzes programs into samples.
    public static func samples(_ programs: [LabeledProgram]) -> [LabeledSample] {
        var analyzer = Analyzer()
        let extractor = FeatureExtractor()
        return programs.map { $0.sample(analyzer: &analyzer, extractor: extractor) }
    }
}
