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
///
/// Stored in four words (offsets and lines as 32-bit halves), so a lexer hands a token back in registers; the
/// analyzer reads at most the first 4 GiB of an input (see ``Token/maximumOffset``).
public struct Token: Sendable {
    public var key: TokenKey
    /// `start` in the low 32 bits, `end` in the high ones.
    @usableFromInline var span: UInt64
    /// `line` in the low 32 bits, `innerNewlines` in the high ones.
    @usableFromInline var lines: UInt64
    public var kind: TokenKind

    /// The largest byte offset a token can hold.
    public static let maximumOffset = Int(UInt32.max)

    @inlinable @inline(__always)
    public init(kind: TokenKind, key: TokenKey, start: Int, end: Int, line: Int, innerNewlines: Int) {
        self.key = key
        span =
            UInt64(truncatingIfNeeded: UInt32(truncatingIfNeeded: start))
            | UInt64(truncatingIfNeeded: end) &<< 32
        lines =
            UInt64(truncatingIfNeeded: UInt32(truncatingIfNeeded: line))
            | UInt64(truncatingIfNeeded: innerNewlines) &<< 32
        self.kind = kind
    }

    /// Byte offset of the first byte in the source.
    @inlinable
    public var start: Int {
        @inline(__always) get { Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: span)) }
        @inline(__always) set { span = span & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(truncatingIfNeeded: newValue)) }
    }

    /// Byte offset one past the last byte.
    @inlinable
    public var end: Int {
        @inline(__always) get { Int(truncatingIfNeeded: span &>> 32) }
        @inline(__always) set { span = span & 0xFFFF_FFFF | UInt64(UInt32(truncatingIfNeeded: newValue)) &<< 32 }
    }

    /// 1-based line of the first byte.
    @inlinable
    public var line: Int {
        @inline(__always) get { Int(truncatingIfNeeded: UInt32(truncatingIfNeeded: lines)) }
        @inline(__always) set {
            lines = lines & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(truncatingIfNeeded: newValue))
        }
    }

    /// Line breaks inside the token (multi-line strings and comments).
    @inlinable
    public var innerNewlines: Int {
        @inline(__always) get { Int(truncatingIfNeeded: lines &>> 32) }
        @inline(__always) set {
            lines = lines & 0xFFFF_FFFF | UInt64(UInt32(truncatingIfNeeded: newValue)) &<< 32
        }
    }

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
