/// Counts occurrences of many short byte phrases in one pass, indexing phrases by their first byte.
struct PhraseCounter: Sendable {
    private let phrases: [[UInt8]]
    private let byFirstByte: [[Int]]

    init(_ phrases: [String]) {
        self.phrases = phrases.map { Array($0.utf8) }
        var index = [[Int]](repeating: [], count: 256)
        for (number, phrase) in self.phrases.enumerated() where !phrase.isEmpty {
            index[Int(phrase[0])].append(number)
        }
        byFirstByte = index
    }

    /// Which of the first 64 phrases occur in `bytes`, as bits (bit `n` for phrase `n`): `count(in:cap: 1)`'s
    /// answer without allocating an array, for the per-token hint path.
    func presence(in bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var found: UInt64 = 0
        var position = 0
        while position < bytes.count {
            for number in byFirstByte[Int(bytes[position])] where number < 64 && found & (1 << UInt64(number)) == 0 {
                if matches(phrases[number], at: position, in: bytes) {
                    found |= 1 << UInt64(number)
                }
            }
            position += 1
        }
        return found
    }

    /// Whether `phrase` occurs at `position` (its first byte is known to match).
    @inline(__always)
    private func matches(_ phrase: [UInt8], at position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position + phrase.count <= bytes.count else { return false }
        return phrase.withUnsafeBufferPointer { needle in
            for offset in 1..<max(1, needle.count) where bytes[position + offset] != needle[offset] { return false }
            return true
        }
    }

    /// How often each phrase occurs in `bytes` (overlaps counted), each capped at `cap`.
    func count(in bytes: UnsafeBufferPointer<UInt8>, cap: Int = .max) -> [Int] {
        var counts = [Int](repeating: 0, count: phrases.count)
        var position = 0
        while position < bytes.count {
            for number in byFirstByte[Int(bytes[position])] where counts[number] < cap {
                if matches(phrases[number], at: position, in: bytes) {
                    counts[number] += 1
                }
            }
            position += 1
        }
        return counts
    }
}
