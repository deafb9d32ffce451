/// What the word-cue scan does with a byte, one table lookup instead of a chain of range tests.
///
/// The high bit marks bytes that continue a word (letters, digits, `_`), so the word loop tests one bit.
enum ByteClass {
    /// Punctuation and everything else: ends a loop keyword's header.
    static let other: UInt8 = 0
    static let space: UInt8 = 1
    static let newline: UInt8 = 2
    /// Tab and `(` mid-line: nothing, and a loop keyword's header goes on (`while (`, `for\t(`).
    static let neutral: UInt8 = 3
    static let dot: UInt8 = 4
    static let brace: UInt8 = 5
    static let letter: UInt8 = 0x80
    static let digit: UInt8 = 0x81
    /// Set on the bytes that continue a word.
    static let wordBit: UInt8 = 0x80

    /// The class of each byte value.
    static func table() -> [UInt8] {
        var table = [UInt8](repeating: other, count: 256)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = letter }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = letter }
        table[Int(UInt8(ascii: "_"))] = letter
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = digit }
        table[0x20] = space
        table[0x0a] = newline
        table[0x09] = neutral
        table[Int(UInt8(ascii: "("))] = neutral
        table[Int(UInt8(ascii: "."))] = dot
        table[Int(UInt8(ascii: "{"))] = brace
        return table
    }
}
