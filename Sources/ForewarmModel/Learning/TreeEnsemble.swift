/// A boosted sum of trees: `base + Σ tree(x)`.
public struct TreeEnsemble: Sendable, Codable, Equatable {
    public var base: Double
    public var trees: [Tree]

    public init(base: Double, trees: [Tree]) {
        self.base = base
        self.trees = trees
    }

    public func predict(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer { predict($0) }
    }

    public func predict(_ x: UnsafeBufferPointer<Double>) -> Double {
        var sum = base
        for tree in trees { sum += tree.predict(x) }
        return sum
    }

    /// Per-feature contributions that add up, with `base`, to the prediction.
    public func contributions(_ x: [Double], features: Int) -> [Double] {
        var contributions = [Double](repeating: 0, count: features)
        x.withUnsafeBufferPointer { buffer in
            for tree in trees { _ = tree.explain(buffer, into: &contributions) }
        }
        return contributions
    }

    /// Rounds every number to `digits` significant digits, so the model file stays small.
    func rounded(_ digits: Int = 4) -> TreeEnsemble {
        var copy = self
        copy.base = roundSignificant(base, digits)
        copy.trees = trees.map { tree in
            var tree = tree
            tree.threshold = tree.threshold.map { roundSignificant($0, digits + 2) }
            tree.value = tree.value.map { roundSignificant($0, digits) }
            return tree
        }
        return copy
    }
}
