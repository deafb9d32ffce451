/// Flags that say what a word or symbol means in a language.
struct TokenTraits: OptionSet, Sendable {
    let rawValue: UInt32

    /// Counted by cyclomatic complexity (lizard's condition set for the language).
    static let condition = TokenTraits(rawValue: 1 << 0)
    /// A reserved word: a Halstead operator, never a call.
    static let keyword = TokenTraits(rawValue: 1 << 1)
    /// `true`, `null`, `None`…: a Halstead operand.
    static let literal = TokenTraits(rawValue: 1 << 2)
    static let branch = TokenTraits(rawValue: 1 << 3)
    static let loop = TokenTraits(rawValue: 1 << 4)
    static let switchLike = TokenTraits(rawValue: 1 << 5)
    static let catchLike = TokenTraits(rawValue: 1 << 6)
    static let elseLike = TokenTraits(rawValue: 1 << 7)
    /// `else if` written as one word (`elif`, `elsif`, `elseif`).
    static let elseIf = TokenTraits(rawValue: 1 << 8)
    static let logicalAnd = TokenTraits(rawValue: 1 << 9)
    static let logicalOr = TokenTraits(rawValue: 1 << 10)
    /// `goto`, or a jump that may carry a label (`break`, `continue`).
    static let jump = TokenTraits(rawValue: 1 << 11)
    static let returnLike = TokenTraits(rawValue: 1 << 12)
    /// `import`, `require`, `use`, `#include`…
    static let importLike = TokenTraits(rawValue: 1 << 13)
    /// Allocation or repetition constructs: `new`, `malloc`, `range`, `make`, `vec!`…
    static let allocation = TokenTraits(rawValue: 1 << 14)
    /// Opens a block that `end` closes (Ruby, Lua): `do`, `def`, `class`, `begin`…
    static let blockOpener = TokenTraits(rawValue: 1 << 15)
    static let blockEnd = TokenTraits(rawValue: 1 << 16)
    /// `do` of a do-while loop, whose trailing `while` is not a new loop.
    static let doLoop = TokenTraits(rawValue: 1 << 17)
    /// Ternary `?`.
    static let ternary = TokenTraits(rawValue: 1 << 18)
    /// Words that declare a function or lambda (`def`, `function`, `fn`, `func`, `fun`, `sub`, `lambda`).
    static let functionKeyword = TokenTraits(rawValue: 1 << 19)
}

/// An open-addressing hash table from ``TokenKey`` to ``TokenTraits`` and a small operator number, built once per
/// language.
///
/// One multiply, one shift and usually one comparison per lookup: it sits on the per-token hot path.
struct KeywordTable: Sendable {
    /// Operator numbers are below this; a function's distinct operators are a bit set of this many bits.
    static let operatorCapacity = 255
    /// The operator number of tokens that have none (words that are not keywords, unknown symbols): one past the
    /// last, a scratch bit in the sets that nothing reads.
    static let noOperator = UInt8(operatorCapacity)

    /// One slot: the key (0 when empty), its traits and operator number, read with one bounds check.
    private struct Slot {
        var key: UInt64 = 0
        var traits: TokenTraits = []
        var `operator`: UInt8 = KeywordTable.noOperator
    }

    private var slots: [Slot]
    private let shift: UInt64

    /// `entries` with their traits; `operators` (keywords that are Halstead operators, and symbols), numbered in
    /// order from 0 up to ``operatorCapacity``, where numbering stops (the rest count through the general table).
    init(_ entries: [TokenKey: TokenTraits], operators operatorKeys: [TokenKey] = []) {
        var numbered: [TokenKey: UInt8] = [:]
        for key in operatorKeys where numbered[key] == nil && numbered.count < Self.operatorCapacity {
            numbered[key] = UInt8(numbered.count)
        }
        let all = Set(entries.keys).union(numbered.keys)
        var capacity = 64
        while capacity < all.count * 4 { capacity *= 2 }
        slots = Array(repeating: Slot(), count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for key in all {
            var slot = slotIndex(key.raw)
            while slots[slot].key != 0 && slots[slot].key != key.raw { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Slot(key: key.raw, traits: entries[key] ?? [], operator: numbered[key] ?? Self.noOperator)
        }
    }

    @inline(__always)
    private func slotIndex(_ raw: UInt64) -> Int {
        Int(truncatingIfNeeded: (raw &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    subscript(key: TokenKey) -> TokenTraits { entry(key).traits }

    /// The key's traits and operator number (``noOperator`` when it has none) from one probe.
    @inline(__always)
    func entry(_ key: TokenKey) -> (traits: TokenTraits, operator: UInt8) {
        var index = slotIndex(key.raw)
        let mask = slots.count - 1
        while true {
            // An empty slot holds no traits and no operator, so "found" and "absent" share one predictable
            // branch: whether a word is a keyword is data the branch predictor cannot guess.
            let slot = slots[index]
            if slot.key == key.raw || slot.key == 0 { return (slot.traits, slot.operator) }
            index = (index + 1) & mask
        }
    }
}

/// A fixed set of ``TokenKey``s for membership tests on the per-token path: an open-addressing table hashed with
/// one multiply, instead of `Set`'s SipHash (≈ 200 instructions a lookup).
struct TokenKeySet: Sendable, ExpressibleByArrayLiteral {
    private var keys: [UInt64]
    private let shift: UInt64

    init(arrayLiteral elements: TokenKey...) {
        var capacity = 16
        while capacity < elements.count * 4 { capacity *= 2 }
        keys = Array(repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        for key in elements {
            var slot = slotIndex(key.raw)
            while keys[slot] != 0 && keys[slot] != key.raw { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key.raw
        }
    }

    @inline(__always)
    private func slotIndex(_ raw: UInt64) -> Int {
        Int(truncatingIfNeeded: (raw &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Whether `key` is in the set (the empty key, raw 0, never is).
    @inline(__always)
    func contains(_ key: TokenKey) -> Bool {
        guard key.raw != 0 else { return false }
        var slot = slotIndex(key.raw)
        let mask = keys.count - 1
        while true {
            let stored = keys[slot]
            if stored == key.raw || stored == 0 { return stored == key.raw }  // one predictable branch
            slot = (slot + 1) & mask
        }
    }
}
