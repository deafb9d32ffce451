/// Splits source bytes into tokens for one language, in one forward pass.
///
/// Accepts any bytes: unterminated strings and comments run to the end of the input, invalid UTF-8 reads
/// as identifier bytes, and nothing recurses, so time is linear and the stack is constant.
public struct Lexer {
    let source: UnsafeBufferPointer<UInt8>
    let rules: CompiledSyntax
    var position = 0
    var line = 1
    /// Only spaces since the last line break (for preprocessor lines, POD, `=begin`).
    var atLineStart = true
    /// The last token that was not a comment or newline, for telling `/` from a regex and `<<` from a heredoc.
    var previous: (kind: TokenKind, key: TokenKey)? = nil
    /// Heredoc terminators waiting for the end of the current line.
    var pendingHeredocs: [Heredoc] = []
    var heredocBodyIsNext = false
    /// Regex literals that failed to close on the current line (see `readSlashRegex`).
    var regexFailureLine = 0
    var regexFailures = 0
    /// Where a string of each quote byte first failed to close (see `readQuoted`).
    /// Empty until a quote fails, so analysing a snippet allocates nothing for it.
    var unterminatedQuoteFrom: [UInt8: Int] = [:]
    /// PHP: where the current `<?php … ?>` block ends (nil before the first block: inline HTML comes first).
    var phpCodeEnd: Int? = nil
    /// Ruby: `{` depth in code, and the depths at which string interpolations opened.
    var rubyBraceDepth = 0
    var rubyInterpolations: [Int] = []

    struct Heredoc {
        var terminator: [UInt8]
        /// The terminator may be indented (`<<~`, `<<-`, PHP 7.3+).
        var indented: Bool
    }

    /// A copy of the rules' flags, so reading one on the hot path is a field load, not a retain.
    let syntax: LexicalSyntax
    /// The rules' per-byte tables (256 entries each, alive as long as `rules`): one load per lookup.
    let classes: UnsafePointer<CompiledSyntax.ByteClass>
    let identifierContinue: UnsafePointer<Bool>
    let commentStart: UnsafePointer<Bool>
    let specialLiteralStart: UnsafePointer<Bool>
    let symbolRules: UnsafePointer<Bool>
    let literalNeedsNearQuote: UnsafePointer<Bool>
    let symbols: SymbolMatcher
    let identifierBytes: IdentifierBytes?

    init(source: UnsafeBufferPointer<UInt8>, rules: CompiledSyntax) {
        self.source = source
        self.rules = rules
        self.syntax = rules.syntax
        classes = rules.byteTables.classes
        identifierContinue = rules.byteTables.identifierContinue
        commentStart = rules.byteTables.commentStart
        specialLiteralStart = rules.byteTables.specialLiteralStart
        symbolRules = rules.byteTables.symbolRules
        literalNeedsNearQuote = rules.byteTables.literalNeedsNearQuote
        symbols = rules.symbols
        identifierBytes = rules.identifierBytes
    }

    public init(source: UnsafeBufferPointer<UInt8>, language: Language) {
        self.init(source: source, rules: .of(language))
    }

    @inline(__always)
    func byte(at index: Int) -> UInt8 { index < source.count ? source[index] : 0 }

    /// The eight bytes from `index`, first in the lowest lane (the caller checks that eight are left).
    @inline(__always)
    static func eightBytes(_ base: UnsafePointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }

    @inline(__always)
    func hasPrefix(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + bytes.count <= source.count else { return false }
        for offset in 0..<bytes.count where source[index + offset] != bytes[offset] { return false }
        return true
    }

    /// The next token, or nil at the end of the input. Spaces are skipped; line breaks are tokens.
    public mutating func next() -> Token? {
        if heredocBodyIsNext {
            heredocBodyIsNext = false
            if let body = readHeredocBodies() { return body }
        }
        while position < source.count {
            if syntax.phpInlineHTML, phpCodeEnd.map({ position >= $0 }) ?? true {
                if let html = readPHPBoundary() { return html }
                if position >= source.count { break }
            }
            let current = source[position]
            switch classes[Int(current)] {
            case .space:
                position += 1
                // A run of spaces (indentation) in one go; PHP re-checks its block end after every byte.
                if !syntax.phpInlineHTML { skipSpaces() }
            case .newline:
                return readNewline()
            default:
                let token = readToken(startingWith: current)
                if token.kind != .comment { previous = (token.kind, token.key) }
                atLineStart = false
                return token
            }
        }
        return nil
    }

    /// Skips the rest of a run of spaces: a run of `' '` eight bytes at a time and its end found from the bits
    /// (indentation, without a branch per byte), then tabs and other spaces byte by byte.
    @inline(__always)
    mutating func skipSpaces() {
        if position < source.count, source[position] == UInt8(ascii: " "), let base = source.baseAddress {
            while position &+ 8 <= source.count {
                let word = Self.eightBytes(base, at: position)
                let notSpace = word ^ 0x2020_2020_2020_2020
                guard notSpace == 0 else {
                    position &+= notSpace.trailingZeroBitCount &>> 3
                    break
                }
                position &+= 8
            }
        }
        while position < source.count, classes[Int(source[position])] == .space { position += 1 }
    }

    mutating func readNewline() -> Token {
        let start = position
        if source[position] == UInt8(ascii: "\r"), byte(at: position + 1) == UInt8(ascii: "\n") {
            position += 2
        } else {
            position += 1
        }
        let token = Token(kind: .newline, key: "\n", start: start, end: position, line: line, innerNewlines: 0)
        line += 1
        atLineStart = true
        if !pendingHeredocs.isEmpty { heredocBodyIsNext = true }
        return token
    }

    /// Makes a token of `start..<position` and advances the line count past its inner line breaks.
    @inline(__always)
    mutating func finish(_ kind: TokenKind, from start: Int, startLine: Int, key: TokenKey? = nil) -> Token {
        let tokenKey = key ?? packedKey(from: start)
        return Token(
            kind: kind, key: tokenKey, start: start, end: position, line: startLine, innerNewlines: line - startLine)
    }

    /// The key of `start..<position`: a text of up to seven bytes with at least eight bytes of input left is
    /// packed from one 8-byte load (the same key ``TokenKey/init(start:count:)`` packs byte by byte).
    @inline(__always)
    func packedKey(from start: Int) -> TokenKey {
        let count = position &- start
        if count <= 7, start &+ 8 <= source.count, let base = source.baseAddress {
            let word = Self.eightBytes(base, at: start)
            let mask = (UInt64(1) &<< UInt64(8 &* count)) &- 1
            return TokenKey(raw: word & mask | UInt64(count) &<< 56)
        }
        return TokenKey(bytes: UnsafeBufferPointer(rebasing: source[start..<position]))
    }

    /// Advances `position` past a line break at `position` if there is one, counting it.
    @inline(__always)
    mutating func stepCountingLines() {
        let current = source[position]
        if current == UInt8(ascii: "\n") {
            line += 1
        } else if current == UInt8(ascii: "\r"), byte(at: position + 1) != UInt8(ascii: "\n") {
            line += 1
        }
        position += 1
    }

    @inline(__always)
    mutating func readToken(startingWith first: UInt8) -> Token {
        let start = position
        let startLine = line
        if commentStart[Int(first)], let comment = readComment(startingWith: first) { return comment }
        if syntax.preprocessor, atLineStart, first == UInt8(ascii: "#") { return readPreprocessorLine() }
        if specialLiteralStart[Int(first)], !literalNeedsNearQuote[Int(first)] || quoteFollowsSoon(),
            let literal = readSpecialLiteral(startingWith: first)
        {
            return literal
        }

        switch classes[Int(first)] {
        case .identifierStart:
            guard syntax.perlQuoteLike || syntax.lizardRubyTokens else {
                // The common word is built here, without the call to `readWord` and the copy of the token it
                // returns (2 % of a snippet; docs/performance.md, "Fifth pass").
                skipWordTail()
                return finish(.word, from: start, startLine: startLine)
            }
            return readWord()
        case .sigil:
            let next = byte(at: position + 1)
            if classes[Int(next)] == .identifierStart || next == first {
                return readWord()
            }
            if syntax.perlQuoteLike, isPerlSpecialVariable(next) {
                position += 2
                return finish(.word, from: start, startLine: startLine)
            }
        case .digit:
            return readNumber()
        case .quote:
            if syntax.lizardRubyTokens, first == UInt8(ascii: "\""),
                let part = readRubyStringPart(from: start, resuming: false)
            {
                return part
            }
            return readQuoted(from: start)
        default:
            break
        }
        if symbolRules[Int(first)], let token = readRuledSymbol(startingWith: first, from: start, startLine: startLine)
        {
            return token
        }
        position += symbols.length(at: position, first: first, in: source)
        return finish(.symbol, from: start, startLine: startLine)
    }

    /// The token a symbol rule of the language reads at `start` (see ``CompiledSyntax/symbolRules``), or nil for
    /// a plain symbol.
    mutating func readRuledSymbol(startingWith first: UInt8, from start: Int, startLine: Int) -> Token? {
        if first == UInt8(ascii: "."), classes[Int(byte(at: position + 1))] == .digit {
            return readNumber()
        }
        if syntax.lizardRubyTokens, first == UInt8(ascii: "%"), let literal = readRubyPercentLiteral() {
            return literal
        }
        if syntax.lizardRubyTokens, first == UInt8(ascii: "{") || first == UInt8(ascii: "}"), rubyBrace(first),
            let rest = readRubyStringPart(from: start, resuming: true)
        {
            return rest
        }
        if syntax.lizardRubyTokens, first == UInt8(ascii: ":"), byte(at: position + 1) != UInt8(ascii: ":"),
            classes[Int(byte(at: position + 1))] == .identifierStart
                || byte(at: position + 1) == UInt8(ascii: "@")
        {
            position += 1
            var word = readWord()
            word.start = start
            word.key = TokenKey(bytes: UnsafeBufferPointer(rebasing: source[start..<position]))
            return word
        }
        if first == UInt8(ascii: "/"), syntax.slashRegex,
            syntax.lizardRubyTokens ? lizardRegexMayStartHere() : regexMayStartHere(), let regex = readSlashRegex()
        {
            return regex
        }
        if first == UInt8(ascii: "<"), syntax.genericWildcards, let generic = readWildcardGeneric() { return generic }
        if first == UInt8(ascii: "<"), syntax.phpInlineHTML {
            if let heredoc = readLizardPHPHeredoc() { return heredoc }
        } else if first == UInt8(ascii: "<"), syntax.heredocs, let heredoc = readHeredocOpener() {
            return heredoc
        }
        if syntax.lizardJavaScript, first == UInt8(ascii: "?"), byte(at: position + 1) == UInt8(ascii: "."),
            classes[Int(byte(at: position + 2))] == .digit
        {
            position += 1  // `a ?.5 : b` is a conditional, not optional access
            return finish(.symbol, from: start, startLine: startLine)
        }
        return nil
    }

    /// Whether a `"` or `'` is among the three bytes after `position` (a prefixed literal's quote is: `rb'`, `u8R"`).
    @inline(__always)
    func quoteFollowsSoon() -> Bool {
        for offset in 1...3 {
            let next = byte(at: position + offset)
            if next == UInt8(ascii: "\"") || next == UInt8(ascii: "'") { return true }
        }
        return false
    }

    /// Moves past the identifier whose first byte is at `position`.
    @inline(__always)
    mutating func skipIdentifier() {
        position += 1
        if let identifierBytes, let base = source.baseAddress {
            while position &+ 8 <= source.count {
                let ends = ~identifierBytes.continues(Self.eightBytes(base, at: position)) & IdentifierBytes.high
                guard ends == 0 else {
                    position &+= ends.trailingZeroBitCount &>> 3
                    return
                }
                position &+= 8
            }
        }
        while position < source.count, identifierContinue[Int(source[position])] { position += 1 }
    }

    /// Moves past a word that starts at `position` in a language without Perl's quote-like words or lizard's Ruby
    /// tokens (see ``readWord()``).
    @inline(__always)
    mutating func skipWordTail() {
        let start = position
        skipIdentifier()
        if syntax.lizardJavaScript, classes[Int(source[start])] != .sigil { glueOptionalMark() }
        skipPredicateSuffix()
    }

    mutating func readWord() -> Token {
        let start = position
        skipIdentifier()
        if syntax.perlQuoteLike, let quoted = readPerlQuoteLike(wordStart: start) { return quoted }
        if syntax.lizardJavaScript, classes[Int(source[start])] != .sigil { glueOptionalMark() }
        if syntax.lizardRubyTokens {
            // lizard: `\w+:` first, else `\w+\??\!?`.
            let sigil = source[start] == UInt8(ascii: "@") || source[start] == UInt8(ascii: "$")
            if !sigil, byte(at: position) == UInt8(ascii: ":") {
                position += 1
            } else if source[start] != UInt8(ascii: "$") {
                if byte(at: position) == UInt8(ascii: "?") { position += 1 }
                if byte(at: position) == UInt8(ascii: "!") { position += 1 }
            }
            return finish(.word, from: start, startLine: line)
        }
        skipPredicateSuffix()
        return finish(.word, from: start, startLine: line)
    }

    /// Ruby method names may end in `?` or `!` (`empty?`, `save!`), but not `!=`, `?:`.
    @inline(__always)
    mutating func skipPredicateSuffix() {
        if syntax.predicateSuffixes, position < source.count {
            let next = source[position]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!"), byte(at: position + 1) != UInt8(ascii: "="),
                classes[Int(byte(at: position + 1))] != .identifierStart,
                byte(at: position + 1) != UInt8(ascii: ":")
            {
                position += 1
            }
        }
    }

    mutating func readNumber() -> Token {
        let start = position
        var sawDot = false
        var isHex = false
        if source[position] == UInt8(ascii: "0") {
            let next = byte(at: position + 1) | 0x20
            if next == UInt8(ascii: "x") { isHex = true }
        }
        while position < source.count {
            let current = source[position]
            let byteClass = classes[Int(current)]
            if byteClass == .digit || (byteClass == .identifierStart && current < 0x80) {
                let lower = current | 0x20
                position += 1
                // Exponent signs: 1e-5, 0x1p+3.
                if !isHex && lower == UInt8(ascii: "e") || isHex && lower == UInt8(ascii: "p") {
                    let sign = byte(at: position)
                    if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
                }
            } else if current == UInt8(ascii: "."), !sawDot, classes[Int(byte(at: position + 1))] == .digit {
                sawDot = true
                position += 1
            } else if current == UInt8(ascii: "."), !sawDot, byte(at: position + 1) != UInt8(ascii: "."),
                classes[Int(byte(at: position + 1))] != .identifierStart
            {
                // `1.` is a float in C, Python, JS; `1..2` and `1.method` are not.
                sawDot = true
                position += 1
            } else if current == UInt8(ascii: "'"), syntax.cppRawStrings || syntax.preprocessor,
                classes[Int(byte(at: position + 1))] == .digit
            {
                position += 1  // C++14 digit separator
            } else {
                break
            }
        }
        if syntax.lizardJavaScript { glueOptionalMark() }
        return finish(.number, from: start, startLine: line)
    }

    /// lizard's JavaScript tokenizer reads `\w+\?` as one token (an optional name) unless `??` or `?.` follows.
    mutating func glueOptionalMark() {
        guard byte(at: position) == UInt8(ascii: "?") else { return }
        let next = byte(at: position + 1)
        if next != UInt8(ascii: "?"), next != UInt8(ascii: ".") { position += 1 }
    }

    func isPerlSpecialVariable(_ next: UInt8) -> Bool {
        switch next {
        case UInt8(ascii: "_"), UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "$"), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "&"), UInt8(ascii: "^"), UInt8(ascii: "#"):
            return source[position] == UInt8(ascii: "$")
        default:
            return false
        }
    }
}
