/// Rust lexed as lizard's tokenizer splits it, so function boundaries and counts agree with lizard's:
/// `'name` is always a lifetime (so `'a'` is `'a` then a quote), and `#` swallows the rest of its line
/// (attributes, and the tail of `r#"…"#` raw strings), as lizard's preprocessor-macro rule does.
extension Lexer {
    /// `'\w+` as a lifetime, else a quote closing anywhere later (lines included), else a lone `'`.
    mutating func readLizardQuote() -> Token {
        let start = position
        let startLine = line
        if rules.identifierContinue[Int(byte(at: position + 1))] {
            position += 1
            while position < source.count, rules.identifierContinue[Int(source[position])] { position += 1 }
            return finish(.word, from: start, startLine: startLine)
        }
        if skipLizardCharacter() {
            return finish(.string, from: start, startLine: startLine, key: "'")
        }
        position = start + 1
        line = startLine
        return finish(.symbol, from: start, startLine: startLine)
    }

    /// Skips `'…'` with backslash escapes; false (position unspecified) when no quote closes it.
    mutating func skipLizardCharacter() -> Bool {
        let quote = Int(UInt8(ascii: "'"))
        if let failed = unterminatedQuoteFrom[quote], position > failed { return false }
        let start = position
        position += 1
        while position < source.count {
            let current = source[position]
            if current == UInt8(ascii: "'") {
                position += 1
                return true
            }
            if current == UInt8(ascii: "\\") {
                position += 1
                if position >= source.count { break }
            }
            stepCountingLines()
        }
        if unterminatedQuoteFrom[quote] == nil { unterminatedQuoteFrom[quote] = start }
        return false
    }

    /// lizard's macro rule: `#` and every following token up to the line end, stopping before a token that
    /// itself spans lines. Backslash-newline continues the line.
    mutating func readHashLine() -> Token {
        let start = position
        let startLine = line
        position += 1
        scan: while position < source.count {
            let current = source[position]
            let next = byte(at: position + 1)
            let before = (position, line)
            switch current {
            case UInt8(ascii: "\n"):
                break scan
            case UInt8(ascii: "\r") where next == UInt8(ascii: "\n"):
                break scan
            case UInt8(ascii: "\\") where next == UInt8(ascii: "\n"):
                position += 1
                stepCountingLines()
            case UInt8(ascii: "/") where next == UInt8(ascii: "/"):
                skipToEndOfLine()
                break scan
            case UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                skipBlockComment()
                if line != before.1 {
                    (position, line) = before
                    break scan
                }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if current == UInt8(ascii: "'"), rules.identifierContinue[Int(next)] {
                    position += 1
                    while position < source.count, rules.identifierContinue[Int(source[position])] { position += 1 }
                    continue scan
                }
                let closed = current == UInt8(ascii: "'")
                    ? skipLizardCharacter() : skipQuoted(quote: current, interpolation: nil)
                if !closed {
                    (position, line) = before
                    position += 1
                } else if line != before.1 {
                    (position, line) = before
                    break scan
                }
            default:
                position += 1
            }
        }
        return finish(.string, from: start, startLine: startLine, key: "#")
    }
}
