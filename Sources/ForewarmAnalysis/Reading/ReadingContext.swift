/// What language readers drive while they read a file: lizard's `FileInfoBuilder`.
///
/// It owns the functions found so far, the current one (index 0 is the file's global pseudo-function),
/// and the nesting stack of namespaces, blocks and functions.
struct ReadingContext {
    let source: UnsafeBufferPointer<UInt8>
    var functions = ScratchArray<FunctionRecord>()
    /// Indices of finished functions, in the order lizard reports them.
    var finished: [Int] = []
    var current = 0
    var stacked: [Int] = []
    private var nesting = NestingStack()
    var pendingFunction: Int? = nil
    var currentLine = 1
    /// Where the current physical line begins: just past the last line-break token (the session sets it).
    var currentLineStart = 0
    /// Tokens of the whole file.
    var fileTokens = 0
    var fileNloc = 0
    private var serials = 0

    /// Names (and each part of one: prefix, first token, suffix) are cut at this many bytes, so inputs built to
    /// grow names (deep namespaces, `f()()()…` renames, `operator` followed by megabytes) stay linear.
    static let maxNameBytes = 1024

    init(source: UnsafeBufferPointer<UInt8>) {
        self.source = source
        functions.append(FunctionRecord(nameStart: 0, nameEnd: 0, namePrefix: "*global*", startLine: 0, endLine: 0))
        functions[0].nloc = 0
        functions[0].tokens = 0
    }

    /// Where the line of the token at `start` begins, when that token is the first code on its line:
    /// `currentLineStart`, since only line-break tokens start lines between code tokens (a token spanning lines
    /// ends on the line of the code after it); searched back from `start` for a token before it.
    func lineStart(before start: Int) -> Int {
        if currentLineStart <= start { return currentLineStart }
        var lineStart = start
        while lineStart > 0, source[lineStart - 1] != UInt8(ascii: "\n"), source[lineStart - 1] != UInt8(ascii: "\r") {
            lineStart -= 1
        }
        return lineStart
    }

    // MARK: Token text

    func text(of token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: source[token.start..<token.end]), as: UTF8.self)
    }

    /// The current function's name as lizard would print it.
    /// Field by field: copying the whole record would retain and release its strings and arrays.
    func name(of index: Int) -> String {
        let nameStart = functions[index].nameStart
        let end = min(functions[index].nameEnd, nameStart + ReadingContext.maxNameBytes)
        let base = String(decoding: UnsafeBufferPointer(rebasing: source[nameStart..<end]), as: UTF8.self)
        return functions[index].namePrefix + base + functions[index].nameSuffix
    }

    // MARK: Nesting stack

    var currentNestingLevel: Int { nesting.count }

    /// The levels of the nesting stack, outermost first.
    var nestingStack: [Nesting] { nesting.levels }

    /// Namespaces and enclosing functions, as lizard prefixes a new function's name (kept incrementally).
    mutating func namespacePrefix() -> String {
        nesting.prefix()
    }

    /// What a nesting level adds to the prefix.
    func prefixPart(_ level: Nesting) -> String {
        switch level {
        case .bare: ""
        case .namespace(let name): name.isEmpty ? "" : name + "::"
        case .function(let index): name(of: index) + "."
        }
    }

    mutating func addBareNesting() {
        if let pending = pendingFunction {
            pendingFunction = nil
            push(.function(pending))
        } else {
            push(.bare)
        }
    }

    mutating func addNamespace(_ name: String) {
        pendingFunction = nil
        push(.namespace(name))
    }

    private mutating func push(_ level: Nesting) {
        if case .function(let index) = level {
            functions[index].nestingLevels += 1
            let nameStart = functions[index].nameStart
            let end = min(functions[index].nameEnd, nameStart + ReadingContext.maxNameBytes)
            let name = UnsafeBufferPointer(rebasing: source[nameStart..<max(nameStart, end)])
            if !name.contains(where: { $0 >= 0x80 }) {
                // An ASCII name decodes to itself: its bytes go in as they are, without building the strings of
                // `prefixPart` (the same bytes).
                nesting.push(
                    level, prefix: functions[index].namePrefix, name: name, suffix: functions[index].nameSuffix)
                return
            }
        }
        nesting.push(level, part: prefixPart(level))
    }

    var lastFunctionInStack: Int? { nesting.innermostFunction }

    mutating func popNesting() {
        pendingFunction = nil
        guard let level = nesting.pop() else { return }
        if case .function(let index) = level {
            functions[index].nestingLevels -= 1
            let endLine = functions[current].endLine
            endOfFunction()
            current = lastFunctionInStack ?? 0
            functions[current].endLine = endLine
        }
    }

    // MARK: Functions

    /// Starts a candidate function named by `token` (lizard's `try_new_function`).
    mutating func tryNewFunction(_ token: Token) {
        tryNewFunction(nameStart: token.start, nameEnd: token.end, prefix: namespacePrefix())
    }

    mutating func tryNewFunction(named name: String) {
        tryNewFunction(nameStart: 0, nameEnd: 0, prefix: namespacePrefix() + name)
    }

    private mutating func tryNewFunction(nameStart: Int, nameEnd: Int, prefix: String) {
        var prefix = prefix
        if prefix.utf8.count > ReadingContext.maxNameBytes {
            prefix = String(decoding: prefix.utf8.prefix(ReadingContext.maxNameBytes), as: UTF8.self)
        }
        serials += 1
        let parent = lastFunctionInStack ?? (current != 0 && functions[current].confirmed ? current : nil)
        // Built where it is stored: a record built once and stored in either branch was copied (its strings and
        // arrays retained) and destroyed twice per candidate.
        func record() -> FunctionRecord {
            var record = FunctionRecord(
                nameStart: nameStart, nameEnd: nameEnd, namePrefix: prefix, startLine: currentLine,
                endLine: currentLine)
            record.topNestingLevel = currentNestingLevel
            record.serial = serials
            record.parent = parent
            return record
        }
        // A candidate that was never confirmed is replaced in place, so failed guesses cost no memory.
        if current != 0, !functions[current].confirmed, functions.count - 1 == current {
            functions[current] = record()
        } else {
            functions.append(record())
            current = functions.count - 1
        }
    }

    mutating func confirmNewFunction() {
        pendingFunction = current
        functions[current].confirmed = true
        functions[current].cyclomatic = 1
    }

    mutating func restartNewFunction(_ token: Token) {
        tryNewFunction(token)
        confirmNewFunction()
    }

    mutating func restartNewFunction(named name: String) {
        tryNewFunction(named: name)
        confirmNewFunction()
    }

    mutating func pushNewFunction(_ token: Token) {
        stacked.append(current)
        restartNewFunction(token)
    }

    mutating func pushNewFunction(named name: String) {
        stacked.append(current)
        restartNewFunction(named: name)
    }

    mutating func addCondition(_ increment: Int = 1) {
        functions[current].cyclomatic += increment
    }

    mutating func addToFunctionName(_ text: String) {
        let room = ReadingContext.maxNameBytes - functions[current].nameSuffix.utf8.count
        guard room > 0 else { return }
        functions[current].nameSuffix +=
            room >= text.utf8.count
            ? text : String(decoding: text.utf8.prefix(room), as: UTF8.self)
        if functions[current].nestingLevels > 0 {
            // lizard reads names on the stack when it builds a prefix: refresh ours.
            var stack = nesting
            nesting = NestingStack()
            stack.rebuild { prefixPart($0) }
            nesting = stack
        }
    }

    mutating func addToFunctionName(_ token: Token) {
        let end = min(token.end, token.start + ReadingContext.maxNameBytes)
        addToFunctionName(String(decoding: UnsafeBufferPointer(rebasing: source[token.start..<end]), as: UTF8.self))
    }

    /// Records a parameter token (lizard's `parameter`): groups split at commas.
    /// Mutates the groups in place: copying them out would make `f(a, a, a, …)` quadratic.
    mutating func parameter(_ token: Token) {
        let isComma = token.kind == .symbol && token.key == ","
        let bindsName =
            token.kind == .symbol
            && (source[token.start] == UInt8(ascii: "=") || source[token.start] == UInt8(ascii: ":"))
        let isWord = token.kind == .word || token.kind == .number
        // Mutated in place: copying the array out and back would copy it on every parameter token.
        if functions[current].parameterGroups.isEmpty { functions[current].parameterGroups.append(.init()) }
        if isComma {
            functions[current].parameterGroups.append(.init())
            return
        }
        let last = functions[current].parameterGroups.count - 1
        if functions[current].parameterGroups[last].lastWasWord, bindsName {
            functions[current].parameterGroups[last].counts = true
        }
        functions[current].parameterGroups[last].lastWasWord = isWord
    }

    /// Ends the current function and returns to the one it interrupted (lizard's `end_of_function`).
    mutating func endOfFunction() {
        if current != 0 {
            functions[current].confirmed = true
            finished.append(current)
        }
        current = stacked.popLast() ?? 0
    }

    mutating func addNloc(_ count: Int) {
        fileNloc += count
        functions[current].nloc += count
        functions[current].endLine = currentLine
    }

    /// Counts a code token that adds `nloc` lines: `addNloc`, the token counts, a condition and the token's
    /// Halstead share, with one access to the current record (each separate `functions[current]` write checks the
    /// array's uniqueness and bounds).
    @inline(__always)
    mutating func countCodeToken(nloc count: Int, condition: Bool, halstead: HalsteadStep) {
        fileNloc += count
        fileTokens += 1
        let line = currentLine
        func bump(_ record: inout FunctionRecord) {
            record.nloc += count
            record.endLine = line
            record.tokens += 1
            if condition { record.cyclomatic += 1 }
            // A numbered operator's novelty comes from the record's set (its insert is harmless for the others:
            // `noOperator` is a scratch bit).
            let fresh = record.operators.insert(halstead.operator)
            let new = halstead.operator == KeywordTable.noOperator ? (halstead.isNew ? 1 : 0) : fresh
            if halstead.isOperator {
                record.halstead.operators += 1
                record.halstead.distinctOperators += new
            } else {
                record.halstead.operands += 1
                record.halstead.distinctOperands += new
            }
        }
        bump(&functions[current])
    }
}
