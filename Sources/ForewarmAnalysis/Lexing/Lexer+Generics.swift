extension Lexer {
    /// lizard's tokenizer reads a generic argument list holding a `?` as one token (`<?>`, `<? extends T>`,
    /// C#'s `<int?>`), so that `?` is not counted as a condition: `<`, then only word characters, spaces,
    /// `,`, `.` and `?` up to the first `>`, with at least one `?`.
    mutating func readWildcardGeneric() -> Token? {
        let start = position
        var cursor = position + 1
        var sawQuestion = false
        while cursor < source.count {
            let current = source[cursor]
            if current == UInt8(ascii: ">") { break }
            if current == UInt8(ascii: "?") {
                sawQuestion = true
            } else if !(current == UInt8(ascii: ",") || current == UInt8(ascii: ".") || current == UInt8(ascii: " ")
                || current == UInt8(ascii: "\t") || current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r")
                || classes[Int(current)] == .identifierStart || classes[Int(current)] == .digit)
            {
                return nil
            }
            cursor += 1
        }
        guard sawQuestion, cursor < source.count else { return nil }
        let startLine = line
        while position <= cursor { stepCountingLines() }
        return finish(.symbol, from: start, startLine: startLine)
    }
}
