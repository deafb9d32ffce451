/// Cognitive complexity, nesting, loops and calls for languages whose blocks close with `end` (Ruby, Lua).
///
/// SonarSource's rules: `if`/`unless`, loops, `case` and `rescue` add 1 plus the nesting; `elsif`/`elseif` and
/// an `if`'s `else` add 1; each run of like boolean operators adds 1; a ternary adds 1 plus the nesting; Lua's
/// `goto` adds 1. The bodies of branches, loops, `case` and blocks (`do … end`) nest one level deeper.
/// Ruby's modifier forms (`x if y`, `x while y`) count but open no block. Iterator blocks (`n.times do`,
/// `each { }`, `loop do`) are counted as loops without a cognitive increment.
struct KeywordBlockTracker: StructureTracker {
    enum BlockKind: UInt8, StructureBlock {
        /// `def`/`function`: closed by the `end` that also ends the function.
        case function
        case plain, branch, loop, switchLike, block, brace, braceLoop
        var nests: Bool { self != .plain && self != .function && self != .brace }
        var loops: Bool { self == .loop || self == .braceLoop }
    }

    var lua = false
    var stack = FrameStack<BlockKind>()
    var previous: Token? = nil
    var previousTraits: TokenTraits = []
    var beforePrevious: TokenTraits = []
    var previousEndLine = 0
    /// A `while`/`until`/`for` header is open: its `do` opens no block of its own.
    var loopHeader = false

    init() {}

    init(lua: Bool) {
        self.lua = lua
    }

    /// The current function's frame.
    var top: FrameStack<BlockKind>.Frame { stack.top }

    mutating func observe(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        let depth = stack.depth
        stack.sync(&context)
        let leftFunction = stack.depth < depth
        let function = top.function
        let startsLine = token.line > previousEndLine
        if startsLine, !continuesExpression() { resetLogical() }
        if startsLine, !lua { loopHeader = false }  // Ruby's `while x` header ends with its line

        switch token.kind {
        case .word:
            if previous?.key != "." && previous?.key != "&." {
                observeWord(
                    token, traits, &context, function: function, startsLine: startsLine,
                    leftFunction: leftFunction)
            }
        case .symbol:
            observeSymbol(token, traits, &context, function: function)
        default:
            break
        }
        beforePrevious = previousTraits
        previous = token
        previousTraits = traits
        previousEndLine = token.line + token.innerNewlines
    }

    mutating func observeWord(
        _ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext, function: Int, startsLine: Bool,
        leftFunction: Bool
    ) {
        let nesting = top.nesting
        switch token.key {
        case "end":
            // The reader ended the function on this `end`: the `def` block sits in the enclosing frame.
            if leftFunction {
                if stack.lastBlock == .function { close() }
            } else {
                close()
            }
            loopHeader = false
        case "def" where !lua, "function" where lua:
            open(.function, &context)
        case "class", "module", "begin":
            if !lua { open(.plain, &context) }
        case "case":
            if !lua {
                context.addStructural(function, nesting: nesting)
                open(.switchLike, &context)
            }
        case "if", "unless":
            if lua && token.key == "unless" { break }
            context.addStructural(function, nesting: nesting)
            if lua || startsLine || opensStatement() { open(.branch, &context) }
        case "while", "until", "for":
            if lua && token.key == "until" {
                close()  // `repeat … until`
                return
            }
            context.addStructural(function, nesting: nesting)
            context.functions[function].structure.loops += 1
            if lua || token.key == "for" || startsLine || opensStatement() {
                open(.loop, &context)
                loopHeader = true
            }
        case "repeat":
            if lua {
                context.addStructural(function, nesting: nesting)
                context.functions[function].structure.loops += 1
                open(.loop, &context)
            }
        case "do":
            if loopHeader {
                loopHeader = false
            } else if !lua, previousTraits.contains(.loop), !previousTraits.contains(.keyword) {
                context.functions[function].structure.loops += 1
                open(.loop, &context)
            } else {
                open(lua ? .plain : .block, &context)
            }
        case "elsif", "elseif":
            context.addFlat(function)
        case "else":
            if stack.lastBlock == .branch { context.addFlat(function) }
        case "rescue":
            if !lua { context.addStructural(function, nesting: nesting) }
        case "goto":
            if lua { context.addFlat(function) }
        default:
            if traits.contains(.returnLike) { context.functions[function].structure.returns += 1 }
        }
        if traits.contains(.logicalAnd) || traits.contains(.logicalOr) { logical(traits, &context, function) }
    }

    mutating func observeSymbol(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext, function: Int) {
        switch token.key {
        case "(":
            if let previous, previous.kind == .word, !previousTraits.contains(.keyword),
                !beforePrevious.contains(.functionKeyword), previous.start != context.functions[function].nameStart
            {
                context.functions[function].structure.calls += 1
                if context.isOwnName(previous, of: function) {
                    context.functions[function].structure.recursiveCalls += 1
                }
            }
            stack.openParenthesis()
        case ")":
            stack.closeParenthesis()
        case "{":
            let iterator = !lua && previousTraits.contains(.loop) && !previousTraits.contains(.keyword)
            if iterator { context.functions[function].structure.loops += 1 }
            open(iterator ? .braceLoop : .brace, &context)
        case "}":
            if let last = stack.lastBlock, last == .brace || last == .braceLoop { close() }
        case ";", ",", "=":
            resetLogical()
            if token.key == ";" { loopHeader = false }
        case "?":
            if !lua { context.addStructural(function, nesting: top.nesting) }
        default:
            if traits.contains(.logicalAnd) || traits.contains(.logicalOr) { logical(traits, &context, function) }
        }
    }

    mutating func open(_ kind: BlockKind, _ context: inout ReadingContext) {
        stack.openBlock(kind)
        context.noteNesting(top.function, nesting: top.nesting, loopDepth: top.loopDepth)
    }

    mutating func close() {
        _ = stack.closeBlock()
    }

    /// Whether an `if`/`while` in mid-line starts an expression (`x = if …`) rather than modifying a statement.
    func opensStatement() -> Bool {
        guard let previous else { return true }
        if previous.kind == .symbol {
            switch previous.key {
            case ")", "]", "}": return false
            default: return true
            }
        }
        if previous.kind == .word {
            switch previous.key {
            case "and", "or", "not", "then", "else", "do", "begin", "ensure", "when", "in": return true
            default: return false
            }
        }
        return false
    }

    /// A line that follows an operator continues the previous line's expression.
    func continuesExpression() -> Bool {
        guard let previous, previous.kind == .symbol else {
            return previousTraits.contains(.logicalAnd) || previousTraits.contains(.logicalOr)
        }
        switch previous.key {
        case ")", "]", "}", ";": return false
        default: return true
        }
    }

    mutating func resetLogical() {
        stack.logical = 0
    }

    /// Sonar counts each run of like logical operators once: `a && b && c` is 1, `a && b || c` is 2.
    mutating func logical(_ traits: TokenTraits, _ context: inout ReadingContext, _ function: Int) {
        let kind: UInt8 = traits.contains(.logicalAnd) ? 1 : 2
        if stack.logical != kind {
            context.addFlat(function)
            stack.logical = kind
        }
    }

    mutating func finish(_ context: inout ReadingContext) {
        stack.finish(&context)
    }
}
