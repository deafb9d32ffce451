/// One pass over one file: lexes, counts lines and tokens the way lizard's pipeline does, and feeds each code
/// token to the language reader, the structure tracker, the Halstead counter and the hint collector.
struct AnalysisSession {
    let source: UnsafeBufferPointer<UInt8>
    let language: Language
    var distinct: DistinctTable
    var context: ReadingContext
    var lines = LineTally()
    var hints = HintCollector()
    var fileHalstead = HalsteadCounts()
    /// The numbered operators seen in the file (see ``countHalstead(_:_:operator:)``).
    var fileOperators = OperatorSet()
    let table: KeywordTable

    init(source: UnsafeBufferPointer<UInt8>, language: Language, distinct: DistinctTable) {
        self.source = source
        self.language = language
        self.distinct = distinct
        context = ReadingContext(source: source)
        table = Vocabulary.table(for: language)
    }

    mutating func run<Reader: LanguageReader, Tracker: StructureTracker>(
        _ reader: consuming Reader, _ tracker: consuming Tracker
    ) {
        var reader = reader
        var tracker = tracker
        var lexer = Lexer(source: source, language: language)
        var newline = true
        let joinsTilde = language == .c || language == .cpp || language == .csharp || language == .java
        var tilde: Token? = nil
        while var token = lexer.next() {
            switch token.kind {
            case .newline:
                lines.endLine()
                context.currentLineStart = token.end
                newline = true
                continue
            case .comment:
                lines.mark(.comment, innerNewlines: token.innerNewlines, endsWithLineBreak: endsWithLineBreak(token))
                if token.innerNewlines > 0 { newline = true }
                continue
            case .preprocessor:
                lines.mark(.code, innerNewlines: token.innerNewlines, endsWithLineBreak: endsWithLineBreak(token))
                if token.innerNewlines > 0 { newline = true }
                switch token.key {
                case "#if", "#ifdef", "#elif": context.addCondition()
                case "#include", "#import", "#using": hints.observeInclude(token, source: source)
                default: break
                }
                continue
            default:
                break
            }
            // C++ destructors: lizard glues `~` to the name after it.
            if joinsTilde {
                if token.kind == .symbol, token.key == "~" {
                    tilde = token
                    continue
                }
                if let pending = tilde {
                    tilde = nil
                    if token.kind == .word { token.start = pending.start }
                    token.key = TokenKey(bytes: UnsafeBufferPointer(rebasing: source[token.start..<token.end]))
                    if token.kind != .word { token.kind = .word }
                }
            }
            lines.mark(.code, innerNewlines: token.innerNewlines, endsWithLineBreak: endsWithLineBreak(token))
            context.currentLine = token.line + token.innerNewlines
            let entry =
                token.kind == .word || token.kind == .symbol
                ? table.entry(token.key) : (traits: [], operator: KeywordTable.noOperator)
            let traits = entry.traits
            // Like lizard's counters, Halstead charges the token to the function current before the reader
            // sees it: a function's own name belongs to the enclosing scope, its closing brace to itself.
            let halstead = countHalstead(token, traits, operator: entry.operator)
            // The current record's NLOC, end line, token count, condition and Halstead counts in one access.
            context.countCodeToken(
                nloc: token.innerNewlines + (newline ? 1 : 0), condition: traits.contains(.condition),
                halstead: halstead)
            newline = false
            hints.observe(token, traits, source: source)
            reader.read(token, traits, &context)
            tracker.observe(token, traits, &context)
        }
        lines.finish()
        reader.endOfFile(&context)
        tracker.finish(&context)
    }

    /// Whether a multi-line token's last byte is a line break (only unterminated tokens at the end do that).
    @inline(__always)
    func endsWithLineBreak(_ token: Token) -> Bool {
        guard token.innerNewlines > 0, token.end > token.start else { return false }
        let last = source[token.end - 1]
        return last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r")
    }

    /// Operands: identifiers, numbers, strings, literal keywords; operators: symbols and other keywords.
    /// Counts the token in the file's totals and the distinct tables; returns what the current function's record
    /// must count (the caller adds it with the record's other per-token counts).
    ///
    /// An operator the language's table numbers (`number`, not ``KeywordTable/noOperator``) is looked up in bit
    /// sets, the file's here and the function's in its record, instead of the hash table: no probe, and no branch
    /// on whether it was seen.
    @inline(__always)
    mutating func countHalstead(_ token: Token, _ traits: TokenTraits, operator number: UInt8) -> HalsteadStep {
        let isOperator: Bool
        var key = token.key.raw
        switch token.kind {
        case .word: isOperator = traits.contains(.keyword) && !traits.contains(.literal)
        case .symbol: isOperator = true
        default:
            isOperator = false
            if token.kind != .number {
                key = TokenKey(bytes: UnsafeBufferPointer(rebasing: source[token.start..<token.end])).raw
            }
        }
        if isOperator, number != KeywordTable.noOperator {
            fileHalstead.operators += 1
            fileHalstead.distinctOperators += fileOperators.insert(number)
            return HalsteadStep(isOperator: true, isNew: false, operator: number)
        }
        let owner = context.functions[context.current].serial
        // Operators and operands live in separate key spaces.
        let tagged = isOperator ? key : ~key
        let isNewInFunction = distinct.insert(tagged, owner: owner)
        // Every pair a function holds is also the file's, so only a token new to its function can be new to the
        // file: one insert per token, and a second one only for each function's distinct tokens.
        let isNewInFile = isNewInFunction && distinct.insert(tagged, owner: -1)
        if isOperator {
            fileHalstead.operators += 1
            if isNewInFile { fileHalstead.distinctOperators += 1 }
        } else {
            fileHalstead.operands += 1
            if isNewInFile { fileHalstead.distinctOperands += 1 }
        }
        return HalsteadStep(isOperator: isOperator, isNew: isNewInFunction, operator: KeywordTable.noOperator)
    }
}

/// One token's share of its function's Halstead counts.
struct HalsteadStep {
    var isOperator: Bool
    /// New to the function: a distinct operator or operand (for an operator without a number).
    var isNew: Bool
    /// The operator's number, whose novelty the function's ``OperatorSet`` decides; ``KeywordTable/noOperator``
    /// when `isNew` does.
    var `operator`: UInt8
}

/// A set of operator numbers (below 256), one bit each.
struct OperatorSet {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// Adds `number`; 1 when it was not there before, else 0 (arithmetic, so callers need not branch).
    @inline(__always)
    mutating func insert(_ number: UInt8) -> Int {
        let bit = UInt64(1) &<< UInt64(number & 63)
        return withUnsafeMutableBytes(of: &words) { raw in
            let word = raw.baseAddress!.assumingMemoryBound(to: UInt64.self) + Int(number &>> 6)
            let old = word.pointee
            word.pointee = old | bit
            return old & bit == 0 ? 1 : 0
        }
    }
}
