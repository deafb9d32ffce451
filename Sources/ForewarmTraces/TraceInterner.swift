/// Remembers decoded values by the exact bytes they were read from, so a trace that repeats a program's path or a
/// source row's ids (a day's trace tiles a few thousand source rows into ~900k requests) shares one copy of each
/// instead of allocating and hashing it again per line. Transparent: a value is what decoding its bytes gives.
final class TraceInterner {
    /// Distinct byte strings remembered per kind at most (unique values, e.g. inline code, stop being stored).
    static let limit = 1 << 16

    private var strings: [Int: [(bytes: [UInt8], value: String)]] = [:]
    private var stringCount = 0
    private var objects: [Int: [(bytes: [UInt8], value: [String: String])]] = [:]
    private var objectCount = 0

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }

    func string(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> String? {
        strings[hash]?.first { $0.bytes.elementsEqual(bytes) }?.value
    }

    func remember(_ value: String, bytes: UnsafeBufferPointer<UInt8>, hash: Int) {
        guard stringCount < Self.limit else { return }
        stringCount += 1
        strings[hash, default: []].append((Array(bytes), value))
    }

    func object(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> [String: String]? {
        objects[hash]?.first { $0.bytes.elementsEqual(bytes) }?.value
    }

    func remember(_ value: [String: String], bytes: UnsafeBufferPointer<UInt8>, hash: Int) {
        guard objectCount < Self.limit else { return }
        objectCount += 1
        objects[hash, default: []].append((Array(bytes), value))
    }
}
