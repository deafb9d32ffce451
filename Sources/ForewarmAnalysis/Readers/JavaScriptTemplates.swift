/// lizard's `javascript_templates.py`: a template literal reaches the state machines as `` ` ``, text pieces,
/// `${`, each outer interpolation as one opaque token, `}`, and a closing `` ` `` (their braces matter to it).
extension JavaScriptReader {
    /// Feeds the pieces of a template literal; false when the token is not one.
    mutating func feedTemplate(_ token: Token, _ context: inout ReadingContext) -> Bool {
        let source = context.source
        guard token.kind == .string, token.length >= 2, source[token.start] == UInt8(ascii: "`"),
            source[token.end - 1] == UInt8(ascii: "`")
        else { return false }
        let firstNewline = newline
        var index = 0
        func piece(_ start: Int, _ end: Int, key: TokenKey? = nil, kind: TokenKind = .symbol) -> Token {
            var piece = token
            piece.start = start
            piece.end = end
            piece.kind = kind
            piece.key = key ?? TokenKey(bytes: UnsafeBufferPointer(rebasing: source[start..<end]))
            return piece
        }
        func emit(_ piece: Token, spansLines: Bool, _ reader: inout JavaScriptReader) {
            reader.newline = index == 0 ? firstNewline || spansLines : spansLines
            index += 1
            _ = reader.dispatch(0, piece, &context)
        }
        emit(piece(token.start, token.start + 1), spansLines: false, &self)
        var position = token.start + 1
        for (start, end) in templateExpressions(token, source) {
            let textEnd = start - 2
            if position < textEnd {
                // `text`: starts with a backtick, as lizard's piece does; no key the machines compare with.
                let text = piece(token.start, textEnd + 1, key: "`…`", kind: .string)
                emit(text, spansLines: containsNewline(source, position, textEnd), &self)
            }
            emit(piece(textEnd, start), spansLines: false, &self)
            let first = start < end ? source[start] : 0
            emit(
                piece(start, end, kind: JSName.isAlpha(first) ? .word : .string),
                spansLines: containsNewline(source, start, end), &self)
            emit(piece(end, end + 1), spansLines: false, &self)
            position = end + 1
        }
        if position < token.end - 1 {
            let text = piece(token.start, token.end, key: "`…`", kind: .string)
            emit(text, spansLines: containsNewline(source, position, token.end - 1), &self)
        }
        emit(piece(token.end - 1, token.end), spansLines: false, &self)
        return true
    }

    private func containsNewline(_ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            if source[index] == UInt8(ascii: "\n") { return true }
            index += 1
        }
        return false
    }

    /// The outer `${ … }` spans (contents only), found with a stack as lizard's `_template_end` does.
    func templateExpressions(_ token: Token, _ source: UnsafeBufferPointer<UInt8>) -> [(Int, Int)] {
        var expressions: [(Int, Int)] = []
        var stack = [0]
        var expressionStart = 0
        var position = token.start + 1
        let end = token.end
        while !stack.isEmpty, position < end {
            let byte = source[position]
            if stack[stack.count - 1] == 0 {
                if byte == UInt8(ascii: "\\") {
                    position += 2
                    continue
                }
                if byte == UInt8(ascii: "`") {
                    stack.removeLast()
                } else if byte == UInt8(ascii: "$"), position + 1 < end, source[position + 1] == UInt8(ascii: "{") {
                    if stack.count == 1 { expressionStart = position + 2 }
                    stack.append(1)
                    position += 1
                }
                position += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "/"):
                position = skipOpaqueSlash(source, position, end)
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                position = skipQuotedRun(source, position, end)
                continue
            case UInt8(ascii: "`"):
                stack.append(0)
            case UInt8(ascii: "{"):
                stack[stack.count - 1] += 1
            case UInt8(ascii: "}"):
                stack[stack.count - 1] -= 1
                if stack[stack.count - 1] == 0 {
                    stack.removeLast()
                    if stack.count == 1 { expressions.append((expressionStart, position)) }
                }
            default:
                break
            }
            position += 1
        }
        return expressions
    }

    /// Past a comment or regex literal at a `/` in an interpolation, else one byte on.
    private func skipOpaqueSlash(_ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let next = start + 1 < end ? source[start + 1] : 0
        if next == UInt8(ascii: "*") {
            var index = start + 2
            while index + 1 < end, !(source[index] == UInt8(ascii: "*") && source[index + 1] == UInt8(ascii: "/")) {
                index += 1
            }
            return index + 1 < end ? index + 2 : start + 1
        }
        if next == UInt8(ascii: "/") {
            var index = start + 2
            while index < end, source[index] != UInt8(ascii: "\n"), source[index] != UInt8(ascii: "\r") { index += 1 }
            return index
        }
        var before = start - 1
        while before >= 0,
            source[before] == UInt8(ascii: " ") || source[before] == UInt8(ascii: "\t")
                || source[before] == UInt8(ascii: "\n") || source[before] == UInt8(ascii: "\r")
        {
            before -= 1
        }
        guard before >= 0, "=,({[?:!&|;".utf8.contains(source[before]) else { return start + 1 }
        var index = start + 1
        var inClass = false
        while index < end {
            let byte = source[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return start + 1 }
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "[") {
                inClass = true
            } else if byte == UInt8(ascii: "]") {
                inClass = false
            } else if byte == UInt8(ascii: "/"), !inClass {
                break
            }
            index += 1
        }
        guard index < end, index > start + 1 else { return start + 1 }
        index += 1
        while index < end, source[index] >= UInt8(ascii: "a"), source[index] <= UInt8(ascii: "z") { index += 1 }
        return index
    }

    /// Past a closed `"…"` or `'…'` string, else one byte on.
    private func skipQuotedRun(_ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let quote = source[start]
        var index = start + 1
        while index < end {
            if source[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if source[index] == quote { return index + 1 }
            index += 1
        }
        return start + 1
    }
}
