/// Line counts: every line is exactly one of code, comment-only or blank.
public struct LineCounts: Sendable, Codable, Equatable {
    public var total: Int
    /// Lines with code (NLOC, as lizard counts it).
    public var code: Int
    public var comment: Int
    public var blank: Int

    public init(total: Int = 0, code: Int = 0, comment: Int = 0, blank: Int = 0) {
        self.total = total
        self.code = code
        self.comment = comment
        self.blank = blank
    }
}

/// Shape of the control flow.
public struct StructureMetrics: Sendable, Codable, Equatable {
    /// Deepest nesting of control structures (and nested functions).
    public var maxNesting: Int = 0
    /// Deepest nesting of loops alone.
    public var maxLoopDepth: Int = 0
    public var loops: Int = 0
    public var calls: Int = 0
    /// Calls a function makes to itself by name.
    public var recursiveCalls: Int = 0
    public var returns: Int = 0

    public init() {}
}

/// What static size misses about run-time demand: big numbers, sized allocations, heavy imports.
public struct DemandHints: Sendable, Codable, Equatable {
    /// log10 of the largest numeric value written (`10**7`, `1e9` and `1 << 20` are evaluated); 0 when none.
    public var maxLiteralLog10: Double = 0
    /// Numeric literals inside loop headers or allocation sizes.
    public var sizeLiterals: Int = 0
    /// log10 of the largest such literal; 0 when none.
    public var maxSizeLiteralLog10: Double = 0
    /// Allocation and repetition constructs: `new T[n]`, `[0] * n`, `range(n)`, `make`, `malloc`, `vec![…; n]`.
    public var allocations: Int = 0
    /// Imports of libraries known to be heavy (numpy, torch, pandas, Boost…), by name.
    public var heavyImports: [String] = []
    public var imports: Int = 0

    public init() {}
}

/// Everything measured about one function.
public struct FunctionMetrics: Sendable, Codable, Equatable {
    public var name: String
    public var startLine: Int
    public var endLine: Int
    public var lines: LineCounts
    /// McCabe's number, counted as lizard counts it for the language.
    public var cyclomatic: Int
    /// SonarSource cognitive complexity, nested functions included.
    public var cognitive: Int
    public var halstead: Halstead
    public var structure: StructureMetrics
    public var parameters: Int
    public var tokens: Int
    public var isRecursive: Bool { structure.recursiveCalls > 0 }
}

/// Everything measured about one source text.
public struct FileMetrics: Sendable, Codable, Equatable {
    public var path: String?
    public var language: Language
    /// How sure the detector was of `language` (1 when the caller named it).
    public var languageConfidence: Double
    public var bytes: Int
    public var lines: LineCounts
    public var functions: [FunctionMetrics]
    /// Sum over functions and the code outside them.
    public var cyclomatic: Int
    public var cognitive: Int
    public var halstead: Halstead
    public var structure: StructureMetrics
    public var tokens: Int
    public var hints: DemandHints
}
