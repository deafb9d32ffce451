/// Lookup tables built once per language from its ``LexicalSyntax``, so the lexer branches on one table read per byte.
///
/// The per-byte tables are also kept as 256-entry buffers (``byteTables``) that a ``Lexer`` copies the pointers of:
/// a lookup is then one load, without loading the array from this object and checking its bounds. They are
/// written only in `init` and freed with the object, which every lexer using them holds.
final class CompiledSyntax: @unchecked Sendable {
    enum ByteClass: UInt8 {
        case other, space, newline, identifierStart, digit, quote, sigil
    }

    let syntax: LexicalSyntax
    let classes: [ByteClass]
    /// The multi-byte symbols, packed for matching (see ``SymbolMatcher``).
    let symbols: SymbolMatcher
    let identifierContinue: [Bool]
    /// `identifierContinue` as a rule the lexer applies eight bytes at a time (nil when the table is not of that shape).
    let identifierBytes: IdentifierBytes?
    /// First bytes that may open a comment, and a special literal (raw, verbatim, prefixed, long-bracket strings,
    /// char literals): the lexer asks about either only for these, not for every token.
    let commentStart: [Bool]
    let specialLiteralStart: [Bool]
    /// Bytes that may start a token by one of the lexer's rules for symbols (a regex, a generic wildcard, a
    /// heredoc, lizard's Ruby and JavaScript quirks) rather than by the longest symbol match alone.
    let symbolRules: [Bool]
    /// Bytes that start a special literal only when a quote follows within three bytes.
    let literalNeedsNearQuote: [Bool]
    /// The same per-byte tables as 256-entry buffers.
    let byteTables: ByteTables

    /// Pointers to 256 entries each, indexed by a byte.
    struct ByteTables {
        let classes: UnsafePointer<ByteClass>
        let identifierContinue: UnsafePointer<Bool>
        let commentStart: UnsafePointer<Bool>
        let specialLiteralStart: UnsafePointer<Bool>
        let symbolRules: UnsafePointer<Bool>
        let literalNeedsNearQuote: UnsafePointer<Bool>
    }

    init(_ syntax: LexicalSyntax) {
        self.syntax = syntax
        var classes = [ByteClass](repeating: .other, count: 256)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { classes[Int(byte)] = .identifierStart }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(byte)] = .identifierStart }
        for byte in 0x80...0xFF { classes[byte] = .identifierStart }
        classes[Int(UInt8(ascii: "_"))] = .identifierStart
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { classes[Int(byte)] = .digit }
        for byte in [UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C] { classes[Int(byte)] = .space }
        classes[Int(UInt8(ascii: "\n"))] = .newline
        classes[Int(UInt8(ascii: "\r"))] = .newline
        for quote in syntax.quotes { classes[Int(quote)] = .quote }
        if syntax.backtickStrings { classes[Int(UInt8(ascii: "`"))] = .quote }
        for sigil in syntax.identifierStart { classes[Int(sigil)] = .sigil }
        self.classes = classes

        var continues = [Bool](repeating: false, count: 256)
        for (index, byteClass) in classes.enumerated() where byteClass == .identifierStart || byteClass == .digit {
            continues[index] = true
        }
        for byte in syntax.identifierContinue { continues[Int(byte)] = true }
        identifierContinue = continues
        let rule = IdentifierBytes(extra: syntax.identifierContinue.count == 1 ? syntax.identifierContinue[0] : nil)
        identifierBytes = syntax.identifierContinue.count <= 1 && rule.matches(continues) ? rule : nil

        var comments = [Bool](repeating: false, count: 256)
        for opener in syntax.lineComments where !opener.isEmpty { comments[Int(opener[0])] = true }
        if syntax.cBlockComments { comments[Int(UInt8(ascii: "/"))] = true }
        if syntax.luaLongBrackets { comments[Int(UInt8(ascii: "-"))] = true }
        if syntax.rubyEmbeddedDocs || syntax.perlPOD { comments[Int(UInt8(ascii: "="))] = true }  // `=begin`, POD
        commentStart = comments

        // Mirrors the branches of `Lexer.readSpecialLiteral`.
        var literals = [Bool](repeating: false, count: 256)
        func mark(_ characters: String) { for byte in characters.utf8 { literals[Int(byte)] = true } }
        if syntax.luaLongBrackets { mark("[") }
        if syntax.swiftRawStrings { mark("#") }
        if syntax.csharpVerbatim { mark("@$") }
        if syntax.cppRawStrings { mark("RuUL") }
        if syntax.rustRawStrings { mark("rbc") }
        if syntax.singleQuoteIsCharLiteral { mark("'") }
        if syntax.pythonPrefixes { mark("rbuftRBUFT") }  // `isPythonPrefix`: r"", b'', f"", rb'', t"" …
        specialLiteralStart = literals

        // Letters that start a special literal only with a quote within three bytes: C++'s `R"`, `u8R"`, `LR"`…,
        // Python's `rb'`, `f"`…. (Rust's `r#…"` may put its quote further away.)
        var nearQuote = [Bool](repeating: false, count: 256)
        if syntax.cppRawStrings { for byte in "RuUL".utf8 { nearQuote[Int(byte)] = true } }
        if syntax.pythonPrefixes { for byte in "rbuftRBUFT".utf8 { nearQuote[Int(byte)] = true } }
        if syntax.rustRawStrings { for byte in "rbc".utf8 { nearQuote[Int(byte)] = false } }
        literalNeedsNearQuote = nearQuote

        // Mirrors the rules `Lexer.readToken` tries before the longest symbol match.
        var rules = [Bool](repeating: false, count: 256)
        rules[Int(UInt8(ascii: "."))] = true  // `.5`
        if syntax.lizardRubyTokens { for byte in "%{}:".utf8 { rules[Int(byte)] = true } }
        if syntax.slashRegex { rules[Int(UInt8(ascii: "/"))] = true }
        if syntax.genericWildcards || syntax.phpInlineHTML || syntax.heredocs { rules[Int(UInt8(ascii: "<"))] = true }
        if syntax.lizardJavaScript { rules[Int(UInt8(ascii: "?"))] = true }
        symbolRules = rules

        symbols = SymbolMatcher(syntax.symbols)

        func buffer<Element>(_ table: [Element]) -> UnsafePointer<Element> {
            precondition(table.count == 256)
            let buffer = UnsafeMutablePointer<Element>.allocate(capacity: 256)
            buffer.initialize(from: table, count: 256)
            return UnsafePointer(buffer)
        }
        byteTables = ByteTables(
            classes: buffer(classes), identifierContinue: buffer(identifierContinue),
            commentStart: buffer(commentStart),
            specialLiteralStart: buffer(specialLiteralStart), symbolRules: buffer(symbolRules),
            literalNeedsNearQuote: buffer(literalNeedsNearQuote))
    }

    deinit {
        UnsafeMutablePointer(mutating: byteTables.classes).deallocate()
        UnsafeMutablePointer(mutating: byteTables.identifierContinue).deallocate()
        UnsafeMutablePointer(mutating: byteTables.commentStart).deallocate()
        UnsafeMutablePointer(mutating: byteTables.specialLiteralStart).deallocate()
        UnsafeMutablePointer(mutating: byteTables.symbolRules).deallocate()
        UnsafeMutablePointer(mutating: byteTables.literalNeedsNearQuote).deallocate()
        symbols.deallocate()
    }

    private static let table: [Language: CompiledSyntax] = {
        var table: [Language: CompiledSyntax] = [:]
        for language in Language.allCases { table[language] = CompiledSyntax(.of(language)) }
        return table
    }()

    static func of(_ language: Language) -> CompiledSyntax { table[language]! }
}
