/// lizard's re-tokenizing of f-string interpolations (`_expand_fstring_interpolations`): the `{…}` parts of an
/// f-string are code, so the conditions in them count. Nested f-strings are expanded with a work list, not recursion.
enum PythonFormatString {
    /// The conditions inside an f-string's interpolations, and how many tokens lizard makes of the literal
    /// (`quoteStart..<end`, prefix excluded): literal chunks plus the interpolations' code tokens, or 1.
    static func expand(quoteStart: Int, end: Int, _ source: UnsafeBufferPointer<UInt8>) -> (
        conditions: Int, tokens: Int
    ) {
        let table = Vocabulary.table(for: .python)
        var conditions = 0
        var tokens = 0
        var strings: [Range<Int>] = [quoteStart..<end]
        var ranges: [Range<Int>] = []
        while let literal = strings.popLast() {
            ranges.removeAll(keepingCapacity: true)
            let chunks = interpolations(stringStart: literal.lowerBound, end: literal.upperBound, source, into: &ranges)
            if ranges.isEmpty {
                tokens += 1
                continue
            }
            tokens += chunks
            for range in ranges {
                let inner = UnsafeBufferPointer(rebasing: source[range])
                var lexer = Lexer(source: inner, language: .python)
                while let inside = lexer.next() {
                    switch inside.kind {
                    case .word:
                        tokens += 1
                        if table[inside.key].contains(.condition) { conditions += 1 }
                    case .symbol, .regex:
                        tokens += 1
                    case .number:
                        tokens += PythonReader.numberPieces(inside, inner)
                    case .string:
                        let length = PythonReader.prefixLength(inside, inner)
                        if length > 0 { tokens += 1 }
                        if length > 0, PythonReader.isFormatPrefix(inside, length, inner) {
                            let base = range.lowerBound
                            strings.append((base + inside.start + length)..<(base + inside.end))
                        } else {
                            tokens += 1
                        }
                    case .comment, .newline, .preprocessor:
                        break
                    }
                }
            }
        }
        return (conditions, tokens)
    }

    /// Appends the byte ranges of the interpolations of the string literal `start..<end` (quotes included).
    /// Returns how many literal chunks lizard emits around them.
    static func interpolations(
        stringStart start: Int, end: Int, _ source: UnsafeBufferPointer<UInt8>, into ranges: inout [Range<Int>]
    ) -> Int {
        guard start < end else { return 0 }
        let quote = source[start]
        let triple = start + 2 < end && source[start + 1] == quote && source[start + 2] == quote && end - start >= 6
        let quoteLength = triple ? 3 : 1
        let bodyStart = start + quoteLength
        let bodyEnd = end - quoteLength
        guard bodyStart <= bodyEnd else { return 0 }
        var chunks = 0
        var literal = false
        var index = bodyStart
        while index < bodyEnd {
            let byte = source[index]
            if (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")), index + 1 < bodyEnd, source[index + 1] == byte
            {
                index += 2
                literal = true
            } else if byte == UInt8(ascii: "{") {
                if literal { chunks += 1 }
                literal = false
                let after = interpolationEnd(opening: index, bodyEnd: bodyEnd, source)
                let innerEnd = max(index + 1, after - 1)
                ranges.append((index + 1)..<innerEnd)
                index = after
            } else {
                index += 1
                literal = true
            }
        }
        return literal ? chunks + 1 : chunks
    }

    /// lizard's `_find_interpolation_end`: the index after the `}` closing the `{` at `opening`.
    static func interpolationEnd(opening: Int, bodyEnd: Int, _ source: UnsafeBufferPointer<UInt8>) -> Int {
        var depth = 1
        var index = opening + 1
        while index < bodyEnd, depth > 0 {
            let byte = source[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = skipQuotedLiteral(at: index, bodyEnd: bodyEnd, source)
                continue
            }
            if byte == UInt8(ascii: "{") { depth += 1 } else if byte == UInt8(ascii: "}") { depth -= 1 }
            index += 1
        }
        return index
    }

    /// lizard's `_skip_quoted_literal`.
    static func skipQuotedLiteral(at start: Int, bodyEnd: Int, _ source: UnsafeBufferPointer<UInt8>) -> Int {
        let quote = source[start]
        let triple = start + 2 < bodyEnd && source[start + 1] == quote && source[start + 2] == quote
        var index = start + (triple ? 3 : 1)
        while index < bodyEnd {
            if source[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if source[index] == quote {
                if !triple { return index + 1 }
                if index + 2 < bodyEnd, source[index + 1] == quote, source[index + 2] == quote { return index + 3 }
            }
            index += 1
        }
        return bodyEnd
    }
}

extension PythonReader {
    /// Tokens after which `case` or `match` at a line start is a variable (lizard's `_SOFT_KW_VARIABLE_NEXT`).
    static let variableNext: Set<TokenKey> = [
        "=", ".", ":", ",", "+=", "-=", "*=", "/=", "%=", "//=", "**=", "&=", "|=", "^=", "<<=", ">>=", ":=",
    ]

    /// lizard's `_soft_keyword_lookahead` for a `case` (or `match`) that starts a line.
    static func isSoftKeyword(after token: Token, _ source: UnsafeBufferPointer<UInt8>) -> Bool {
        var lexer = Lexer(source: source, language: .python)
        lexer.position = token.end
        lexer.atLineStart = false
        var next = lexer.next()
        while let current = next, current.kind == .newline { next = lexer.next() }
        guard let next else { return true }
        if next.kind == .symbol, variableNext.contains(next.key) { return false }
        guard next.kind == .symbol, next.key == "(" || next.key == "[" else { return true }
        var depth = 1
        var budget = 100_000  // keeps unbalanced brackets from rescanning the whole file at every `case(`
        while let current = lexer.next(), budget > 0 {
            budget -= 1
            if current.kind == .newline {
                if depth == 0 { return false }
                continue
            }
            guard current.kind == .symbol else { continue }
            switch current.key {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case ":" where depth == 0: return true
            default: break
            }
        }
        return false
    }
}
