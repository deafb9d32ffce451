extension Lexer {
    /// A heredoc opener (`<<~EOS`, `<<"EOF"`, `<<<TXT`); its body is read at the end of the line.
    mutating func readHeredocOpener() -> Token? {
        let start = position
        var cursor = position + 2
        guard byte(at: position + 1) == UInt8(ascii: "<") else { return nil }
        let php = syntax.identifierStart == [UInt8(ascii: "$")]
        if php {
            guard byte(at: cursor) == UInt8(ascii: "<") else { return nil }
            cursor += 1
            while byte(at: cursor) == UInt8(ascii: " ") { cursor += 1 }
        }
        var indented = php
        if !php, byte(at: cursor) == UInt8(ascii: "~") || byte(at: cursor) == UInt8(ascii: "-") {
            indented = true
            cursor += 1
        }
        var quote: UInt8? = nil
        if byte(at: cursor) == UInt8(ascii: "\"") || byte(at: cursor) == UInt8(ascii: "'") {
            quote = byte(at: cursor)
            cursor += 1
        }
        let nameStart = cursor
        while cursor < source.count,
            classes[Int(source[cursor])] == .identifierStart
                || classes[Int(source[cursor])] == .digit
        {
            cursor += 1
        }
        guard cursor > nameStart, classes[Int(source[nameStart])] == .identifierStart else { return nil }
        // `x << VALUE` (Ruby append, C-like shift) is not a heredoc unless the name is quoted or marked.
        if !php, quote == nil, !indented {
            if let previous,
                previous.kind == .word || previous.kind == .number || previous.key == ")"
                    || previous.key == "]"
            {
                return nil
            }
            let first = source[nameStart]
            guard first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") || first == UInt8(ascii: "_") else {
                return nil
            }
        }
        let name = Array(source[nameStart..<cursor])
        if let quote {
            guard byte(at: cursor) == quote else { return nil }
            cursor += 1
        }
        position = cursor
        pendingHeredocs.append(Heredoc(terminator: name, indented: indented))
        return finish(.string, from: start, startLine: line, key: "\"")
    }

    /// The bodies of the heredocs opened on the line that just ended, as one string token.
    mutating func readHeredocBodies() -> Token? {
        let start = position
        let startLine = line
        for (index, heredoc) in pendingHeredocs.enumerated() {
            while position < source.count {
                var cursor = position
                if heredoc.indented {
                    while byte(at: cursor) == UInt8(ascii: " ") || byte(at: cursor) == UInt8(ascii: "\t") {
                        cursor += 1
                    }
                }
                let isTerminator =
                    hasPrefix(heredoc.terminator, at: cursor)
                    && !identifierContinue[Int(byte(at: cursor + heredoc.terminator.count))]
                skipToEndOfLine()
                if isTerminator { break }
                if position < source.count { stepCountingLines() }
            }
            if position < source.count, index < pendingHeredocs.count - 1 {
                stepCountingLines()
            }
        }
        pendingHeredocs.removeAll()
        guard position > start else { return nil }
        return finish(.string, from: start, startLine: startLine, key: "\"")
    }
}
