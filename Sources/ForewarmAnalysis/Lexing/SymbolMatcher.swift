/// A language's multi-byte symbols (`+=`, `>>>=`, `...`), packed so that matching the longest one at a position
/// compares eight source bytes at once per candidate instead of walking arrays of arrays byte by byte.
///
/// The buffers are written only in `init` and freed by ``deallocate()``, which the owning ``CompiledSyntax`` calls
/// when it goes away; copies share them.
struct SymbolMatcher: @unchecked Sendable {
    /// A symbol of at most eight bytes, little-endian packed, and the mask of its bytes.
    struct Packed {
        let pattern: UInt64
        let mask: UInt64
        let length: Int
    }

    /// For each first byte, its symbols are `entries[starts[byte]..<starts[byte + 1]]`, longest first.
    private let starts: UnsafeMutablePointer<Int32>
    private let entries: UnsafeMutablePointer<Packed>

    init(_ symbols: [String]) {
        let multiByte = Set(symbols.map { Array($0.utf8) }).filter { $0.count > 1 }
        precondition(multiByte.allSatisfy { $0.count <= 8 }, "symbols longer than eight bytes are not supported")
        // By first byte, then longest first (symbols of equal length cannot both match at one position).
        let sorted = multiByte.sorted { a, b in
            if a[0] != b[0] { return a[0] < b[0] }
            if a.count != b.count { return a.count > b.count }
            return a.lexicographicallyPrecedes(b)
        }
        starts = .allocate(capacity: 257)
        entries = .allocate(capacity: max(sorted.count, 1))
        var next = 0
        for byte in 0...256 {
            starts[byte] = Int32(next)
            while next < sorted.count, Int(sorted[next][0]) == byte {
                var pattern: UInt64 = 0
                for (index, value) in sorted[next].enumerated() { pattern |= UInt64(value) << (8 * UInt64(index)) }
                let length = sorted[next].count
                let mask: UInt64 = length == 8 ? ~0 : (1 << (8 * UInt64(length))) - 1
                (entries + next).initialize(to: Packed(pattern: pattern, mask: mask, length: length))
                next += 1
            }
        }
    }

    /// The length of the longest symbol at `position` that starts with `first` (the byte there), or 1.
    @inline(__always)
    func length(at position: Int, first: UInt8, in source: UnsafeBufferPointer<UInt8>) -> Int {
        var index = Int(starts[Int(first)])
        let end = Int(starts[Int(first) + 1])
        guard index < end else { return 1 }
        let window = SymbolMatcher.load(at: position, from: source)
        while index < end {
            let entry = entries[index]
            if window & entry.mask == entry.pattern { return entry.length }
            index += 1
        }
        return 1
    }

    /// Up to eight bytes from `position`, little-endian; missing bytes past the end read as 0, which no symbol has.
    @inline(__always)
    static func load(at position: Int, from source: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if position &+ 8 <= source.count, let base = source.baseAddress {
            return UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
        }
        var window: UInt64 = 0
        for index in position..<source.count { window |= UInt64(source[index]) << (8 * UInt64(index - position)) }
        return window
    }

    func deallocate() {
        starts.deallocate()
        entries.deallocate()
    }
}
