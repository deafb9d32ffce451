/// What language readers drive while they read a file: lizard's `FileInfoBuilder`.
///
/// It owns the functions found so far, the current one (index 0 is the file's global pseudo-function),
/// and the nesting stack of namespaces, blocks and functions.
struct ReadingContext {
    let source: UnsafeBufferPointer<UInt8>
    var functions: [FunctionRecord] = []
    /// Indices of finished functions, in the order lizard reports them.
    var finished: [Int] = []
    var current = 0
    var stacked: [Int] = []
    var nestingStack: [Nesting] = []
    var pendingFunction: Int? = nil
    var currentLine = 1
    /// Tokens of the whole file.
    var fileTokens = 0
    var fileNloc = 0
    private var serials = 0

    init(source: UnsafeBufferPointer<UInt8>) {
        self.source = source
        functions.append(FunctionRecord(nameStart: 0, nameEnd: 0, namePrefix: "*global*", startLine: 0, endLine: 0))
        functions[0].nloc = 0
        functions[0].tokens = 0
    }

    // MARK: Token text

    func text(of token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: source[token.start..<token.end]), as: UTF8.self)
    }

    /// The current function's name as lizard would print it.
    func name(of index: Int) -> String {
        let record = functions[index]
        let base = String(decoding: UnsafeBufferPointer(rebasing: source[record.nameStart..<record.nameEnd]), as: UTF8.self)
        return record.namePrefix + base + record.nameSuffix
    }

    // MARK: Nesting stack

    var currentNestingLevel: Int { nestingStack.count }

    func namespacePrefix() -> String {
        var prefix = ""
        for level in nestingStack {
            switch level {
            case .bare: break
            case .namespace(let name): if !name.isEmpty { prefix += name + "::" }
            case .function(let index): prefix += name(of: index) + "."
            }
        }
        return prefix
    }

    mutating func addBareNesting() {
        if let pending = pendingFunction {
            pendingFunction = nil
            nestingStack.append(.function(pending))
        } else {
            nestingStack.append(.bare)
        }
    }

    mutating func addNamespace(_ name: String) {
        pendingFunction = nil
        nestingStack.append(.namespace(name))
    }

    var lastFunctionInStack: Int? {
        for level in nestingStack.reversed() { if case .function(let index) = level { return index } }
        return nil
    }

    mutating func popNesting() {
        pendingFunction = nil
        guard let level = nestingStack.popLast() else { return }
        if case .function = level {
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
        var record = FunctionRecord(
            nameStart: nameStart, nameEnd: nameEnd, namePrefix: prefix, startLine: currentLine, endLine: currentLine)
        record.topNestingLevel = currentNestingLevel
        serials += 1
        record.serial = serials
        record.parent = lastFunctionInStack ?? (current != 0 && functions[current].confirmed ? current : nil)
        // A candidate that was never confirmed is replaced in place, so failed guesses cost no memory.
        if current != 0, !functions[current].confirmed, functions.count - 1 == current {
            functions[current] = record
        } else {
            functions.append(record)
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
        functions[current].nameSuffix += text
    }

    mutating func addToFunctionName(_ token: Token) {
        functions[current].nameSuffix += text(of: token)
    }

    /// Records a parameter token (lizard's `parameter`): groups split at commas.
    mutating func parameter(_ token: Token) {
        let isComma = token.kind == .symbol && token.key == ","
        let bindsName = token.kind == .symbol && (source[token.start] == UInt8(ascii: "=") || source[token.start] == UInt8(ascii: ":"))
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
}
