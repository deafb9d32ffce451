/// What a lexed token is, as far as the lexer can tell without parsing.
public enum TokenKind: UInt8, Sendable {
    /// An identifier or keyword (letters, digits, `_`, and the language's sigils).
    case word
    case number
    /// A string, character, template or heredoc literal, quotes included.
    case string
    /// A regular-expression literal (JavaScript, Ruby, Perl).
    case regex
    /// An operator or punctuation, longest match among the language's symbols.
    case symbol
    case comment
    /// A C preprocessor line, continuation lines included.
    case preprocessor
    case newline
}

/// One token: where it is in the source and what it says.
public struct Token: Sendable {
    public var kind: TokenKind
    public var key: TokenKey
    /// Byte offsets into the source, `end` exclusive.
    public var start: Int
    public var end: Int
    /// 1-based line of the first byte.
    public var line: Int
    /// Line breaks inside the token (multi-line strings and comments).
    public var innerNewlines: Int

    @inlinable
    public var length: Int { end - start }
}

extension Token {
    /// Whether the token's first byte is `character`.
    @inline(__always)
    func firstByteIs(in source: UnsafeBufferPointer<UInt8>, _ character: Unicode.Scalar) -> Bool {
        start < source.count && source[start] == UInt8(ascii: character)
    }
}
