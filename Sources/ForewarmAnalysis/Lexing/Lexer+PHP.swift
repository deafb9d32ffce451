/// PHP's inline HTML, split as lizard does: a code block runs from `<?` (or `<?php`) to the first `?>` in the raw
/// text; the text between blocks is one string token.
extension Lexer {
    /// At a block boundary: skips `?>`, returns the HTML up to the next `<?` (if any), and enters that block.
    /// Returns nil when there is no HTML before the next block (or at the end of the input).
    mutating func readPHPBoundary() -> Token? {
        if let end = phpCodeEnd {
            // A token ran past `?>` (a string holding it): keep reading code up to the next one.
            guard position == end, hasPrefix(Self.phpClose, at: position) else {
                phpCodeEnd = find(Self.phpClose, from: position)
                return nil
            }
            position += 2
        }
        let start = position
        let startLine = line
        let open = find(Self.phpOpen, from: position)
        while position < open { stepCountingLines() }
        let html = position > start ? finish(.string, from: start, startLine: startLine, key: "\"") : nil
        if open < source.count {
            position += 2
            if hasPrefix(Self.phpWord, at: position) { position += 3 }
            atLineStart = false
        }
        phpCodeEnd = find(Self.phpClose, from: position)
        return html
    }

    static let phpOpen: [UInt8] = Array("<?".utf8)
    static let phpClose: [UInt8] = Array("?>".utf8)
    static let phpWord: [UInt8] = Array("php".utf8)

    /// Index of the next `bytes` at or after `index`, or the end of the input.
    func find(_ bytes: [UInt8], from index: Int) -> Int {
        var cursor = index
        while cursor + 1 < source.count {
            if source[cursor] == bytes[0], source[cursor + 1] == bytes[1] { return cursor }
            cursor += 1
        }
        return source.count
    }
}

extension Lexer {
    /// lizard's PHP heredoc: `<<<NAME` directly followed by a name, through the next occurrence of that name.
    /// Quoted names (`<<<'EOT'`), `<<< EOT` and names that never recur are no heredoc to lizard.
    mutating func readLizardPHPHeredoc() -> Token? {
        let start = position
        let startLine = line
        guard hasPrefix(Self.phpHeredoc, at: position) else { return nil }
        var cursor = position + 3
        while cursor < source.count, identifierContinue[Int(source[cursor])], source[cursor] != UInt8(ascii: "$") {
            cursor += 1
        }
        guard cursor > position + 3 else { return nil }
        let name = Array(source[(position + 3)..<cursor])
        var end = cursor
        while end + name.count <= source.count, !hasPrefix(name, at: end) { end += 1 }
        guard end + name.count <= source.count else { return nil }
        position = cursor
        while position < end { stepCountingLines() }
        position += name.count
        return finish(.string, from: start, startLine: startLine, key: "\"")
    }

    static let phpHeredoc: [UInt8] = Array("<<<".utf8)
}
