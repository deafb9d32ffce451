/// Python's structure: cognitive complexity exactly as the `cognitive_complexity` package (and so
/// flake8-cognitive-complexity) computes it, plus nesting, loops, calls and returns.
///
/// It reads logical lines and their indentation into blocks. Whether an `if` has an `elif` (which changes both
/// its score and its body's nesting) is known only when the next clause arrives, so each block keeps its score
/// as a ``LevelScore`` and settles it when it closes.
struct IndentTracker: StructureTracker {
    enum Kind: UInt8 {
        case module, function, ifClause, elseClause, loop, asyncLoop, tryClause, except, finally, plain, decorator
    }

    /// A compound statement whose clauses are not all read yet.
    enum Compound {
        case none
        /// `head`: the clauses before `last`, each an `if` with an `elif` after it.
        case ifChain(head: LevelScore, last: LevelScore?, orElse: LevelScore?, orElseIsIf: Bool)
        case loop(body: LevelScore, orElse: LevelScore?, counted: Bool)
        case tryChain(LevelScore)
    }

    struct Block {
        var kind: Kind
        var column: Int
        var score = LevelScore()
        /// Default values and decorators of a `def`: they count in the enclosing function only.
        var header = LevelScore()
        var pending = Compound.none
        var statements = 0
        var firstIsIf = false
        /// The standalone score of a plain `def` that is the first statement, and whether the second is `return`.
        var firstDef: Int? = nil
        var secondIsReturn = false
        /// A plain (not `async`) `def` that is its parent's first statement.
        var isFirstPlainDef = false
        var record: Int? = nil
        var name: (start: Int, end: Int)? = nil
        var recursive = false
        var nesting = 0
        var loopDepth = 0
    }

    var blocks = ScratchArray<Block>([Block(kind: .module, column: -1)])
    /// The logical line read so far (an f-string's interpolations follow it as bracketed tokens).
    var line = ScratchArray<LineToken>(capacity: 64)
    /// How many of `line`'s tokens are `and`, `or` or `if`: a line with none scores 0 without a walk.
    var scoringWords = 0
    var lineColumn = 0
    var depth = 0
    var lastEndLine = 0
    var previous: Token? = nil
    /// The last two tokens other than a line-continuing backslash, for telling calls apart.
    var callPrevious: Token? = nil
    var callPreviousTraits: TokenTraits = []
    var beforePrevious: Token? = nil
    var decorators = LevelScore()
    var defRecord: Int? = nil
    var defName: Token? = nil
    /// Indices in `blocks` of the open functions, innermost last.
    var functionBlocks = ScratchArray<Int>()
    var scorer = PythonLineScorer()
    /// Each function's score as the package computes it, written to its record at the end.
    var scores: [(record: Int, score: Int)] = []

    init() {}

    mutating func observe(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        var continued = false
        if let previous, previous.kind == .symbol, previous.key == "\\", previous.end < context.source.count {
            continued = context.source[previous.end] == UInt8(ascii: "\n")
        }
        if depth == 0, token.line > lastEndLine, !continued {
            finishLine(&context)
            lineColumn = IndentTracker.column(before: token.start, context)
            closeBlocks(atOrRightOf: lineColumn, &context)  // before this line's calls are seen
        }
        // The token after `def` (or `async def`) is the name the reader just made a function of.
        if line.count == 1 && line[0].key == "def" || line.count == 2 && line[0].key == "async" && line[1].key == "def"
        {
            defName = token
            defRecord = context.current
        }
        appendToLine(token, context.source)
        let isContinuation = token.kind == .symbol && token.key == "\\"
        // Only `return` and `(` count (see countCallsAndReturns); testing that here spares every other token a call.
        if token.key == "(" || token.key == "return", !isContinuation { countCallsAndReturns(token, traits, &context) }
        if token.kind == .symbol {
            switch token.key {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        if !isContinuation {
            beforePrevious = callPrevious
            callPrevious = token
            callPreviousTraits = traits
        }
        previous = token
        lastEndLine = token.line + token.innerNewlines
    }

    mutating func finish(_ context: inout ReadingContext) {
        finishLine(&context)
        closeBlocks(atOrRightOf: -1, &context)
        IndentTracker.settle(&blocks[0])
        // The report adds 1 for a function that calls itself; the package's score already has its own rule for it.
        for (record, score) in scores {
            let reported = context.functions[record].structure.recursiveCalls > 0 ? 1 : 0
            context.functions[record].structure.cognitive = score - reported
        }
    }

    /// Buffers a token; an f-string's interpolations follow it as bracketed code, since the package scores them.
    @inline(__always)
    mutating func appendToLine(_ token: Token, _ source: UnsafeBufferPointer<UInt8>) {
        let entry = LineToken(token)
        line.append(entry)
        if PythonLineScorer.canScore(entry) { scoringWords += 1 }
        if token.kind == .string { appendInterpolations(token, source) }
    }

    /// Appends the interpolations of `token` if it is an f-string.
    mutating func appendInterpolations(_ token: Token, _ source: UnsafeBufferPointer<UInt8>) {
        let prefix = PythonReader.prefixLength(token, source)
        guard prefix > 0, PythonReader.isFormatPrefix(token, prefix, source) else { return }
        var ranges: [Range<Int>] = []
        _ = PythonFormatString.interpolations(stringStart: token.start + prefix, end: token.end, source, into: &ranges)
        for range in ranges {
            line.append(LineToken(kind: .symbol, key: "("))
            var lexer = Lexer(source: UnsafeBufferPointer(rebasing: source[range]), language: .python)
            while let inner = lexer.next() {
                guard inner.kind != .newline, inner.kind != .comment else { continue }
                let entry = LineToken(inner)
                line.append(entry)
                if PythonLineScorer.canScore(entry) { scoringWords += 1 }
            }
            line.append(LineToken(kind: .symbol, key: ")"))
        }
    }

    /// Python's indentation column of the token at `start`, the first on its line: tabs go to the next multiple
    /// of 8.
    static func column(before start: Int, _ context: ReadingContext) -> Int {
        let source = context.source
        let lineStart = context.lineStart(before: start)
        var column = 0
        for index in lineStart..<start {
            switch source[index] {
            case UInt8(ascii: "\t"): column = (column / 8 + 1) * 8
            case 0x0C: column = 0
            default: column += 1
            }
        }
        return column
    }

    // MARK: Calls, returns, recursion

    mutating func countCallsAndReturns(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        let function = context.current
        if token.kind == .word, token.key == "return" {
            if function != 0 { context.functions[function].structure.returns += 1 }
            return
        }
        guard token.kind == .symbol, token.key == "(", let callee = callPrevious, callee.kind == .word,
            !callPreviousTraits.contains(.keyword)
        else { return }
        if let before = beforePrevious,
            before.kind == .symbol && before.key == "." || before.key == "def"
                || before.key == "class"
        {
            return
        }
        if function != 0 {
            context.functions[function].structure.calls += 1
            if context.isOwnName(callee, of: function) { context.functions[function].structure.recursiveCalls += 1 }
        }
        // The package adds 1 to every enclosing function that calls itself by name, nested calls included.
        for position in 0..<functionBlocks.count where !blocks[functionBlocks[position]].recursive {
            let index = functionBlocks[position]
            guard let name = blocks[index].name, name.end - name.start == callee.length else { continue }
            var same = true
            for offset in 0..<callee.length
            where context.source[name.start + offset] != context.source[callee.start + offset] {
                same = false
                break
            }
            if same { blocks[index].recursive = true }
        }
    }
}
