/// A cognitive score as a function of the nesting level `L` it is evaluated at, as the `cognitive_complexity`
/// package computes it: `k + n·L + z·[L == 0]` (`z` counts `if`s with an `elif`, which score `max(1, L)`).
struct LevelScore {
    var k = 0
    var n = 0
    var z = 0

    static func + (lhs: LevelScore, rhs: LevelScore) -> LevelScore {
        LevelScore(k: lhs.k + rhs.k, n: lhs.n + rhs.n, z: lhs.z + rhs.z)
    }

    static func += (lhs: inout LevelScore, rhs: LevelScore) { lhs = lhs + rhs }

    /// The same code evaluated one level deeper.
    var shifted: LevelScore { LevelScore(k: k + n, n: n, z: 0) }

    func at(_ level: Int) -> Int { k + n * level + (level == 0 ? z : 0) }
}

/// What the line scorer and the statement classifier read of a buffered token: 16 bytes instead of a whole token.
struct LineToken {
    var kind: TokenKind
    var key: TokenKey

    init(kind: TokenKind, key: TokenKey) {
        self.kind = kind
        self.key = key
    }

    init(_ token: Token) { self.init(kind: token.kind, key: token.key) }
}

/// Scores the expressions of one logical Python line the way the `cognitive_complexity` package walks its AST:
/// each `and`/`or` node (`BoolOp`) adds 1, a conditional expression adds `L + 1` and nests what follows it, a
/// lambda nests its body, and nothing inside a `BoolOp` is visited, so conditional expressions there add nothing.
struct PythonLineScorer {
    /// One expression run at one bracket depth, between separators such as `,` `=` `:` `if` `else`.
    struct Segment {
        var parent: Int
        var sawOr = false
        var andInChain = false
        var hasBool = false
        var isConditionalBody = false
    }

    struct Depth {
        var segment: Int
        var baseExtra: Int
        var extra: Int
        var lambdaHeads = 0
        var comprehension = false
    }

    var segments: [Segment] = []
    var depths: [Depth] = []
    /// Conditional expressions seen: the segment they sit in and the extra nesting they were at.
    var conditionals: [(segment: Int, extra: Int)] = []
    /// Per segment: some enclosing bracket group is an operand of `and`/`or`.
    var inBoolOp: [Bool] = []
    /// Per segment: how many enclosing bracket groups sit in the value part of a conditional expression.
    var bodyDepth: [Int] = []

    /// Whether `token` can add to a line's score: `and`, `or` and a conditional `if`; lines without one score 0.
    @inline(__always)
    static func canScore(_ token: LineToken) -> Bool {
        token.kind == .word && (token.key == "and" || token.key == "or" || token.key == "if")
    }

    /// Scores `tokens`; `skipFirst` skips a statement keyword, `isCase` marks a `case` line whose `if` before
    /// the header colon is a guard.
    mutating func score(_ tokens: Slice<UnsafeBufferPointer<LineToken>>, skipFirst: Bool, isCase: Bool) -> LevelScore {
        segments.removeAll(keepingCapacity: true)
        depths.removeAll(keepingCapacity: true)
        conditionals.removeAll(keepingCapacity: true)
        segments.append(Segment(parent: -1))
        depths.append(Depth(segment: 0, baseExtra: 0, extra: 0))
        var boolOps = 0
        var guardPending = isCase
        var index = tokens.startIndex
        if skipFirst, index < tokens.endIndex { index += 1 }
        while index < tokens.endIndex {
            let token = tokens[index]
            index += 1
            let top = depths.count - 1
            switch token.kind {
            case .symbol:
                switch token.key {
                case "(", "[", "{":
                    segments.append(Segment(parent: depths[top].segment))
                    depths.append(
                        Depth(
                            segment: segments.count - 1, baseExtra: depths[top].extra,
                            extra: depths[top].extra))
                case ")", "]", "}":
                    if depths.count > 1 { depths.removeLast() }
                case ",":
                    if depths[top].lambdaHeads == 0 { reset(top, extra: true) }
                case ":":
                    if depths[top].lambdaHeads > 0 {
                        depths[top].lambdaHeads -= 1
                    } else {
                        if depths.count == 1 { guardPending = false }
                        reset(top, extra: true)
                    }
                case "=":
                    if depths[top].lambdaHeads == 0 { reset(top, extra: true) }
                case ";", ":=", "->", "+=", "-=", "*=", "/=", "//=", "^=", "&=", "|=", "<<=", ">>=":
                    reset(top, extra: true)
                default:
                    break
                }
            case .word:
                switch token.key {
                case "and":
                    let segment = depths[top].segment
                    if !segments[segment].andInChain {
                        segments[segment].andInChain = true
                        segments[segment].hasBool = true
                        boolOps += 1
                    }
                case "or":
                    let segment = depths[top].segment
                    segments[segment].andInChain = false
                    if !segments[segment].sawOr {
                        segments[segment].sawOr = true
                        segments[segment].hasBool = true
                        boolOps += 1
                    }
                case "if":
                    if depths[top].comprehension || (guardPending && depths.count == 1) {
                        reset(top, extra: true)
                    } else {
                        // What came before `if` at this depth is this conditional's value, one level deeper.
                        segments[depths[top].segment].isConditionalBody = true
                        reset(top, extra: false)
                        conditionals.append((depths[top].segment, depths[top].extra))
                        depths[top].extra += 1
                    }
                case "else":
                    reset(top, extra: false)
                case "for":
                    depths[top].comprehension = true
                    reset(top, extra: true)
                case "lambda":
                    reset(top, extra: false)
                    depths[top].extra += 1
                    depths[top].lambdaHeads += 1
                default:
                    break
                }
            default:
                break
            }
        }
        // Parents are created before their children, so one forward pass settles every segment.
        inBoolOp.removeAll(keepingCapacity: true)
        bodyDepth.removeAll(keepingCapacity: true)
        for segment in segments {
            let parent = segment.parent
            inBoolOp.append(parent >= 0 && (segments[parent].hasBool || inBoolOp[parent]))
            bodyDepth.append(parent >= 0 ? bodyDepth[parent] + (segments[parent].isConditionalBody ? 1 : 0) : 0)
        }
        var result = LevelScore(k: boolOps, n: 0, z: 0)
        for conditional in conditionals where !inBoolOp[conditional.segment] {
            result += LevelScore(k: 1 + conditional.extra + bodyDepth[conditional.segment], n: 1, z: 0)
        }
        return result
    }

    /// Starts a new segment at depth `top`; a hard separator also ends the conditionals and lambdas before it.
    mutating func reset(_ top: Int, extra: Bool) {
        segments.append(Segment(parent: segments[depths[top].segment].parent))
        depths[top].segment = segments.count - 1
        if extra { depths[top].extra = depths[top].baseExtra }
    }
}
