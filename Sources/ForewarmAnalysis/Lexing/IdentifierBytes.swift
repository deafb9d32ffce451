/// Finds where an identifier ends eight bytes at a time: the lexer's identifier loop otherwise branches on every byte
/// and mispredicts at each word's end.
///
/// The bytes that continue an identifier in every language are ASCII letters, digits, `_` and every byte from 0x80
/// (invalid UTF-8 reads as identifier bytes), plus at most one extra byte per language (`$`, `@`). Each byte's class
/// is computed in a 64-bit word with the high bit of each byte as a guard against borrows.
struct IdentifierBytes: Sendable {
    /// The language's extra identifier byte, or nil.
    let extra: UInt8?
    /// The high bit of every byte: the lanes' results, and their guard against borrows.
    static let high: UInt64 = 0x8080_8080_8080_8080

    /// Whether this rule is exactly `table` (256 entries), so the lexer may use it instead of the table.
    func matches(_ table: [Bool]) -> Bool {
        (0..<256).allSatisfy { byte in
            let word = UInt64(byte)  // one byte in the lowest lane; the other lanes are NUL, not identifier bytes
            return (continues(word) & 0x80 != 0) == table[byte]
        }
    }

    /// The high bit of every byte of `word` that continues an identifier.
    @inline(__always)
    func continues(_ word: UInt64) -> UInt64 {
        let low = word & ~Self.high
        var found =
            (word & Self.high) | Self.inRange(low, 0x30, 0x39) | Self.inRange(low, 0x41, 0x5A)
            | Self.inRange(low, 0x61, 0x7A) | Self.inRange(low, 0x5F, 0x5F)
        if let extra { found |= Self.inRange(low, extra, extra) }
        return found
    }

    /// The high bit of every byte of `low` (7-bit bytes) within `lo...hi` (both below 0x80): `(b | 0x80) − lo` keeps
    /// its high bit when b ≥ lo, `(0x80 + hi) − b` when b ≤ hi, and neither borrows from the next byte.
    @inline(__always)
    static func inRange(_ low: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        return ((low | high) &- ones &* UInt64(lo)) & ((high &+ ones &* UInt64(hi)) &- low) & high
    }
}
