/// Remembers which (owner, token) pairs were seen, to count distinct Halstead operators and operands.
///
/// One open-addressing table serves every function of a file and the file itself; slots are stamped with a
/// generation so a new file starts empty without clearing memory, and each slot is one cache-friendly struct.
///
/// The slots live in memory this table owns alone: ``reset(forBytes:)`` (called before every file) copies them if
/// a copy of the table shares them, so `insert`, which runs twice for many tokens, writes through a pointer without
/// the uniqueness check and bounds checks an `Array` costs on every write.
struct DistinctTable {
    fileprivate struct Slot {
        var key: UInt64 = 0
        var owner: Int32 = 0
        var stamp: UInt32 = 0
    }

    private var storage: DistinctSlots
    private var generation: UInt32 = 1
    private var used = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity { size *= 2 }
        storage = DistinctSlots(count: size)
    }

    /// A table that owns no storage, to leave behind while the real one is lent to a session.
    static var placeholder: DistinctTable { DistinctTable(storage: DistinctSlots(count: 0)) }

    private init(storage: DistinctSlots) { self.storage = storage }

    /// Forgets everything (called per file), sized for `bytes` of source: a table grown on a large file would
    /// otherwise spread a small snippet's few entries over megabytes and miss the cache on every insert.
    mutating func reset(forBytes bytes: Int) {
        var wanted = 1024
        while wanted < bytes { wanted *= 2 }
        if storage.count > 4 * wanted {
            storage = DistinctSlots(count: wanted)
            generation = 0
        } else if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy()
        }
        used = 0
        generation &+= 1
        if generation == 0 {
            storage = DistinctSlots(count: storage.count)
            generation = 1
        }
    }

    /// Inserts the pair; true when it was not there before. The table must have been reset since it was last
    /// copied (see the type's note).
    @inline(__always)
    mutating func insert(_ key: UInt64, owner: Int) -> Bool {
        if used * 2 >= storage.count { grow() }
        let ownerTag = Int32(truncatingIfNeeded: owner)
        let generation = generation
        let slots = storage.slots
        let mask = storage.count - 1
        let mixed = (key ^ (UInt64(UInt32(bitPattern: ownerTag)) &* 0xFF51_AFD7_ED55_8CCD)) &* 0x9E37_79B9_7F4A_7C15
        var index = Int(truncatingIfNeeded: mixed >> 32) & mask
        while slots[index].stamp == generation {
            if slots[index].key == key && slots[index].owner == ownerTag { return false }
            index = (index + 1) & mask
        }
        slots[index] = Slot(key: key, owner: ownerTag, stamp: generation)
        used += 1
        return true
    }

    private mutating func grow() {
        let old = storage
        let oldGeneration = generation
        storage = DistinctSlots(count: max(1024, old.count * 2))
        generation = 1
        used = 0
        for index in 0..<old.count where old.slots[index].stamp == oldGeneration {
            _ = insert(old.slots[index].key, owner: Int(old.slots[index].owner))
        }
    }
}

/// The slot memory of a ``DistinctTable``: allocated zeroed (stamp 0 is never a live generation), freed with it.
/// Shared between copies of a table only until the next `reset`, which copies it; never written concurrently.
private final class DistinctSlots: @unchecked Sendable {
    let slots: UnsafeMutablePointer<DistinctTable.Slot>
    let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: DistinctTable.Slot(), count: max(count, 1))
    }

    func copy() -> DistinctSlots {
        let copy = DistinctSlots(count: count)
        copy.slots.update(from: slots, count: count)
        return copy
    }

    deinit { slots.deallocate() }
}
