/// Remembers which (owner, token) pairs were seen, to count distinct Halstead operators and operands.
///
/// One open-addressing table serves every function of a file and the file itself; slots are stamped with a
/// generation so a new file starts empty without clearing memory, and each slot is one cache-friendly struct.
struct DistinctTable {
    private struct Slot {
        var key: UInt64 = 0
        var owner: Int32 = 0
        var stamp: UInt32 = 0
    }

    private var slots: [Slot]
    private var generation: UInt32 = 1
    private var used = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
    }

    /// A table that owns no storage, to leave behind while the real one is lent to a session.
    static var placeholder: DistinctTable { DistinctTable(slots: []) }

    private init(slots: [Slot]) { self.slots = slots }

    /// Forgets everything (called per file), sized for `bytes` of source: a table grown on a large file would
    /// otherwise spread a small snippet's few entries over megabytes and miss the cache on every insert.
    mutating func reset(forBytes bytes: Int) {
        var wanted = 1024
        while wanted < bytes { wanted *= 2 }
        if slots.count > 4 * wanted {
            slots = Array(repeating: Slot(), count: wanted)
            generation = 0
        }
        used = 0
        generation &+= 1
        if generation == 0 {
            slots = Array(repeating: Slot(), count: slots.count)
            generation = 1
        }
    }

    /// Inserts the pair; true when it was not there before.
    @inline(__always)
    mutating func insert(_ key: UInt64, owner: Int) -> Bool {
        if used * 2 >= slots.count { grow() }
        let ownerTag = Int32(truncatingIfNeeded: owner)
        let generation = generation
        let inserted: Bool = slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            let mixed = (key ^ (UInt64(UInt32(bitPattern: ownerTag)) &* 0xFF51_AFD7_ED55_8CCD)) &* 0x9E37_79B9_7F4A_7C15
            var index = Int(truncatingIfNeeded: mixed >> 32) & mask
            while slots[index].stamp == generation {
                if slots[index].key == key && slots[index].owner == ownerTag { return false }
                index = (index + 1) & mask
            }
            slots[index] = Slot(key: key, owner: ownerTag, stamp: generation)
            return true
        }
        if inserted { used += 1 }
        return inserted
    }

    private mutating func grow() {
        let old = slots
        let oldGeneration = generation
        slots = Array(repeating: Slot(), count: max(1024, old.count * 2))
        generation = 1
        used = 0
        for slot in old where slot.stamp == oldGeneration {
            _ = insert(slot.key, owner: Int(slot.owner))
        }
    }
}
