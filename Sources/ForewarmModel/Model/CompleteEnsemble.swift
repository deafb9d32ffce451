/// A ``TreeEnsemble`` laid out for prediction: every tree padded to a complete binary tree of the ensemble's
/// depth and stored in heap order (node `i`'s children are `2i + 1` and `2i + 2`), so walking a tree is `depth`
/// branch-free steps with no child indices to load and no leaf test. The walk's only branch is a loop of constant
/// length, so the processor overlaps the trees instead of stalling on a mispredicted split per node; this is what
/// makes 900 trees cost a few microseconds.
///
/// Built from the decoded model at load time; the file format and the training code keep their own layout.
/// Predictions are bit for bit those of ``TreeEnsemble``: the same `x <= threshold` tests in `Double`, the leaves
/// summed in the same order. A padded node copies the leaf it replaces into both children, so whichever way it
/// goes it reaches that leaf's value, and its Saabas credit is exactly 0.
struct CompleteEnsemble: Sendable {
    /// Deepest tree this layout accepts: each tree takes `2^(depth+1)` slots, so a deeper ensemble would trade
    /// the saved branches for cache misses. ``init(_:)`` fails beyond it.
    static let maxDepth = 8

    /// Levels of every tree (0 for an ensemble of single leaves).
    let depth: Int
    /// Split feature of each inner slot, `innerPerTree` per tree (0 in a padded slot).
    private let features: ContiguousArray<Int32>
    /// Split threshold of each inner slot (`x <= threshold` goes left).
    private let thresholds: ContiguousArray<Double>
    /// Value of every slot, inner and leaf, `slotsPerTree` per tree (inner values serve the explanation).
    private let values: ContiguousArray<Double>
    let base: Double
    let trees: Int
    private let innerPerTree: Int
    private let slotsPerTree: Int

    /// Lays out `ensemble`; nil when a tree is deeper than ``maxDepth`` (or malformed: a cycle or a child out of
    /// range).
    init?(_ ensemble: TreeEnsemble) {
        var depth = 0
        for tree in ensemble.trees {
            guard let treeDepth = Self.depth(of: tree), treeDepth <= Self.maxDepth else { return nil }
            depth = max(depth, treeDepth)
        }
        let inner = (1 << depth) - 1
        let slots = (2 << depth) - 1
        var features = ContiguousArray<Int32>(repeating: 0, count: inner * ensemble.trees.count)
        var thresholds = ContiguousArray<Double>(repeating: .infinity, count: inner * ensemble.trees.count)
        var values = ContiguousArray<Double>(repeating: 0, count: slots * ensemble.trees.count)
        for (index, tree) in ensemble.trees.enumerated() {
            // (node in the tree, its heap slot); a leaf above the last level fills its whole subtree.
            var stack = [(node: 0, slot: 0)]
            while let (node, slot) = stack.popLast() {
                values[index * slots + slot] = tree.value[node]
                guard slot < inner else { continue }
                if tree.feature[node] >= 0 {
                    features[index * inner + slot] = Int32(tree.feature[node])
                    thresholds[index * inner + slot] = tree.threshold[node]
                    stack.append((tree.left[node], 2 * slot + 1))
                    stack.append((tree.right[node], 2 * slot + 2))
                } else {
                    stack.append((node, 2 * slot + 1))
                    stack.append((node, 2 * slot + 2))
                }
            }
        }
        self.depth = depth
        self.features = features
        self.thresholds = thresholds
        self.values = values
        base = ensemble.base
        trees = ensemble.trees.count
        innerPerTree = inner
        slotsPerTree = slots
    }

    /// Levels below the root of the deepest leaf; nil for a malformed tree.
    private static func depth(of tree: Tree) -> Int? {
        let count = tree.feature.count
        guard count > 0, tree.value.count == count, tree.threshold.count == count, tree.left.count == count,
            tree.right.count == count
        else { return nil }
        var deepest = 0
        var stack = [(node: 0, level: 0)]
        var visited = 0
        while let (node, level) = stack.popLast() {
            visited += 1
            guard visited <= count, level <= maxDepth else { return nil }
            deepest = max(deepest, level)
            guard tree.feature[node] >= 0 else { continue }
            let left = tree.left[node]
            let right = tree.right[node]
            guard left >= 0, left < count, right >= 0, right < count else { return nil }
            stack.append((left, level + 1))
            stack.append((right, level + 1))
        }
        return deepest
    }

    /// `base` plus the sum of the trees for `x` (which must have every feature the trees index).
    @inline(__always) func predict(_ x: UnsafeBufferPointer<Double>) -> Double {
        features.withUnsafeBufferPointer { features in
            thresholds.withUnsafeBufferPointer { thresholds in
                values.withUnsafeBufferPointer { values in
                    var sum = base
                    var inner = 0  // the tree's first inner slot
                    var slots = 0  // and its first slot of all
                    @inline(__always) func step(_ slot: Int, _ inner: Int) -> Int {
                        2 &* slot &+ 1 &+ Self.bit(!(x[Int(features[inner &+ slot])] <= thresholds[inner &+ slot]))
                    }
                    for _ in 0..<trees {
                        var slot = 0
                        if depth == 4 {  // the default depth, unrolled
                            slot = step(step(step(step(0, inner), inner), inner), inner)
                        } else {
                            for _ in 0..<depth { slot = step(slot, inner) }
                        }
                        sum += values[slots &+ slot]
                        inner &+= innerPerTree
                        slots &+= slotsPerTree
                    }
                    return sum
                }
            }
        }
    }

    /// The prediction and, added into `contributions` (one slot per feature), each split's change of value
    /// credited to its feature (Saabas), in one walk.
    func predict(_ x: UnsafeBufferPointer<Double>, explainingInto contributions: UnsafeMutableBufferPointer<Double>)
        -> Double
    {
        features.withUnsafeBufferPointer { features in
            thresholds.withUnsafeBufferPointer { thresholds in
                values.withUnsafeBufferPointer { values in
                    var sum = base
                    var inner = 0  // the tree's first inner slot
                    var slots = 0  // and its first slot of all
                    @inline(__always) func step(_ slot: Int) -> Int {
                        let feature = Int(features[inner &+ slot])
                        let next = 2 &* slot &+ 1 &+ Self.bit(!(x[feature] <= thresholds[inner &+ slot]))
                        contributions[feature] += values[slots &+ next] - values[slots &+ slot]
                        return next
                    }
                    for _ in 0..<trees {
                        var slot = 0
                        if depth == 4 {  // the default depth, unrolled as in `predict(_:)`
                            slot = step(step(step(step(0))))
                        } else {
                            for _ in 0..<depth { slot = step(slot) }
                        }
                        sum += values[slots &+ slot]
                        inner &+= innerPerTree
                        slots &+= slotsPerTree
                    }
                    return sum
                }
            }
        }
    }

    /// 1 for true, 0 for false, as arithmetic: the compiler keeps a `setcc` where a ternary tends to become a
    /// branch, and a split's direction is as unpredictable as the data.
    @inline(__always) static func bit(_ value: Bool) -> Int { Int(unsafeBitCast(value, to: UInt8.self)) }
}
