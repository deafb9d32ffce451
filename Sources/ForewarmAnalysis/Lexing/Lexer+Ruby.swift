/// lizard's Ruby tokenizer reads the code inside `"…#{code}…"` as code: the string ends at `#{`, the code is
/// tokenized, and the string resumes after the matching `}`. Here the string parts are `"…#{` and `}…"` tokens
/// (the braces of the interpolation stay inside them, so readers see balanced code either way).
extension Lexer {
    /// Reads a `"` string from `position`, or its continuation after an interpolation's `}`; nil when the
    /// string never ends and never interpolates (the caller falls back to a lone quote).
    mutating func readRubyStringPart(from start: Int, resuming: Bool) -> Token? {
        let startLine = line
        position += 1
        while position < source.count {
            let current = source[position]
            if current == UInt8(ascii: "\"") {
                position += 1
                return finish(.string, from: start, startLine: startLine, key: "\"")
            }
            if current == UInt8(ascii: "\\") {
                position += 1
                if position < source.count { stepCountingLines() }
            } else if current == UInt8(ascii: "#"), byte(at: position + 1) == UInt8(ascii: "{") {
                position += 2
                rubyInterpolations.append(rubyBraceDepth)
                return finish(.string, from: start, startLine: startLine, key: "\"")
            } else {
                stepCountingLines()
            }
        }
        if resuming { return finish(.string, from: start, startLine: startLine, key: "\"") }
        position = start
        line = startLine
        return nil
    }

    /// Tracks `{` and `}` in Ruby code; true when this `}` closes an interpolation (the string resumes here).
    mutating func rubyBrace(_ byte: UInt8) -> Bool {
        if byte == UInt8(ascii: "{") {
            rubyBraceDepth += 1
        } else if let open = rubyInterpolations.last, open == rubyBraceDepth {
            rubyInterpolations.removeLast()
            return true
        } else if rubyBraceDepth > 0 {
            rubyBraceDepth -= 1
        }
        return false
    }
}

extension Lexer {
    /// lizard's Ruby percent literals `%w[…]`, `%q{…}`, `%i<…>`, `%(…)`: up to the first closing bracket (no
    /// nesting; backslash escapes), as one string token. nil when this `%` is not one.
    mutating func readRubyPercentLiteral() -> Token? {
        let start = position
        let startLine = line
        var cursor = position + 1
        switch byte(at: cursor) {
        case UInt8(ascii: "q"), UInt8(ascii: "Q"), UInt8(ascii: "r"), UInt8(ascii: "w"), UInt8(ascii: "i"),
            UInt8(ascii: "I"):
            cursor += 1
        default:
            break
        }
        let close: UInt8
        switch byte(at: cursor) {
        case UInt8(ascii: "{"): close = UInt8(ascii: "}")
        case UInt8(ascii: "["): close = UInt8(ascii: "]")
        case UInt8(ascii: "<"): close = UInt8(ascii: ">")
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return nil
        }
        // lizard's `%(…)` pattern stops at `)` but may not cross a `>` (its character class excludes `>`).
        let barrier: UInt8 = close == UInt8(ascii: ")") ? UInt8(ascii: ">") : close
        var end = cursor + 1
        while end < source.count {
            let current = source[end]
            if current == close { break }
            if current == UInt8(ascii: "\\") {
                end += 2
                continue
            }
            if current == barrier { return nil }
            end += 1
        }
        guard end < source.count else { return nil }
        position = cursor + 1
        while position < end { stepCountingLines() }
        position = end + 1
        return finish(.string, from: start, startLine: startLine, key: "\"")
    }
}
