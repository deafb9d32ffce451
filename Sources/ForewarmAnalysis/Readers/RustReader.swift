/// Rust: a port of lizard's `RustReader` (rust.py), the Go-like machine with `fn` as its keyword, plus
/// `match` arms (each `=>` after the first adds one) and `let … else` (an `else` not closing an `if` adds one).
struct RustReader: LanguageReader {
    var states = GoLikeStates(dialect: .rust)

    init() {}

    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        states.read(token, &context)
    }
}

extension GoLikeStates {
    /// rust.py's `RustStates._state_global`.
    mutating func rustGlobal(_ token: Token, _ context: inout ReadingContext) {
        if token.key == "=>" {
            if top.inMatchArms {
                if top.seenMatchArm { context.addCondition() }
                top.seenMatchArm = true
            }
            return
        }
        if token.key == "match" {
            top.matchSubjectNesting = 0
            top.state = .matchSubject
            return
        }
        if countLetElse(token, &context) { return }
        goLikeGlobal(token, &context)
    }

    /// Counts `let … else`; the `else` of an `if` is no extra condition. An `if` body is the `{` that returns to
    /// the bracket depth where its `if` began.
    mutating func countLetElse(_ token: Token, _ context: inout ReadingContext) -> Bool {
        let key = token.key
        if key != "else" { top.elsePending = false }
        if key == "(" || key == "[" {
            top.parenDepth += 1
        } else if key == ")" || key == "]", top.parenDepth > 0 {
            top.parenDepth -= 1
        }
        switch key {
        case "else":
            if !top.elsePending { context.addCondition() }
            top.elsePending = false
            return true
        case "if":
            top.ifBodyDepths.append(top.parenDepth)
            return false
        case "{":
            guard let depth = top.ifBodyDepths.last, depth == top.parenDepth else { return false }
            top.ifBodyDepths.removeLast()
            subState(.ifBodyClosed)
            return true
        default:
            return false
        }
    }

    /// rust.py's `_match_subject`: the arms start at the first `{` outside brackets.
    mutating func matchSubject(_ token: Token) {
        switch token.key {
        case "(", "[": top.matchSubjectNesting += 1
        case ")", "]": if top.matchSubjectNesting > 0 { top.matchSubjectNesting -= 1 }
        case "{": if top.matchSubjectNesting == 0 { subState(.endMatch, matchArms: true) }
        default: break
        }
    }
}
