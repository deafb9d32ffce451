/// A ``TreeEnsemble`` laid out for speed: every node of every tree in one contiguous array, walked through
/// unsafe buffers, so a prediction touches no reference counts (900 trees in a few microseconds).
public struct FlatEnsemble: Sendable {
    struct Node {
        /// Split feature, or -1 for a leaf.
        var feature: Int32
        /// Absolute index of the left child; the right child's is `right`.
        var left: Int32
        var right: Int32
        var threshold: Double
        var value: Double
    }

    private let nodes: ContiguousArray<Node>
    private let roots: ContiguousArray<Int32>
    public let base: Double

    public init(_ ensemble: TreeEnsemble) {
        var nodes = ContiguousArray<Node>()
        var roots = ContiguousArray<Int32>()
        for tree in ensemble.trees {
            let offset = Int32(nodes.count)
            roots.append(offset)
            for index in tree.feature.indices {
                nodes.append(
                    Node(
                        feature: Int32(tree.feature[index]), left: offset + Int32(tree.left[index]),
                        right: offset + Int32(tree.right[index]), threshold: tree.threshold[index],
                        value: tree.value[index]))
            }
        }
        self.nodes = nodes
        self.roots = roots
        base = ensemble.base
    }

    /// The sum of the trees for `x` (which must have every feature the trees index).
    @inline(__always) public func predict(_ x: UnsafeBufferPointer<Double>) -> Double {
        nodes.withUnsafeBufferPointer { nodes in
            roots.withUnsafeBufferPointer { roots in
                var sum = base
                for root in roots {
                    var node = Int(root)
                    while nodes[node].feature >= 0 {
                        let current = nodes[node]
                        node = Int(x[Int(current.feature)] <= current.threshold ? current.left : current.right)
                    }
                    sum += nodes[node].value
                }
                return sum
            }
        }
    }

    /// Saabas contributions per feature (adds into `contributions`, which has one slot per feature).
    public func explain(_ x: UnsafeBufferPointer<Double>, into contributions: inout [Double]) {
        nodes.withUnsafeBufferPointer { nodes in
            contributions.withUnsafeMutableBufferPointer { out in
                for root in roots {
                    var node = Int(root)
                    while nodes[node].feature >= 0 {
                        let current = nodes[node]
                        let next = Int(x[Int(current.feature)] <= current.threshold ? current.left : current.right)
                        out[Int(current.feature)] += nodes[next].value - current.value
                        node = next
                    }
                }
            }
        }
    }
}
