import ForewarmAnalysis
import Foundation

/// Turns the analyzer's metrics, the source bytes and the request's input into the model's feature vector.
///
/// Counts are log-scaled (`log10(1 + x)`) so trees and the linear comparison model see the same spread; the
/// language enters both as one-hot columns and as its measured start-up cost, so a language the model never saw
/// still lands near its runtime's floor. The order of ``names`` is part of the model file's contract.
public struct FeatureExtractor: Sendable {
    private let cues = WordCueCounter()

    public init() {}

    /// Feature names, in vector order.
    public static let names: [String] = {
        var names = ["lang_startup_cpu_log10", "lang_startup_memory_log10", "lang_compiled", "lang_confidence"]
        names += Language.allCases.map { "lang_is_\($0.rawValue)" }
        names += [
            "bytes_log", "code_lines_log", "comment_lines_log", "tokens_log", "tokens_per_line",
            "functions", "cyclomatic_log", "cognitive_log", "max_function_cyclomatic", "max_function_cognitive",
            "halstead_volume_log", "halstead_difficulty", "halstead_effort_log", "halstead_vocabulary_log",
            "distinct_operators", "distinct_operands_log",
            "max_nesting", "max_loop_depth", "loops", "calls_log", "recursive_calls", "recursive_functions",
            "returns_log", "unconditional_recursion", "unbounded_loops_without_exit",
            "max_literal_log10", "size_literals", "max_size_literal_log10", "allocations", "heavy_imports",
            "imports", "loop_work_log10",
            "stdin_bytes_log", "stdin_numbers_log", "stdin_max_number_log10", "arguments",
            "argument_max_number_log10",
        ]
        names += WordCue.allCases.map(\.featureName)
        names += (0..<WordCueCounter.buckets).map { "word_bucket_\($0)" }
        names += (0..<WordCueCounter.importBuckets).map { "import_bucket_\($0)" }
        return names
    }()

    /// Index of the first one-hot language column.
    static let languageOffset = 4
    /// The columns that describe the language (start-up cost, compiled, confidence, one-hot).
    static let languageColumns = 0..<(languageOffset + Language.allCases.count)

    /// The feature vector for one analyzed source.
    public func features(_ metrics: FileMetrics, source: UnsafeBufferPointer<UInt8>, input: RequestInput = .none)
        -> [Double]
    {
        var vector = [Double]()
        vector.reserveCapacity(Self.names.count)
        let prior = LanguagePrior.of(metrics.language)
        vector.append(log10(prior.cpuSeconds))
        vector.append(log10(prior.memoryMB))
        vector.append(prior.compiled ? 1 : 0)
        vector.append(metrics.languageConfidence)
        for language in Language.allCases { vector.append(language == metrics.language ? 1 : 0) }

        let codeLines = max(1, metrics.lines.code)
        var maxCyclomatic = 0
        var maxCognitive = 0
        var recursive = 0
        var unconditional = 0
        for function in metrics.functions {
            maxCyclomatic = max(maxCyclomatic, function.cyclomatic)
            maxCognitive = max(maxCognitive, function.cognitive)
            if function.isRecursive {
                recursive += 1
                if function.cyclomatic == 1 { unconditional += 1 }  // no branch: nothing stops it
            }
        }
        let counts = cues.count(source)
        let halstead = metrics.halstead
        let structure = metrics.structure
        let hints = metrics.hints
        vector += [
            log1p10(metrics.bytes), log1p10(metrics.lines.code), log1p10(metrics.lines.comment),
            log1p10(metrics.tokens), Double(metrics.tokens) / Double(codeLines),
            Double(metrics.functions.count), log1p10(metrics.cyclomatic), log1p10(metrics.cognitive),
            Double(maxCyclomatic), Double(maxCognitive),
            log1p10(halstead.volume), halstead.difficulty, log1p10(halstead.effort), log1p10(halstead.vocabulary),
            Double(halstead.distinctOperators), log1p10(halstead.distinctOperands),
            Double(structure.maxNesting), Double(structure.maxLoopDepth), Double(structure.loops),
            log1p10(structure.calls), Double(structure.recursiveCalls), Double(recursive), log1p10(structure.returns),
            Double(unconditional),
            Double(max(0, counts[WordCue.unboundedLoop.rawValue] - counts[WordCue.breaks.rawValue])),
            hints.maxLiteralLog10, Double(hints.sizeLiterals), hints.maxSizeLiteralLog10, Double(hints.allocations),
            Double(hints.heavyImports.count), Double(hints.imports),
            Double(min(structure.maxLoopDepth, 3)) * hints.maxSizeLiteralLog10,
            log1p10(input.stdinBytes), log1p10(input.stdinNumbers), input.stdinMaxNumberLog10,
            Double(input.arguments), input.argumentMaxNumberLog10,
        ]
        for count in counts { vector.append(log1p10(count)) }
        return vector
    }

    /// Convenience for byte arrays.
    public func features(_ metrics: FileMetrics, source: [UInt8], input: RequestInput = .none) -> [Double] {
        source.withUnsafeBufferPointer { features(metrics, source: $0, input: input) }
    }

    /// A readable group for a feature, so contributions of the 15 one-hot columns read as one "language".
    public static func group(of index: Int) -> String {
        if languageColumns.contains(index) { return "language" }
        return names[index]
    }
}

@inline(__always) func log1p10(_ value: Int) -> Double { log10(1 + Double(max(0, value))) }
@inline(__always) func log1p10(_ value: Double) -> Double { log10(1 + max(0, value)) }
