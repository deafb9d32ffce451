/// A function while the file is being read: lizard's `FunctionInfo`, plus the extra measurements.
struct FunctionRecord {
    /// Byte range of the name's first token in the source; `nameSuffix` holds what readers appended.
    var nameStart: Int
    var nameEnd: Int
    var namePrefix: String
    var nameSuffix: String = ""
    var startLine: Int
    var endLine: Int
    /// Unique per candidate, so a replaced candidate's distinct tokens never leak into its successor.
    var serial = 0
    var cyclomatic = 1
    var nloc = 1
    var tokens = 1
    /// Parameter groups so far; the last one is still open.
    var parameterGroups: [ParameterGroup] = []
    var topNestingLevel = -1
    /// How many levels of the nesting stack are this function (its name is part of their prefix).
    var nestingLevels = 0
    /// Confirmed by its reader (a body was found), as opposed to a name still being tried.
    var confirmed = false
    /// The function this one is lexically inside of, if any (for cognitive roll-up).
    var parent: Int? = nil
    var structure = StructureCounts()
    var halstead = HalsteadCounts()
    /// The numbered operators seen in this function (see ``AnalysisSession/countHalstead(_:_:operator:)``).
    var operators = OperatorSet()

    struct ParameterGroup {
        var counts = false
        var lastWasWord = false
    }
}

/// Counts the structure tracker and call detector accumulate per function.
struct StructureCounts {
    var cognitive = 0
    /// Structural increments that pay the nesting penalty, so a nested function's score can be shifted.
    var nestedIncrements = 0
    var maxNesting = 0
    var maxLoopDepth = 0
    var loops = 0
    var calls = 0
    var recursiveCalls = 0
    var returns = 0
}

/// Halstead totals; the distinct counts live in the shared ``DistinctTable``.
struct HalsteadCounts {
    var distinctOperators = 0
    var distinctOperands = 0
    var operators = 0
    var operands = 0
}

/// One level of lizard's nesting stack.
enum Nesting {
    case bare
    case namespace(String)
    case function(Int)
}
