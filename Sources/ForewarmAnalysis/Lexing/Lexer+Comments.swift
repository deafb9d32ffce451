extension Lexer {
    /// A comment starting at `position`, if one does.
    mutating func readComment(startingWith first: UInt8) -> Token? {
        let start = position
        let startLine = line
        if syntax.cBlockComments, first == UInt8(ascii: "/"), byte(at: position + 1) == UInt8(ascii: "*") {
            skipBlockComment()
            return finish(.comment, from: start, startLine: startLine, key: "/*")
        }
        if syntax.luaLongBrackets, first == UInt8(ascii: "-"), byte(at: position + 1) == UInt8(ascii: "-"),
            byte(at: position + 2) == UInt8(ascii: "["), let level = longBracketLevel(at: position + 2)
        {
            position += 2
            skipLongBracket(level: level)
            return finish(.comment, from: start, startLine: startLine, key: "--[[")
        }
        if atLineStart, first == UInt8(ascii: "="), let comment = readLineStartDocument() { return comment }
        for opener in syntax.lineComments where hasPrefix(opener, at: position) {
            // PHP's `#[Attribute]` is not a comment.
            if opener == [UInt8(ascii: "#")], syntax.heredocs, !syntax.perlPOD,
                byte(at: position + 1) == UInt8(ascii: "[")
            {
                return nil
            }
            skipToEndOfLine()
            return finish(.comment, from: start, startLine: startLine, key: TokenKey(raw: 0))
        }
        return nil
    }

    mutating func skipToEndOfLine() {
        while position < source.count {
            let current = source[position]
            if current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r") { return }
            position += 1
        }
    }

    mutating func skipBlockComment() {
        position += 2
        var depth = 1
        while position < source.count {
            let current = source[position]
            if current == UInt8(ascii: "*"), byte(at: position + 1) == UInt8(ascii: "/") {
                position += 2
                depth -= 1
                if depth == 0 || !syntax.nestedBlockComments { return }
            } else if syntax.nestedBlockComments, current == UInt8(ascii: "/"),
                byte(at: position + 1) == UInt8(ascii: "*")
            {
                position += 2
                depth += 1
            } else {
                stepCountingLines()
            }
        }
    }

    /// The number of `=` in a Lua long bracket `[==[` at `index`, if one opens there.
    func longBracketLevel(at index: Int) -> Int? {
        guard byte(at: index) == UInt8(ascii: "[") else { return nil }
        var cursor = index + 1
        while byte(at: cursor) == UInt8(ascii: "=") { cursor += 1 }
        return byte(at: cursor) == UInt8(ascii: "[") ? cursor - index - 1 : nil
    }

    /// Skips `[==[ … ]==]` starting at `position`.
    mutating func skipLongBracket(level: Int) {
        position += level + 2
        while position < source.count {
            if source[position] == UInt8(ascii: "]") {
                var cursor = position + 1
                while cursor < source.count, source[cursor] == UInt8(ascii: "="), cursor - position - 1 < level {
                    cursor += 1
                }
                if cursor - position - 1 == level, byte(at: cursor) == UInt8(ascii: "]") {
                    position = cursor + 1
                    return
                }
                position += 1
            } else {
                stepCountingLines()
            }
        }
    }

    /// Ruby `=begin … =end` and Perl POD `=pod … =cut`, which start at the beginning of a line.
    mutating func readLineStartDocument() -> Token? {
        let start = position
        let startLine = line
        guard start == 0 || source[start - 1] == UInt8(ascii: "\n") || source[start - 1] == UInt8(ascii: "\r") else {
            return nil
        }
        let terminator: [UInt8]
        if syntax.rubyEmbeddedDocs, hasPrefix(Array("=begin".utf8), at: position) {
            terminator = Array("=end".utf8)
        } else if syntax.perlPOD, classes[Int(byte(at: position + 1))] == .identifierStart {
            terminator = Array("=cut".utf8)
        } else {
            return nil
        }
        while position < source.count {
            skipToEndOfLine()
            if position < source.count { stepCountingLines() }
            if hasPrefix(terminator, at: position) {
                skipToEndOfLine()
                break
            }
        }
        return finish(.comment, from: start, startLine: startLine, key: TokenKey(raw: 0))
    }

    /// A C preprocessor line, with its backslash continuations; its key is `#` and the directive (`#if`).
    mutating func readPreprocessorLine() -> Token {
        let start = position
        let startLine = line
        position += 1
        while byte(at: position) == UInt8(ascii: " ") || byte(at: position) == UInt8(ascii: "\t") { position += 1 }
        let nameStart = position
        while position < source.count, classes[Int(source[position])] == .identifierStart { position += 1 }
        let nameEnd = position
        while position < source.count {
            let current = source[position]
            if current == UInt8(ascii: "\\"),
                byte(at: position + 1) == UInt8(ascii: "\n")
                    || byte(at: position + 1) == UInt8(ascii: "\r")
            {
                position += 1
                stepCountingLines()  // a `\r` of `\r\n` is not counted: the `\n` is
                if source[position - 1] == UInt8(ascii: "\r"), byte(at: position) == UInt8(ascii: "\n") {
                    stepCountingLines()
                }
            } else if current == UInt8(ascii: "/"), byte(at: position + 1) == UInt8(ascii: "*") {
                skipBlockComment()
            } else if current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r") {
                break
            } else {
                position += 1
            }
        }
        var name: [UInt8] = [UInt8(ascii: "#")]
        name.append(contentsOf: source[nameStart..<min(nameEnd, nameStart + 12)])
        let key = name.withUnsafeBufferPointer { TokenKey(bytes: $0) }
        return finish(.preprocessor, from: start, startLine: startLine, key: key)
    }
}
