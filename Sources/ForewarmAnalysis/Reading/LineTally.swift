/// Classifies every physical line as code, comment-only or blank, and remembers which is which so a
/// function's range can be counted afterwards.
struct LineTally {
    enum Kind: UInt8 { case blank = 0, comment = 1, code = 2 }

    /// Kind of each finished line, index 0 for line 1.
    private(set) var kinds = ScratchArray<Kind>(capacity: 256)
    private var current: Kind = .blank
    private var touched = false

    /// Notes a token on the current line; a token with inner line breaks covers the following lines too.
    /// A token that ends with its last line break (an unterminated comment at the end of the input) leaves the
    /// line after it untouched, so no phantom line is counted.
    @inline(__always)
    mutating func mark(_ kind: Kind, innerNewlines: Int, endsWithLineBreak: Bool = false) {
        touched = true
        if kind.rawValue > current.rawValue { current = kind }
        for _ in 0..<innerNewlines {
            endLine()
            current = kind
            touched = true
        }
        if innerNewlines > 0, endsWithLineBreak {
            current = .blank
            touched = false
        }
    }

    @inline(__always)
    mutating func endLine() {
        kinds.append(current)
        current = .blank
        touched = false
    }

    /// Closes the last line if it has content (a file ending without a line break).
    mutating func finish() {
        if touched { endLine() }
    }

    func counts(from startLine: Int = 1, to endLine: Int? = nil) -> LineCounts {
        let last = min(endLine ?? kinds.count, kinds.count)
        var counts = LineCounts()
        guard startLine >= 1, startLine <= last else { return counts }
        for index in (startLine - 1)..<last {
            switch kinds[index] {
            case .blank: counts.blank += 1
            case .comment: counts.comment += 1
            case .code: counts.code += 1
            }
        }
        counts.total = last - startLine + 1
        return counts
    }
}
