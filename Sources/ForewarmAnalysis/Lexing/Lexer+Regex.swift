extension Lexer {
    /// Whether a `/` here starts a regular expression rather than a division, judged by the token before it.
    func regexMayStartHere() -> Bool {
        if syntax.lizardJavaScript { return lizardRegexMayStartHere() }
        guard let previous else { return true }
        switch previous.kind {
        case .number, .string, .regex:
            return false
        case .word:
            return Lexer.wordsBeforeRegex.contains(previous.key)
        case .symbol:
            switch previous.key {
            case ")", "]", "}", "++", "--": return false
            default: return true
            }
        default:
            return true
        }
    }

    /// lizard's rule for JavaScript: the byte before the `/` (spaces and line breaks skipped) opens an expression.
    func lizardRegexMayStartHere() -> Bool {
        var index = position - 1
        while index >= 0 {
            switch source[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                index -= 1
            case UInt8(ascii: "="), UInt8(ascii: ","), UInt8(ascii: "("), UInt8(ascii: "{"), UInt8(ascii: "["),
                UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "|"),
                UInt8(ascii: ";"):
                return true
            default:
                return false
            }
        }
        return true
    }

    static let wordsBeforeRegex: Set<TokenKey> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
        "yield", "await", "and", "or", "not", "if", "unless", "elsif", "when", "while", "until", "split", "grep",
        "map", "join", "push", "unshift", "x",
    ]

    /// `/…/flags` on one line; nil (nothing consumed) when it does not close there.
    ///
    /// A failed attempt scans to the end of the line, so after a few failures on one line the rest of that line's
    /// slashes are divisions: a line of `/[/[/[…` would otherwise cost its length squared.
    mutating func readSlashRegex() -> Token? {
        if line == regexFailureLine, regexFailures >= Lexer.regexAttemptsPerLine { return nil }
        let start = position
        var cursor = position + 1
        var inClass = false
        while cursor < source.count {
            let current = source[cursor]
            if current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r") {
                noteRegexFailure()
                return nil
            }
            if current == UInt8(ascii: "\\") {
                cursor += 2
                continue
            }
            if current == UInt8(ascii: "[") {
                inClass = true
            } else if current == UInt8(ascii: "]") {
                inClass = false
            } else if current == UInt8(ascii: "/"), !inClass {
                break
            }
            cursor += 1
        }
        guard cursor < source.count, cursor > position + 1 else {
            if cursor >= source.count { noteRegexFailure() }
            return nil
        }
        position = cursor + 1
        while position < source.count, classes[Int(source[position])] == .identifierStart, source[position] < 0x80 {
            position += 1
        }
        return finish(.regex, from: start, startLine: line, key: "/re/")
    }

    static let regexAttemptsPerLine = 8

    mutating func noteRegexFailure() {
        if line == regexFailureLine {
            regexFailures += 1
        } else {
            regexFailureLine = line
            regexFailures = 1
        }
    }

    /// Perl's `q qq qw qr m s tr y` followed by a delimiter: the whole construct is one token.
    mutating func readPerlQuoteLike(wordStart: Int) -> Token? {
        let length = position - wordStart
        guard length <= 2 else { return nil }
        let word = Array(source[wordStart..<position])
        let parts: Int
        switch word {
        case Array("q".utf8), Array("qq".utf8), Array("qw".utf8), Array("qr".utf8), Array("m".utf8): parts = 1
        case Array("s".utf8), Array("tr".utf8), Array("y".utf8): parts = 2
        default: return nil
        }
        if let previous, previous.kind == .symbol, previous.key == "->" || previous.key == "{" { return nil }
        var cursor = position
        while byte(at: cursor) == UInt8(ascii: " ") || byte(at: cursor) == UInt8(ascii: "\t") { cursor += 1 }
        let delimiter = byte(at: cursor)
        guard cursor < source.count, isQuoteLikeDelimiter(delimiter, spaced: cursor > position) else { return nil }
        // `s => 1` and `y => 2` are hash keys, `q,` an argument.
        if delimiter == UInt8(ascii: "="), byte(at: cursor + 1) == UInt8(ascii: ">") { return nil }
        let startLine = line
        position = cursor
        skipPerlDelimited(parts: parts)
        while position < source.count, classes[Int(source[position])] == .identifierStart, source[position] < 0x80 {
            position += 1
        }
        return finish(
            .string, from: wordStart, startLine: startLine,
            key: parts == 1 && word == Array("qr".utf8)
                || word == Array("m".utf8) ? "/re/" : "\"")
    }

    func isQuoteLikeDelimiter(_ byte: UInt8, spaced: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "{"), UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "<"),
            UInt8(ascii: "|"), UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "~"), UInt8(ascii: "\""),
            UInt8(ascii: "'"), UInt8(ascii: "@"), UInt8(ascii: "%"), UInt8(ascii: "^"), UInt8(ascii: ":"):
            return !(spaced && byte == UInt8(ascii: "#"))
        default:
            return false
        }
    }

    /// Skips one or two delimited parts starting at the opening delimiter at `position`.
    mutating func skipPerlDelimited(parts: Int) {
        var remaining = parts
        var open = source[position]
        while remaining > 0, position < source.count {
            let close = Lexer.closingBracket(for: open) ?? open
            position += 1
            var depth = 1
            while position < source.count {
                let current = source[position]
                if current == UInt8(ascii: "\\") {
                    position += 1
                    if position < source.count { stepCountingLines() }
                    continue
                }
                if current == close {
                    depth -= 1
                    if depth == 0 { break }
                } else if current == open, close != open {
                    depth += 1
                }
                stepCountingLines()
            }
            position = min(position + 1, source.count)
            remaining -= 1
            if remaining > 0 {
                if close != open {
                    // `s{…}{…}`: the second part has its own brackets, maybe after spaces.
                    while position < source.count,
                        classes[Int(source[position])] == .space
                            || classes[Int(source[position])] == .newline
                    {
                        stepCountingLines()
                    }
                    guard position < source.count else { return }
                    open = source[position]
                } else {
                    position -= 1  // `s/a/b/`: the middle delimiter opens the second part
                }
            }
        }
    }

    static func closingBracket(for open: UInt8) -> UInt8? {
        switch open {
        case UInt8(ascii: "("): UInt8(ascii: ")")
        case UInt8(ascii: "["): UInt8(ascii: "]")
        case UInt8(ascii: "{"): UInt8(ascii: "}")
        case UInt8(ascii: "<"): UInt8(ascii: ">")
        default: nil
        }
    }
}
