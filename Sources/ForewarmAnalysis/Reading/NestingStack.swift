/// lizard's nesting stack, with the namespace prefix and the innermost function kept up to date as levels are
/// pushed and popped, so asking for them costs O(1) however deep the stack is (100,000 nested braces stay linear).
///
/// The prefix is capped at ``ReadingContext/maxNameBytes``: pathological nesting cannot make names (and so
/// time and memory) grow without bound.
struct NestingStack {
    private(set) var levels: [Nesting] = []
    /// Per level: the prefix length before it was pushed, the innermost function at or below it, and the prefix
    /// text before it was pushed if it had been built (restored on pop, so leaving a function or class body does
    /// not build the enclosing prefix again).
    private var marks: [(prefixLength: Int, innermostFunction: Int?, text: String?)] = []
    private var prefixBytes: [UInt8] = []
    private var prefixText: String? = ""

    var count: Int { levels.count }
    var innermostFunction: Int? { marks.last?.innermostFunction ?? nil }

    /// The namespace prefix (`ns::Class::` and `outer.` for enclosing functions).
    mutating func prefix() -> String {
        if let prefixText { return prefixText }
        let text = String(decoding: prefixBytes, as: UTF8.self)
        prefixText = text
        return text
    }

    /// Pushes a level whose contribution to the prefix is `part` (empty for bare blocks).
    mutating func push(_ level: Nesting, part: String) {
        var innermost = innermostFunction
        if case .function(let index) = level { innermost = index }
        marks.append((prefixBytes.count, innermost, prefixText))
        levels.append(level)
        append(part)
    }

    /// Pushes a function level whose part is `prefix`, `name`'s bytes, `suffix` and `.`, appended in place.
    mutating func push(_ level: Nesting, prefix: String, name: UnsafeBufferPointer<UInt8>, suffix: String) {
        var innermost = innermostFunction
        if case .function(let index) = level { innermost = index }
        marks.append((prefixBytes.count, innermost, prefixText))
        levels.append(level)
        append(prefix)
        append(bytes: name)
        append(suffix)
        append(".")
    }

    mutating func pop() -> Nesting? {
        guard let level = levels.popLast(), let mark = marks.popLast() else { return nil }
        if prefixBytes.count != mark.prefixLength {
            prefixBytes.removeSubrange(mark.prefixLength...)
            prefixText = mark.text
        }
        return level
    }

    /// Recomputes the prefix after the name of a function on the stack changed.
    mutating func rebuild(part: (Nesting) -> String) {
        prefixBytes.removeAll(keepingCapacity: true)
        prefixText = nil
        for index in levels.indices {
            marks[index].prefixLength = prefixBytes.count
            marks[index].text = nil
            append(part(levels[index]))
        }
    }

    private mutating func append(_ part: String) {
        var part = part
        part.withUTF8 { append(bytes: $0) }
    }

    private mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        let room = ReadingContext.maxNameBytes - prefixBytes.count
        guard !bytes.isEmpty, room > 0 else { return }
        prefixBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.prefix(room)))
        prefixText = nil
    }
}
