/// A growable array for the per-token state of one reading (function records, buffered lines, block stacks).
///
/// An `Array` checks that its buffer is uniquely referenced — a runtime call — on every write, and the analyzer
/// writes such state on nearly every token. A scratch array writes straight through a pointer (bounds-checked).
/// The price is that copies share their elements instead of copying them: it is for state that one reading owns
/// and only passes `inout`, never for values that are copied.
struct ScratchArray<Element> {
    private final class Storage {
        var base: UnsafeMutablePointer<Element>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    private let storage: Storage

    init(capacity: Int = 16) {
        storage = Storage(capacity: max(1, capacity))
    }

    init(_ elements: [Element]) {
        self.init(capacity: elements.count)
        for element in elements { append(element) }
    }

    var count: Int {
        @inline(__always) get { storage.count }
    }

    var isEmpty: Bool {
        @inline(__always) get { storage.count == 0 }
    }

    var last: Element? { storage.count > 0 ? storage.base[storage.count - 1] : nil }

    subscript(index: Int) -> Element {
        @inline(__always) unsafeAddress {
            precondition(index >= 0 && index < storage.count, "scratch array index out of range")
            return UnsafePointer(storage.base + index)
        }
        @inline(__always) nonmutating unsafeMutableAddress {
            precondition(index >= 0 && index < storage.count, "scratch array index out of range")
            return storage.base + index
        }
    }

    /// The elements in `range`, valid until the array next changes.
    func slice(_ range: Range<Int>) -> Slice<UnsafeBufferPointer<Element>> {
        precondition(range.lowerBound >= 0 && range.upperBound <= storage.count, "scratch array range out of bounds")
        return UnsafeBufferPointer(start: storage.base, count: storage.count)[range]
    }

    @inline(__always)
    func append(_ element: Element) {
        if storage.count == storage.capacity { grow() }
        (storage.base + storage.count).initialize(to: element)
        storage.count += 1
    }

    @discardableResult
    func removeLast() -> Element {
        precondition(storage.count > 0, "removeLast from an empty scratch array")
        storage.count -= 1
        return (storage.base + storage.count).move()
    }

    /// Removes the elements from `start` on; the capacity stays.
    func removeSuffix(from start: Int) {
        precondition(start >= 0 && start <= storage.count, "scratch array index out of range")
        (storage.base + start).deinitialize(count: storage.count - start)
        storage.count = start
    }

    /// Removes every element; the capacity stays.
    func removeAll() { removeSuffix(from: 0) }

    private func grow() {
        let capacity = storage.capacity * 2
        let base = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        base.moveInitialize(from: storage.base, count: storage.count)
        storage.base.deallocate()
        storage.base = base
        storage.capacity = capacity
    }
}
