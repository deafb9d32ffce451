/// The JavaScript reader's machines, reached in place.
///
/// `Array`'s subscript getter returns a copy of the element, and a ``JSMachine`` is hundreds of bytes holding
/// several references: with an array, every read of one field (`machines[m].previousKey`) copied, retained and
/// released a whole machine, which was about 40 % of the reader's time. Here the subscript has addressors, so a
/// field is read or written where it lies.
///
/// Value semantics are kept by ``makeUnique()``, which the reader calls once per token before touching any
/// machine: checking uniqueness on every field write instead cost a runtime call per write.
struct JSMachinePool {
    /// The header counts the initialized machines.
    private final class Storage: ManagedBuffer<Int, JSMachine> {
        deinit {
            withUnsafeMutablePointers { count, machines in _ = machines.deinitialize(count: count.pointee) }
        }
    }

    private var storage: Storage
    /// The storage's first machine, kept beside it so a field access is one offset from a stored pointer.
    private var base: UnsafeMutablePointer<JSMachine>
    /// Kept here as well as in the storage's header: reading a class's stored property (the header) costs a
    /// dynamic exclusivity check, too much for every field access.
    private(set) var count = 0
    private var capacity = 0

    init(_ first: JSMachine) {
        assert(_isPOD(JSMachine.self), "reset(_:state:) overwrites machines without deinitializing them")
        storage = JSMachinePool.makeStorage(capacity: 16)
        base = storage.withUnsafeMutablePointerToElements { $0 }
        capacity = 16
        append(first)
    }

    private static func makeStorage(capacity: Int) -> Storage {
        let buffer = Storage.create(minimumCapacity: capacity) { _ in 0 }
        return unsafeDowncast(buffer, to: Storage.self)
    }

    subscript(index: Int) -> JSMachine {
        @inline(__always)
        unsafeAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "machine index out of range")
            return UnsafePointer(base + index)
        }
        @inline(__always)
        unsafeMutableAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "machine index out of range")
            return base + index
        }
    }

    /// The machines' storage, unchecked, for a walk over existing machines: valid until the next `append` or
    /// `makeUnique`, and only for indices below `count`.
    var elements: UnsafeMutablePointer<JSMachine> {
        @inline(__always) get { base }
    }

    /// Starts the machine at `index` afresh, writing it in place (a machine is plain bytes, so the old one needs
    /// no deinitialization).
    @inline(__always)
    mutating func reset(_ index: Int, state: JSState) {
        precondition(UInt(bitPattern: index) < UInt(bitPattern: count), "machine index out of range")
        (base + index).initialize(to: JSMachine(state: state))
    }

    /// Copies the storage if another pool shares it; writes through the subscript rely on this having run.
    @inline(__always)
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { copyStorage(capacity: capacity) }
    }

    mutating func append(_ machine: JSMachine) {
        if count == capacity || !isKnownUniquelyReferenced(&storage) {
            copyStorage(capacity: count == capacity ? 2 * capacity : capacity)
        }
        (base + count).initialize(to: machine)
        count += 1
        storage.header = count
    }

    /// Replaces the storage by a copy with room for `capacity` machines (moving when this pool is the only owner).
    private mutating func copyStorage(capacity: Int) {
        let copy = JSMachinePool.makeStorage(capacity: max(capacity, count))
        let unique = isKnownUniquelyReferenced(&storage)
        copy.withUnsafeMutablePointerToElements { target in
            storage.withUnsafeMutablePointerToElements { [count] source in
                if unique {
                    target.moveInitialize(from: source, count: count)
                } else {
                    target.initialize(from: source, count: count)
                }
            }
        }
        if unique { storage.header = 0 }
        copy.header = count
        storage = copy
        base = copy.withUnsafeMutablePointerToElements { $0 }
        self.capacity = max(capacity, count)
    }
}
