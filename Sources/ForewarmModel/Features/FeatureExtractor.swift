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
            "imports", "loop_work_log10", "loop_lines", "loop_bound_max_log10", "loop_bound_sum_log10",
            "nested_loop_work_log10", "endless_loop_lines", "estimated_work_log10",
            "stdin_bytes_log", "stdin_numbers_log", "stdin_max_number_log10", "arguments",
            "argument_max_number_log10",
        ]
        names += WordCue.allCases.map(\.featureName)
        names += (0..<WordCueCounter.buckets).map { "word_bucket_\($0)" }
        names += (0..<WordCueCounter.importBuckets).map { "import_bucket_\($0)" }
        names += WordLexicon.outputNames
        names += (0..<WordCueCounter.bagColumns).map { "word_\($0)" }
        return names
    }()

    /// The columns trees may split on: everything before the word-presence bag. The last of them are the learned
    /// lexicon's outputs, which the extractor leaves at 0 and the model fills in (``WordLexicon``).
    public static let treeColumns = names.count - WordCueCounter.bagColumns
    /// The word-presence bag: 1 where a word (or imported name) of that hash occurs.
    public static let bagColumns = treeColumns..<names.count
    /// The lexicon's output columns, just before the bag.
    static let lexiconColumns = (treeColumns - WordLexicon.outputNames.count)..<treeColumns

    /// The work (log10 operations) an endless loop or recursion stands for in `estimated_work_log10`.
    static let endlessWorkLog10 = 10.0

    /// Index of the first one-hot language column.
    static let languageOffset = 4
    /// The columns that describe the language (start-up cost, compiled, confidence, one-hot).
    static let languageColumns = 0..<(languageOffset + Language.allCases.count)

    /// The feature vector for one analyzed source.
    public func features(_ metrics: FileMetrics, source: UnsafeBufferPointer<UInt8>, input: RequestInput = .none)
        -> [Double]
    {
        var vector = [Double](repeating: 0, count: Self.names.count)
        vector.withUnsafeMutableBufferPointer { vector in
            fill(vector, metrics, source: source, input: input)
        }
        return vector
    }

    private func fill(
        _ vector: UnsafeMutableBufferPointer<Double>, _ metrics: FileMetrics, source: UnsafeBufferPointer<UInt8>,
        input: RequestInput
    ) {
        var position = 0
        @inline(__always) func put(_ value: Double) {
            vector[position] = value
            position += 1
        }
        let prior = LanguagePrior.of(metrics.language)
        put(log10(prior.cpuSeconds))
        put(log10(prior.memoryMB))
        put(prior.compiled ? 1 : 0)
        put(metrics.languageConfidence)
        for language in Language.allCases { put(language == metrics.language ? 1 : 0) }

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
        let bag = UnsafeMutableBufferPointer(rebasing: vector[Self.bagColumns])
        withUnsafeTemporaryAllocation(of: Int.self, capacity: WordCueCounter.countColumns) { counts in
            let loops = cues.count(source, bag: bag, counts: counts)
            fill(
                vector, from: position, metrics, counts: counts, loops: loops, unconditional: unconditional,
                maxCyclomatic: maxCyclomatic, maxCognitive: maxCognitive, recursive: recursive, input: input)
        }
    }

    /// The columns after the language's: metrics, loop bounds, input, word counts.
    private func fill(
        _ vector: UnsafeMutableBufferPointer<Double>, from start: Int, _ metrics: FileMetrics,
        counts: UnsafeMutableBufferPointer<Int>, loops: WordCueCounter.LoopBounds, unconditional: Int,
        maxCyclomatic: Int, maxCognitive: Int, recursive: Int, input: RequestInput
    ) {
        var position = start
        @inline(__always) func put(_ value: Double) {
            vector[position] = value
            position += 1
        }
        let codeLines = max(1, metrics.lines.code)
        let halstead = metrics.halstead
        let structure = metrics.structure
        let hints = metrics.hints
        put(log1p10(metrics.bytes))
        put(log1p10(metrics.lines.code))
        put(log1p10(metrics.lines.comment))
        put(log1p10(metrics.tokens))
        put(Double(metrics.tokens) / Double(codeLines))
        put(Double(metrics.functions.count))
        put(log1p10(metrics.cyclomatic))
        put(log1p10(metrics.cognitive))
        put(Double(maxCyclomatic))
        put(Double(maxCognitive))
        put(log1p10(halstead.volume))
        put(halstead.difficulty)
        put(log1p10(halstead.effort))
        put(log1p10(halstead.vocabulary))
        put(Double(halstead.distinctOperators))
        put(log1p10(halstead.distinctOperands))
        put(Double(structure.maxNesting))
        put(Double(structure.maxLoopDepth))
        put(Double(structure.loops))
        put(log1p10(structure.calls))
        put(Double(structure.recursiveCalls))
        put(Double(recursive))
        put(log1p10(structure.returns))
        put(Double(unconditional))
        put(Double(max(0, counts[WordCue.unboundedLoop.rawValue] - counts[WordCue.breaks.rawValue])))
        put(hints.maxLiteralLog10)
        put(Double(hints.sizeLiterals))
        put(hints.maxSizeLiteralLog10)
        put(Double(hints.allocations))
        put(Double(hints.heavyImports.count))
        put(Double(hints.imports))
        put(Double(min(structure.maxLoopDepth, 3)) * hints.maxSizeLiteralLog10)
        put(log1p10(loops.lines))
        put(loops.maxBoundLog10)
        put(loops.boundSumLog10)
        put(loops.nestedWorkLog10)
        put(Double(loops.endlessLines))
        // All the evidence of work in one column, so the trees can learn from it even though each kind of endless
        // program is rare: the deepest loop nest's bounds, or 10 (as many operations as 10 s of CPU) for a loop or
        // recursion that nothing stops.
        let unboundedWithoutExit = counts[WordCue.unboundedLoop.rawValue] > counts[WordCue.breaks.rawValue]
        let endless = loops.endlessLines > 0 || unboundedWithoutExit || unconditional > 0
        put(max(min(loops.nestedWorkLog10, 12), endless ? Self.endlessWorkLog10 : 0))
        put(log1p10(input.stdinBytes))
        put(log1p10(input.stdinNumbers))
        put(input.stdinMaxNumberLog10)
        put(Double(input.arguments))
        put(input.argumentMaxNumberLog10)
        for count in counts { put(log1p10(count)) }
        // The lexicon columns stay 0 here (the model fills them); the bag was filled by the scan.
        assert(position == Self.lexiconColumns.lowerBound)
    }

    /// Convenience for byte arrays.
    public func features(_ metrics: FileMetrics, source: [UInt8], input: RequestInput = .none) -> [Double] {
        source.withUnsafeBufferPointer { features(metrics, source: $0, input: input) }
    }

    /// A readable group for a feature, so contributions of the 15 one-hot columns read as one "language".
    public static func group(of index: Int) -> String {
        if languageColumns.contains(index) { return "language" }
        if bagColumns.contains(index) || lexiconColumns.contains(index) { return "words" }
        return names[index]
    }
}

@inline(__always) func log1p10(_ value: Int) -> Double {
    value < SmallLog10.size ? SmallLog10.onePlus[max(0, value)] : log10(1 + Double(value))
}
@inline(__always) func log1p10(_ value: Double) -> Double { log10(1 + max(0, value)) }
