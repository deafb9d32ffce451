/// Python: a port of lizard's `PythonReader`. Functions end where indentation drops (`PythonIndents`), `def`
/// signatures are read by ``PythonFunctionStates``, `case` counts as a condition when it is the soft keyword,
/// conditions inside f-string interpolations count, and standalone triple-quoted strings are not code lines.
struct PythonReader: LanguageReader {
    var states = PythonFunctionStates()
    /// lizard's `PythonIndents.indents`.
    var indents = ScratchArray<Int>([0])
    /// The line the previous code token ended on (0 before the first).
    var lastEndLine = 0
    var previous: Token? = nil

    init() {}

    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        let atLineStart = token.line > lastEndLine && !continuesLine(context.source)
        if atLineStart {
            if states.tracksIndentation(context) {
                let spaces = PythonReader.leadingSpaces(before: token.start, context)
                setNesting(spaces, token, traits, &context)
            }
            if token.key == "case", PythonReader.isSoftKeyword(after: token, context.source) {
                context.addCondition()
            }
        }
        if token.kind == .string {
            readString(token, &context)
        } else if token.kind == .number {
            addTokens(PythonReader.numberPieces(token, context.source) - 1, &context)
        }
        states.read(token, &context)
        previous = token
        lastEndLine = token.line + token.innerNewlines
    }

    mutating func endOfFile(_ context: inout ReadingContext) {
        while indents.count > 1 {
            indents.removeLast()
            context.popNesting()
        }
    }

    /// The previous token was a backslash ending its line: lizard's `\` + newline token, which is no line break.
    func continuesLine(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let previous, previous.kind == .symbol, previous.key == "\\", previous.end < source.count else {
            return false
        }
        return source[previous.end] == UInt8(ascii: "\n")
    }

    /// lizard's `PythonIndents.set_nesting`. lizard pops before it counts the token, the session counts before
    /// the reader runs, so when functions end here the token's counts move to the function that is current after.
    mutating func setNesting(_ spaces: Int, _ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        if let last = indents.last, last > spaces, token.key != ")" {
            let before = context.current
            let lines = token.innerNewlines + 1
            let condition = traits.contains(.condition) ? 1 : 0
            context.functions[before].nloc -= lines
            context.functions[before].tokens -= 1
            context.functions[before].cyclomatic -= condition
            context.functions[before].endLine = lastEndLine
            while let last = indents.last, last > spaces {
                indents.removeLast()
                context.popNesting()
            }
            let after = context.current
            context.functions[after].nloc += lines
            context.functions[after].tokens += 1
            context.functions[after].cyclomatic += condition
            context.functions[after].endLine = context.currentLine
        }
        if let last = indents.last, last < spaces {
            indents.append(spaces)
            context.addBareNesting()
        }
    }

    /// lizard's `count_spaces` of the whitespace that starts the line of the token at `start`, the first on its
    /// line (a tab counts 8).
    static func leadingSpaces(before start: Int, _ context: ReadingContext) -> Int {
        var spaces = 0
        for index in context.lineStart(before: start)..<start {
            spaces += context.source[index] == UInt8(ascii: "\t") ? 8 : 1
        }
        return spaces
    }

    /// Triple-quoted strings that stand alone are comments to lizard; f-string interpolations are code.
    mutating func readString(_ token: Token, _ context: inout ReadingContext) {
        let source = context.source
        let prefix = PythonReader.prefixLength(token, source)
        if token.length - prefix >= 6, PythonReader.isTripleQuoted(token, source, allowPrefix: true) {
            // lizard reads a prefix as its own token, which is never one that makes the string an operand.
            if prefix > 0 {
                context.addNloc(-token.innerNewlines - 1)
            } else if !states.isAtFirstLine, !PythonReader.precedesOperand(previous) {
                context.addNloc(-token.innerNewlines - 1)
            }
        }
        guard prefix > 0 else { return }
        // lizard's tokens: the prefix, then the literal, or for an f-string its chunks and interpolated code.
        var extraTokens = 1
        if PythonReader.isFormatPrefix(token, prefix, source) {
            let expanded = PythonFormatString.expand(quoteStart: token.start + prefix, end: token.end, source)
            context.addCondition(expanded.conditions)
            extraTokens += expanded.tokens - 1
        }
        addTokens(extraTokens, &context)
    }

    func addTokens(_ count: Int, _ context: inout ReadingContext) {
        context.functions[context.current].tokens += count
        context.fileTokens += count
    }

    /// lizard's `\w+|.` splits a number at dots and exponent signs: `1.5e-3` is `1` `.` `5e` `-` `3`.
    static func numberPieces(_ token: Token, _ source: UnsafeBufferPointer<UInt8>) -> Int {
        var pieces = 0
        var inWord = false
        for index in token.start..<token.end {
            let byte = source[index]
            let isWordByte =
                byte >= 0x80 || byte == UInt8(ascii: "_")
                || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            if !isWordByte {
                pieces += 1
            } else if !inWord {
                pieces += 1
            }
            inWord = isWordByte
        }
        return pieces
    }

    static func precedesOperand(_ token: Token?) -> Bool {
        guard let token else { return false }
        switch token.key {
        case "=", "+=", "-=", "*=", "/=", "%=", "//=", "**=", "&=", "|=", "^=", "<<=", ">>=", "(", "return", ",", "[",
            "+", "-", "*", "/", "//", "%":
            return token.kind == .symbol || token.kind == .word
        default:
            return false
        }
    }

    static func prefixLength(_ token: Token, _ source: UnsafeBufferPointer<UInt8>) -> Int {
        var index = token.start
        while index < token.end, source[index] != UInt8(ascii: "\""), source[index] != UInt8(ascii: "'") { index += 1 }
        return index - token.start
    }

    static func isTripleQuoted(_ token: Token, _ source: UnsafeBufferPointer<UInt8>, allowPrefix: Bool) -> Bool {
        guard token.kind == .string else { return false }
        let start = token.start + (allowPrefix ? prefixLength(token, source) : 0)
        guard start + 3 <= token.end else { return false }
        let quote = source[start]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return false }
        return source[start + 1] == quote && source[start + 2] == quote
    }

    /// lizard expands `f`, `rf`, `fr`, `bf`, `fb` strings (any case).
    static func isFormatPrefix(_ token: Token, _ length: Int, _ source: UnsafeBufferPointer<UInt8>) -> Bool {
        var hasF = false
        for index in token.start..<(token.start + length) {
            switch source[index] | 0x20 {
            case UInt8(ascii: "f"): hasF = true
            case UInt8(ascii: "r"), UInt8(ascii: "b"): break
            default: return false
            }
        }
        return hasF && length <= 2
    }
}
