/// Cognitive complexity, nesting, loops and calls for languages whose blocks are braces.
///
/// A control keyword (`if`, `for`, `switch`, `catch`…) waits for the `{` that opens its body; the body then
/// counts as one level of nesting until its `}`. Braceless bodies add no nesting.
struct BraceTracker: StructureTracker {
    enum BlockKind: UInt8, StructureBlock {
        case plain, branch, loop, doLoop, other
        var nests: Bool { self != .plain }
        var loops: Bool { self == .loop || self == .doLoop }
    }
    enum Pending: UInt8 { case none, branch, loop, doLoop, other }

    var frames = FrameStack<BlockKind>()
    var pending = Pending.none
    var pendingParenDepth = 0
    var parenDepth = 0
    var afterElse = false
    var closedDoLoop = false
    var afterDoBlock = false
    /// The previous token's kind and extent (a call is a word followed by `(`).
    var previousKind = TokenKind.newline
    var previousStart = 0
    var previousEnd = 0
    var previousTraits: TokenTraits = []
    var beforePrevious: TokenTraits = []
    var jumpLine = -1
    var questionPending = false
    /// Go's `for a; b; c {` keeps its header open across semicolons.
    var semicolonEndsHeader = true

    init() {}

    mutating func observe(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        frames.sync(&context)
        let function = frames.top.function
        let nesting = frames.top.nesting

        afterDoBlock = closedDoLoop
        closedDoLoop = false
        if questionPending {
            questionPending = false
            if !BraceTracker.endsOptional(token) { context.addStructural(function, nesting: nesting) }
        }
        if jumpLine == token.line, token.kind == .word, !traits.contains(.keyword) {
            context.addFlat(function)  // labelled break / continue
        }
        jumpLine = -1

        switch token.kind {
        case .word:
            // Most words (identifiers, `const`, `this`…) have none of the traits `observeWord` acts on: they only
            // end an `else`.
            if traits.isDisjoint(with: BraceTracker.wordTraits) {
                afterElse = false
            } else {
                observeWord(token, traits, &context, function: function, nesting: nesting)
            }
        case .symbol:
            // Likewise `.`, `:`, arithmetic…: no bracket, separator or logical or ternary operator.
            if traits.isDisjoint(with: BraceTracker.symbolTraits), !BraceTracker.isStructural(token.key) {
                afterElse = false
            } else {
                observeSymbol(token, traits, &context, function: function, nesting: nesting)
            }
        default:
            afterElse = false
        }
        beforePrevious = previousTraits
        previousKind = token.kind
        previousStart = token.start
        previousEnd = token.end
        previousTraits = traits
    }

    /// The traits `observeWord` acts on.
    static var wordTraits: TokenTraits {
        [
            .elseLike, .elseIf, .branch, .doLoop, .loop, .switchLike, .catchLike, .jump, .returnLike, .logicalAnd,
            .logicalOr,
        ]
    }
    /// The traits `observeSymbol` acts on (besides the keys of `isStructural`).
    static var symbolTraits: TokenTraits { [.logicalAnd, .logicalOr, .ternary] }

    /// The symbols `observeSymbol` acts on whatever their traits.
    @inline(__always)
    static func isStructural(_ key: TokenKey) -> Bool {
        switch key {
        case "(", ")", "{", "}", ";", ",", "=": true
        default: false
        }
    }

    mutating func observeWord(
        _ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext, function: Int, nesting: Int
    ) {
        defer { if !traits.contains(.elseLike) { afterElse = false } }
        if traits.contains(.elseLike) {
            context.addFlat(function)
            afterElse = true
            return
        }
        if traits.contains(.elseIf) {
            context.addFlat(function)
            open(.branch)
            return
        }
        if traits.contains(.branch) {
            if !afterElse { context.addStructural(function, nesting: nesting) }
            open(.branch)
        } else if traits.contains(.doLoop) {
            context.addStructural(function, nesting: nesting)
            context.functions[function].structure.loops += 1
            open(.doLoop)
        } else if traits.contains(.loop) {
            if !afterDoBlock {  // else it is the `while` of `do { } while (…)`
                context.addStructural(function, nesting: nesting)
                context.functions[function].structure.loops += 1
                open(.loop)
            }
        } else if traits.contains(.switchLike) || traits.contains(.catchLike) {
            context.addStructural(function, nesting: nesting)
            open(.other)
        } else if traits.contains(.jump) {
            if token.key == "goto" { context.addFlat(function) } else { jumpLine = token.line }
        } else if traits.contains(.returnLike) {
            context.functions[function].structure.returns += 1
        }
        if traits.contains(.logicalAnd) || traits.contains(.logicalOr) {
            logical(traits, &context, function: function)
        }
    }

    mutating func observeSymbol(
        _ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext, function: Int, nesting: Int
    ) {
        afterElse = false
        switch token.key {
        case "(":
            if previousKind == .word, !previousTraits.contains(.keyword), !beforePrevious.contains(.functionKeyword),
                previousStart != context.functions[function].nameStart
            {
                context.functions[function].structure.calls += 1
                let callee = Token(
                    kind: .word, key: "", start: previousStart, end: previousEnd, line: 0, innerNewlines: 0)
                if context.isOwnName(callee, of: function) { context.functions[function].structure.recursiveCalls += 1 }
            }
            parenDepth += 1
            frames.openParenthesis()
        case ")":
            if parenDepth > 0 { parenDepth -= 1 }
            frames.closeParenthesis()
        case "{":
            let kind: BlockKind
            switch pending {
            case .none: kind = .plain
            case .branch: kind = .branch
            case .loop: kind = .loop
            case .doLoop: kind = .doLoop
            case .other: kind = .other
            }
            pending = .none
            frames.openBlock(kind)
            context.noteNesting(function, nesting: frames.top.nesting, loopDepth: frames.top.loopDepth)
        case "}":
            if let kind = frames.closeBlock() {
                closedDoLoop = kind == .doLoop
            } else {
                frames.resetLogical()
            }
        case ";":
            if semicolonEndsHeader, parenDepth == 0 { pending = .none }
            frames.logical = 0
        case ",", "=":
            frames.logical = 0
        default:
            if traits.contains(.logicalAnd) || traits.contains(.logicalOr) {
                logical(traits, &context, function: function)
            } else if traits.contains(.ternary) {
                questionPending = true
            }
        }
    }

    mutating func open(_ kind: Pending) {
        pending = kind
        pendingParenDepth = parenDepth
    }

    /// Sonar counts each run of like logical operators once: `a && b && c` is 1, `a && b || c` is 2.
    mutating func logical(_ traits: TokenTraits, _ context: inout ReadingContext, function: Int) {
        let kind: UInt8 = traits.contains(.logicalAnd) ? 1 : 2
        if frames.logical != kind {
            context.addFlat(function)
            frames.logical = kind
        }
    }

    /// A `?` followed by one of these was optional chaining or an optional type, not a ternary.
    static func endsOptional(_ token: Token) -> Bool {
        guard token.kind == .symbol else { return token.kind == .newline }
        switch token.key {
        case ")", ",", ">", "]", "=", "{", ".", ";", "?", "!", ":", "}", "->", "==", "!=", "??": return true
        default: return false
        }
    }

    mutating func finish(_ context: inout ReadingContext) {
        frames.finish(&context)
    }
}
