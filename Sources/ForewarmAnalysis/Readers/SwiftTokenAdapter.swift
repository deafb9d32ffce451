/// Redoes, over our tokens, what lizard's Swift and Kotlin tokenizers and `SwiftReplaceLabel` do differently:
///
/// - `name?`, `name!` (and Kotlin's `name!!`) are one token: the glued `?`/`!` reaches no state machine, and
///   a `?` that does not follow white space is not a ternary (lizard takes back its condition).
/// - `` `name` `` is one token, never a keyword.
/// - `#if …` to the end of the line is one token, so nothing in it counts; `#name` is one token.
/// - A label word right after `(` or `,` and before `:` (`f(for: x)`, `init(if: y)`) is renamed `_word`.
struct SwiftTokenAdapter {
    let labels: Set<TokenKey>
    var held: (token: Token, wasCondition: Bool)? = nil
    var previous: TokenKey = ""
    var directiveLine = -1
    var gluedWordStart = -1
    var closingBacktick = -1

    static let directives: Set<TokenKey> = ["if", "elseif", "else", "endif", "sourceLocation", "warning", "error"]

    init(labels: Set<TokenKey>) { self.labels = labels }

    /// The tokens to hand to the state machines for `token`, in order.
    mutating func adapt(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) -> (Token?, Token?) {
        let condition = traits.contains(.condition)
        if token.line == directiveLine || token.start == gluedWordStart || token.start == closingBacktick {
            if condition { context.addCondition(-1) }
            return (nil, nil)
        }
        var current: Token? = token
        let source = context.source
        let before: UInt8 = token.start > 0 ? source[token.start - 1] : UInt8(ascii: " ")
        switch token.key {
        case "#":
            let word = wordEnd(from: token.end, source)
            if word > token.end {
                let name = TokenKey(bytes: UnsafeBufferPointer(rebasing: source[token.end..<word]))
                if Self.directives.contains(name) { directiveLine = token.line } else { gluedWordStart = token.end }
            }
        case "`":
            let word = wordEnd(from: token.end, source)
            if word > token.end, word < source.count, source[word] == UInt8(ascii: "`") {
                closingBacktick = word
                let key = TokenKey(bytes: UnsafeBufferPointer(rebasing: source[token.start...word]))
                current = Token(
                    kind: .word, key: key, start: token.start, end: word + 1, line: token.line,
                    innerNewlines: 0)
                gluedWordStart = token.end
            }
        case "?":
            if token.start > 0, !isSpace(before),
                !(before == UInt8(ascii: "/") && token.start > 1
                    && source[token.start - 2] == UInt8(ascii: "*"))
            {
                if condition { context.addCondition(-1) }
                if isWordByte(before) { current = nil }
            }
        case "!", "!!":
            if isWordByte(before) { current = nil }
        case "?:":
            // Kotlin: `a?:b` is `a?` `:` `b` to lizard, so no elvis operator.
            if isWordByte(before) {
                if condition { context.addCondition(-1) }
                current = nil
            }
        default:
            break
        }
        var first: Token? = nil
        if let pending = held {
            held = nil
            if token.key == ":" {
                if pending.wasCondition { context.addCondition(-1) }
                var renamed = pending.token
                renamed.key = TokenKey("_" + context.text(of: pending.token))
                first = renamed
            } else {
                first = pending.token
            }
        } else if let candidate = current, previous == "(" || previous == ",", labels.contains(candidate.key),
            candidate.kind == .word
        {
            previous = candidate.key
            held = (candidate, condition)
            return (nil, nil)
        }
        if let current { previous = current.key }
        return (first, current)
    }

    /// A label still waiting for its next token at the end of the file.
    mutating func flush() -> Token? {
        defer { held = nil }
        return held?.token
    }

    func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\r") || byte == 0x0B || byte == 0x0C
    }

    func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= 0x80
            || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") || byte == UInt8(ascii: "_")
    }

    func wordEnd(from start: Int, _ source: UnsafeBufferPointer<UInt8>) -> Int {
        var index = start
        while index < source.count, isWordByte(source[index]) { index += 1 }
        return index
    }
}
