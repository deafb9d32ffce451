import ForewarmAnalysis
import Foundation

/// A request's predicted demand: a 0–100 score that picks the pool, and CPU seconds where a model knows them.
public struct Prediction: Sendable, Hashable, Codable {
    public var score: Double
    public var cpuSecondsP50: Double?
    public var pool: String

    public init(score: Double, cpuSecondsP50: Double? = nil, pool: String) {
        self.score = score
        self.cpuSecondsP50 = cpuSecondsP50
        self.pool = pool
    }
}

/// Predicts demand from code. The interim heuristic below is replaced by the learned model behind this protocol.
public protocol DemandPredictor: Sendable {
    func predict(code: String, language: String) -> (prediction: Prediction, metrics: FileMetrics)
}

/// The interim predictor: a score from the analyzer's metrics (documented in docs/gateway.md):
/// `score = min(100, size + loops + literals + heavy + compiled)` with
/// size = min(15, 5·log10(1 + code lines)), loops = min(30, 12·max loop depth + 2·min(loops, 5)),
/// literals = min(35, 5·max literal log10 − 10) clamped at 0 (numbers below 100 count nothing),
/// heavy = min(15, 8·heavy imports), compiled = 10 for languages compiled before running, recursion adds 5.
public struct HeuristicPredictor: DemandPredictor {
    public var pools: [PoolConfiguration]

    public init(pools: [PoolConfiguration]) {
        self.pools = pools
    }

    static let compiled: Set<String> = ["c", "cpp", "go", "rust", "java", "swift"]

    public func predict(code: String, language: String) -> (prediction: Prediction, metrics: FileMetrics) {
        var analyzer = Analyzer()
        let parsed = Language(name: language)
        let metrics = analyzer.analyze(code, language: parsed)
        // The analyzer measures loop structure inside functions; scripts run most of their code at top level, so
        // that code is measured once more wrapped in a function.
        var structure = Self.functionStructure(metrics)
        if let wrapped = Self.wrapped(code, language: language) {
            let inner = Self.functionStructure(analyzer.analyze(wrapped, language: parsed))
            structure.maxLoopDepth = max(structure.maxLoopDepth, inner.maxLoopDepth)
            structure.loops = max(structure.loops, inner.loops)
            structure.recursiveCalls = max(structure.recursiveCalls, inner.recursiveCalls)
        }
        var scored = metrics
        scored.structure = structure
        let score = Self.score(scored, language: language)
        let pool = PoolRouter().homePool(score: score, pools: pools)?.name ?? "standard"
        return (Prediction(score: score, cpuSecondsP50: nil, pool: pool), metrics)
    }

    /// Loop depth and counts over the file's functions.
    static func functionStructure(_ metrics: FileMetrics) -> StructureMetrics {
        var structure = metrics.structure
        for function in metrics.functions {
            structure.maxLoopDepth = max(structure.maxLoopDepth, function.structure.maxLoopDepth)
            structure.recursiveCalls = max(structure.recursiveCalls, function.structure.recursiveCalls)
        }
        structure.loops = max(structure.loops, metrics.functions.reduce(0) { $0 + $1.structure.loops })
        return structure
    }

    /// The script's top-level code as the body of one function, for the languages that run top-level code.
    static func wrapped(_ code: String, language: String) -> String? {
        switch language {
        case "python":
            let body = code.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            return "def __forewarm_main__():\n" + body.joined(separator: "\n") + "\n    pass\n"
        case "javascript": return "function __forewarm_main__() {\n" + code + "\n}\n"
        case "ruby": return "def __forewarm_main__\n" + code + "\nend\n"
        case "lua": return "function __forewarm_main__()\n" + code + "\nend\n"
        case "perl": return "sub __forewarm_main__ {\n" + code + "\n}\n"
        default: return nil
        }
    }

    public static func score(_ metrics: FileMetrics, language: String) -> Double {
        let size = min(15, 5 * log10(1 + Double(metrics.lines.code)))
        let loops = min(30, 12 * Double(metrics.structure.maxLoopDepth) + 2 * Double(min(metrics.structure.loops, 5)))
        let literals = min(35, max(0, 5 * metrics.hints.maxLiteralLog10 - 10))
        let heavy = min(15, 8 * Double(metrics.hints.heavyImports.count))
        let compiledCost: Double = compiled.contains(language) ? 10 : 0
        let recursion: Double = metrics.structure.recursiveCalls > 0 ? 5 : 0
        let total = size + loops + literals + heavy + compiledCost + recursion
        return (min(100, max(0, total)) * 10).rounded() / 10
    }
}
