/// Remembers which (function, token) pairs were seen, to count distinct Halstead operators and operands.
///
/// One open-addressing table serves every function of a file; slots are stamped with a generation so a new
/// file starts empty without clearing memory.
struct DistinctTable {
    private var keys: [UInt64]
    private var owners: [UInt32]
    private var stamps: [UInt32]
    private var generation: UInt32 = 1
    private var used = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity { size *= 2 }
        keys = Array(repeating: 0, count: size)
        owners = Array(repeating: 0, count: size)
        stamps = Array(repeating: 0, count: size)
    }

    /// Forgets everything (called per file).
    mutating func reset() {
        used = 0
        generation &+= 1
        if generation == 0 {
            stamps = Array(repeating: 0, count: stamps.count)
            generation = 1
        }
    }

    /// Inserts the pair; true when it was not there before.
    @inline(__always)
    mutating func insert(_ key: UInt64, owner: Int) -> Bool {
        if used * 2 >= keys.count { grow() }
        let mask = keys.count - 1
        let ownerTag = UInt32(truncatingIfNeeded: owner)
        var slot = Int(truncatingIfNeeded: ((key ^ (UInt64(ownerTag) &* 0xFF51_AFD7_ED55_8CCD)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while stamps[slot] == generation {
            if keys[slot] == key && owners[slot] == ownerTag { return false }
            slot = (slot + 1) & mask
        }
        stamps[slot] = generation
        keys[slot] = key
        owners[slot] = ownerTag
        used += 1
        return true
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldOwners = owners
        let oldStamps = stamps
        let oldGeneration = generation
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        owners = Array(repeating: 0, count: oldKeys.count * 2)
        stamps = Array(repeating: 0, count: oldKeys.count * 2)
        generation = 1
        used = 0
        for index in oldKeys.indices where oldStamps[index] == oldGeneration {
            _ = insert(oldKeys[index], owner: Int(oldOwners[index]))
        }
    }
}
