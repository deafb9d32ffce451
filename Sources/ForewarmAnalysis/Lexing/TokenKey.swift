/// A token's text folded into 64 bits, so readers compare tokens with one integer comparison.
///
/// Texts of up to seven bytes are packed exactly (bytes plus length); longer texts are hashed (FNV-1a)
/// with the top byte set to 0xFF, which no packed key can have.
public struct TokenKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public typealias StringLiteralType = StaticString

    public let raw: UInt64

    @inlinable
    public init(raw: UInt64) { self.raw = raw }

    @inlinable @inline(__always)
    public init(bytes: UnsafeBufferPointer<UInt8>) {
        self.init(start: bytes.baseAddress, count: bytes.count)
    }

    /// Packs or hashes `count` bytes at `start`.
    @inlinable @inline(__always)
    public init(start: UnsafePointer<UInt8>?, count: Int) {
        guard let start, count > 0 else {
            raw = 0
            return
        }
        let bytes = UnsafeBufferPointer(start: start, count: count)
        if count <= 7 {
            var packed = UInt64(count) << 56
            var shift: UInt64 = 0
            for byte in bytes {
                packed |= UInt64(byte) << shift
                shift &+= 8
            }
            raw = packed
        } else {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            raw = hash | 0xFF00_0000_0000_0000
        }
    }

    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { TokenKey(bytes: $0) }
    }

    /// Literal keys (`token.key == "if"`) fold to constants at compile time.
    @inlinable @inline(__always)
    public init(stringLiteral value: StaticString) {
        self.init(start: value.utf8Start, count: value.utf8CodeUnitCount)
    }

    /// Number of bytes in the text when it was packed exactly, else nil.
    @inlinable
    public var packedLength: Int? {
        let top = raw >> 56
        return top == 0xFF ? nil : Int(top)
    }

    /// The first byte of the text (0 for hashed keys).
    @inlinable
    public var firstByte: UInt8 {
        packedLength == nil ? 0 : UInt8(truncatingIfNeeded: raw)
    }

    public var description: String {
        guard let length = packedLength else { return "#\(String(raw, radix: 16))" }
        var bytes: [UInt8] = []
        for index in 0..<length { bytes.append(UInt8(truncatingIfNeeded: raw >> (8 * UInt64(index)))) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
