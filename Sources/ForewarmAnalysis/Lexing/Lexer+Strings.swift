extension Lexer {
    /// Literals whose opening is not a plain quote: prefixed, raw, verbatim, triple-quoted and long-bracket strings.
    mutating func readSpecialLiteral(startingWith first: UInt8) -> Token? {
        let start = position
        let startLine = line
        if syntax.luaLongBrackets, first == UInt8(ascii: "["), let level = longBracketLevel(at: position) {
            skipLongBracket(level: level)
            return finish(.string, from: start, startLine: startLine, key: "\"")
        }
        if syntax.swiftRawStrings, first == UInt8(ascii: "#") {
            var hashes = 0
            while byte(at: position + hashes) == UInt8(ascii: "#") { hashes += 1 }
            guard byte(at: position + hashes) == UInt8(ascii: "\"") else { return nil }
            position += hashes
            skipDelimitedRaw(hashes: hashes)
            return finish(.string, from: start, startLine: startLine, key: "\"")
        }
        if syntax.csharpVerbatim, first == UInt8(ascii: "@") || first == UInt8(ascii: "$") {
            var cursor = position
            var verbatim = false
            while byte(at: cursor) == UInt8(ascii: "@") || byte(at: cursor) == UInt8(ascii: "$") {
                if byte(at: cursor) == UInt8(ascii: "@") { verbatim = true }
                cursor += 1
            }
            guard byte(at: cursor) == UInt8(ascii: "\"") else { return nil }
            position = cursor
            if verbatim {
                skipVerbatim()
            } else {
                skipQuoted(quote: UInt8(ascii: "\""), interpolation: nil)
            }
            return finish(.string, from: start, startLine: startLine, key: "\"")
        }
        if syntax.cppRawStrings,
            first == UInt8(ascii: "R") || first == UInt8(ascii: "u") || first == UInt8(ascii: "U")
                || first == UInt8(ascii: "L"), let quote = rawStringQuote(prefixes: Self.cppRawStringPrefixes)
        {
            position = quote + 1
            var delimiter: [UInt8] = [UInt8(ascii: ")")]
            while position < source.count, source[position] != UInt8(ascii: "("), position - quote <= 17 {
                delimiter.append(source[position])
                position += 1
            }
            delimiter.append(UInt8(ascii: "\""))
            skipUntil(delimiter)
            return finish(.string, from: start, startLine: startLine, key: "\"")
        }
        if syntax.rustRawStrings, first == UInt8(ascii: "r") || first == UInt8(ascii: "b") || first == UInt8(ascii: "c")
        {
            var cursor = position + 1
            if first == UInt8(ascii: "b") || first == UInt8(ascii: "c"), byte(at: cursor) == UInt8(ascii: "r") {
                cursor += 1
            }
            let isRaw = byte(at: cursor - 1) == UInt8(ascii: "r")
            var hashes = 0
            while isRaw, byte(at: cursor + hashes) == UInt8(ascii: "#") { hashes += 1 }
            if byte(at: cursor + hashes) == UInt8(ascii: "\"") {
                position = cursor + hashes
                if isRaw {
                    skipDelimitedRaw(hashes: hashes, escapes: false)
                } else {
                    skipQuoted(quote: UInt8(ascii: "\""), interpolation: nil)
                }
                return finish(.string, from: start, startLine: startLine, key: "\"")
            }
            if first == UInt8(ascii: "b"), byte(at: cursor) == UInt8(ascii: "'") {
                position = cursor
                skipQuoted(quote: UInt8(ascii: "'"), interpolation: nil)
                return finish(.string, from: start, startLine: startLine, key: "'")
            }
        }
        if syntax.singleQuoteIsCharLiteral, first == UInt8(ascii: "'") {
            // A char literal closes within a few bytes; otherwise `'` is a lifetime or label (`'a`).
            var cursor = position + 1
            if byte(at: cursor) == UInt8(ascii: "\\") {
                cursor += 2
                while cursor < source.count, cursor - position < 12, source[cursor] != UInt8(ascii: "'") { cursor += 1 }
            } else {
                cursor += 1
                while cursor < source.count, cursor - position < 5, source[cursor] >= 0x80 { cursor += 1 }
            }
            if byte(at: cursor) == UInt8(ascii: "'") {
                position = cursor + 1
                return finish(.string, from: start, startLine: startLine, key: "'")
            }
            position += 1
            return finish(.symbol, from: start, startLine: startLine)
        }
        if syntax.pythonPrefixes, classes[Int(first)] == .identifierStart {
            var cursor = position
            while cursor - position < 2, isPythonPrefix(byte(at: cursor)) { cursor += 1 }
            let quote = byte(at: cursor)
            guard cursor > position, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            position = cursor
            return readQuoted(from: start)
        }
        return nil
    }

    func isPythonPrefix(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "u"), UInt8(ascii: "f"), UInt8(ascii: "t"): true
        default: false
        }
    }

    /// C++ raw string prefixes: `R"(…)"`, `u8R"…"`, `uR`, `UR`, `LR`.
    static let cppRawStringPrefixes: [[UInt8]] = ["R", "u8R", "uR", "UR", "LR"].map { Array($0.utf8) }

    /// The index of the `"` after one of `prefixes` at `position`, if the source has one there. (The lexer tries
    /// this only when a quote follows within three bytes: see ``CompiledSyntax/literalNeedsNearQuote``.)
    func rawStringQuote(prefixes: [[UInt8]]) -> Int? {
        for bytes in prefixes {
            if hasPrefix(bytes, at: position), byte(at: position + bytes.count) == UInt8(ascii: "\"") {
                return position + bytes.count
            }
        }
        return nil
    }

    /// A string opened by the quote at `position` (after any prefix that began at `start`).
    ///
    /// A quote that never closes is a lone symbol, as in lizard; once one has failed, later quotes of the same
    /// kind are not rescanned to the end, which keeps the lexer linear on inputs full of stray quotes.
    mutating func readQuoted(from start: Int) -> Token {
        let startLine = line
        let quote = source[position]
        let closed: Bool
        if !unterminatedQuoteFrom.isEmpty, let failed = unterminatedQuoteFrom[quote], position > failed {
            closed = false
        } else if syntax.tripleQuotes, quote != UInt8(ascii: "`"), byte(at: position + 1) == quote,
            byte(at: position + 2) == quote
        {
            closed = skipTripleQuoted(quote: quote)
        } else {
            closed = skipQuoted(quote: quote, interpolation: interpolationOpener(for: quote))
        }
        if !closed {
            if unterminatedQuoteFrom[quote] == nil { unterminatedQuoteFrom[quote] = start }
            position = start + 1
            line = startLine
            return finish(.symbol, from: start, startLine: startLine)
        }
        return finish(.string, from: start, startLine: startLine, key: quote == UInt8(ascii: "'") ? "'" : "\"")
    }

    /// The byte after which `{` opens code inside a string with this quote, if the language interpolates so.
    func interpolationOpener(for quote: UInt8) -> UInt8? {
        if quote == UInt8(ascii: "`"), syntax.lizardJavaScript {
            return UInt8(ascii: "$")  // JavaScript template literal
        }
        if quote == UInt8(ascii: "\"") {
            if syntax.predicateSuffixes { return UInt8(ascii: "#") }  // Ruby
            if syntax.swiftRawStrings { return UInt8(ascii: "\\") }  // Swift's \( … )
        }
        return nil
    }

    /// Skips a quoted string with backslash escapes; false when the input ends first.
    @discardableResult
    mutating func skipQuoted(quote: UInt8, interpolation: UInt8?) -> Bool {
        position += 1
        while position < source.count {
            let current = source[position]
            if current == quote {
                position += 1
                return true
            }
            if current == UInt8(ascii: "\\") {
                if let interpolation, interpolation == UInt8(ascii: "\\"), byte(at: position + 1) == UInt8(ascii: "(") {
                    position += 1
                    skipInterpolatedCode(open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
                    continue
                }
                position += 1
                if position < source.count { stepCountingLines() }
            } else if let interpolation, current == interpolation, byte(at: position + 1) == UInt8(ascii: "{") {
                position += 1
                skipInterpolatedCode(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
            } else {
                stepCountingLines()
            }
        }
        return false
    }

    /// Skips `{ … }` (or `( … )`) code inside a string, with strings nested inside it, without recursion:
    /// a stack of the quotes still open records where each nested string resumes.
    mutating func skipInterpolatedCode(open: UInt8, close: UInt8) {
        position += 1
        var depth = 1
        while position < source.count {
            let current = source[position]
            if current == open {
                depth += 1
                position += 1
            } else if current == close {
                depth -= 1
                position += 1
                if depth == 0 { return }
            } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") || current == UInt8(ascii: "`") {
                // Nested strings are skipped without their own interpolation, so nesting stays one level deep.
                skipQuoted(quote: current, interpolation: nil)
            } else {
                stepCountingLines()
            }
        }
    }

    mutating func skipTripleQuoted(quote: UInt8) -> Bool {
        position += 3
        while position < source.count {
            let current = source[position]
            if current == UInt8(ascii: "\\") {
                position += 1
                if position < source.count { stepCountingLines() }
            } else if current == quote, byte(at: position + 1) == quote, byte(at: position + 2) == quote {
                position += 3
                while byte(at: position) == quote { position += 1 }
                return true
            } else {
                stepCountingLines()
            }
        }
        return false
    }

    /// Skips `"…"###` (the opening `#`s already consumed): Swift and Rust raw strings.
    mutating func skipDelimitedRaw(hashes: Int, escapes: Bool = true) {
        let triple =
            byte(at: position + 1) == UInt8(ascii: "\"") && byte(at: position + 2) == UInt8(ascii: "\"")
            && syntax.tripleQuotes
        position += triple ? 3 : 1
        while position < source.count {
            let current = source[position]
            if current == UInt8(ascii: "\"") {
                let closes =
                    !triple
                    || (byte(at: position + 1) == UInt8(ascii: "\"") && byte(at: position + 2) == UInt8(ascii: "\""))
                let quoteLength = triple && closes ? 3 : 1
                var count = 0
                while count < hashes, byte(at: position + quoteLength + count) == UInt8(ascii: "#") { count += 1 }
                if closes, count == hashes {
                    position += quoteLength + hashes
                    return
                }
                position += 1
            } else if escapes, hashes == 0, current == UInt8(ascii: "\\") {
                position += 1
                if position < source.count { stepCountingLines() }
            } else {
                stepCountingLines()
            }
        }
    }

    /// C# `@"…"`: no escapes, `""` is a quote.
    mutating func skipVerbatim() {
        position += 1
        while position < source.count {
            if source[position] == UInt8(ascii: "\"") {
                if byte(at: position + 1) == UInt8(ascii: "\"") {
                    position += 2
                    continue
                }
                position += 1
                return
            }
            stepCountingLines()
        }
    }

    /// Skips to just past `terminator`, or to the end of the input.
    mutating func skipUntil(_ terminator: [UInt8]) {
        while position < source.count {
            if source[position] == terminator[0], hasPrefix(terminator, at: position) {
                position += terminator.count
                return
            }
            stepCountingLines()
        }
    }
}
