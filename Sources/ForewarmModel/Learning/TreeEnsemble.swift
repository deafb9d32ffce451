import Foundation

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

/// The model file stores each tree as one compact string, so that a 900-tree model decodes in milliseconds
/// (JSON numbers are slow to decode one by one). Nodes are in depth-first order, each left child right after
/// its parent: an inner node is `feature:threshold:right:value`, a leaf is `=value`, nodes separated by spaces.
extension TreeEnsemble {
    enum CodingKeys: String, CodingKey { case base, trees }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        base = try container.decode(Double.self, forKey: .base)
        let encoded = try container.decode([String].self, forKey: .trees)
        trees = try encoded.map { text in
            guard let tree = Tree(compact: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .trees, in: container,
                    debugDescription: "malformed tree \(text.prefix(40))…")
            }
            return tree
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(base, forKey: .base)
        try container.encode(trees.map(\.compact), forKey: .trees)
    }
}

extension Tree {
    /// The compact text form (see ``TreeEnsemble``'s coding).
    var compact: String {
        feature.indices.map { node in
            feature[node] < 0 ? "=\(value[node])" : "\(feature[node]):\(threshold[node]):\(right[node]):\(value[node])"
        }.joined(separator: " ")
    }

    /// Parses the compact form with `strtod`/`strtol` straight from the C string (a 900-tree model in a few
    /// milliseconds); nil when malformed (bad numbers, children out of range).
    init?(compact: String) {
        self.init()
        let parsed = compact.withCString { start -> Bool in
            var cursor = UnsafeMutablePointer(mutating: start)
            while true {
                while cursor.pointee == 0x20 { cursor += 1 }
                if cursor.pointee == 0 { return true }
                var end: UnsafeMutablePointer<CChar>? = nil
                if cursor.pointee == 0x3d {  // "=value": a leaf
                    let value = strtod(cursor + 1, &end)
                    guard let after = end, after != cursor + 1 else { return false }
                    _ = append(value: value)
                    cursor = after
                    continue
                }
                let feature = strtol(cursor, &end, 10)
                guard let afterFeature = end, afterFeature != cursor, afterFeature.pointee == 0x3a, feature >= 0
                else { return false }
                let threshold = strtod(afterFeature + 1, &end)
                guard let afterThreshold = end, afterThreshold.pointee == 0x3a else { return false }
                let right = strtol(afterThreshold + 1, &end, 10)
                guard let afterRight = end, afterRight.pointee == 0x3a else { return false }
                let value = strtod(afterRight + 1, &end)
                guard let afterValue = end, afterValue != afterRight + 1 else { return false }
                let node = append(value: value)
                self.feature[node] = feature
                self.threshold[node] = threshold
                self.left[node] = node + 1
                self.right[node] = right
                cursor = afterValue
            }
        }
        let count = feature.count
        guard parsed, count > 0 else { return nil }
        for node in 0..<count where feature[node] >= 0 {
            guard left[node] < count, right[node] > node, right[node] < count else { return nil }
        }
    }
}
