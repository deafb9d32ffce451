/// One regression tree, stored flat: node `i` splits on `feature[i]` (`x <= threshold[i]` goes to `left[i]`) or,
/// when `feature[i] < 0`, is a leaf. `value[i]` is the node's output (already scaled by the learning rate); inner
/// nodes keep theirs so a prediction can be explained path by path.
public struct Tree: Sendable, Codable, Equatable {
    public var feature: [Int]
    public var threshold: [Double]
    public var left: [Int]
    public var right: [Int]
    public var value: [Double]

    public init(
        feature: [Int] = [], threshold: [Double] = [], left: [Int] = [], right: [Int] = [],
        value: [Double] = []
    ) {
        self.feature = feature
        self.threshold = threshold
        self.left = left
        self.right = right
        self.value = value
    }

    /// The leaf value for `x`.
    @inline(__always) public func predict(_ x: UnsafeBufferPointer<Double>) -> Double {
        var node = 0
        while feature[node] >= 0 {
            node = x[feature[node]] <= threshold[node] ? left[node] : right[node]
        }
        return value[node]
    }

    /// Adds each split's change of value to the contribution of its feature (Saabas' path attribution);
    /// returns the root value.
    public func explain(_ x: UnsafeBufferPointer<Double>, into contributions: inout [Double]) -> Double {
        var node = 0
        while feature[node] >= 0 {
            let next = x[feature[node]] <= threshold[node] ? left[node] : right[node]
            contributions[feature[node]] += value[next] - value[node]
            node = next
        }
        return value[0]
    }

    /// Appends a node and returns its index.
    mutating func append(value: Double) -> Int {
        feature.append(-1)
        threshold.append(0)
        left.append(-1)
        right.append(-1)
        self.value.append(value)
        return feature.count - 1
    }
}
