import Foundation

/// Gradient-boosted regression trees, trained from scratch in Swift (no dependencies), so the running service
/// can retrain from its own history.
public enum GradientBoosting {
    /// Fits an ensemble to `x` (rows of features) and targets `y` with optional per-row `weights` (used as
    /// sampling weights: a row of weight 2 counts twice in every sum).
    public static func fit(
        _ x: [[Double]], _ y: [Double], loss: BoostingLoss = .squaredError,
        parameters: BoostingParameters = BoostingParameters()
    ) -> TreeEnsemble {
        guard !x.isEmpty, x.count == y.count else { return TreeEnsemble(base: 0, trees: []) }
        let matrix = BinnedMatrix(x)
        let base: Double
        switch loss {
        case .squaredError: base = y.reduce(0, +) / Double(y.count)
        case .quantile(let q): base = quantile(y, q)
        case .logistic:
            let mean = min(max(y.reduce(0, +) / Double(y.count), 1e-4), 1 - 1e-4)
            base = log(mean / (1 - mean))
        }
        var predictions = [Double](repeating: base, count: y.count)
        var gradients = [Double](repeating: 0, count: y.count)
        var generator = SplitMix64(state: parameters.seed)
        var trees: [Tree] = []
        let allRows = Array(0..<y.count)
        let allFeatures = Array(0..<matrix.columns)
        for _ in 0..<parameters.trees {
            let rows =
                parameters.subsample < 1
                ? allRows.filter { _ in Double.random(in: 0..<1, using: &generator) < parameters.subsample } : allRows
            let features =
                parameters.featureFraction < 1
                ? allFeatures.filter { _ in Double.random(in: 0..<1, using: &generator) < parameters.featureFraction }
                : allFeatures
            let tree: Tree
            switch loss {
            case .squaredError:
                for row in rows { gradients[row] = y[row] - predictions[row] }
                let builder = TreeBuilder(matrix: matrix, parameters: parameters, allowed: features)
                let lambda = parameters.lambda
                tree = builder.build(gradients: gradients, rows: rows) { leaf in
                    var sum = 0.0
                    for row in leaf { sum += gradients[row] }
                    return sum / (Double(leaf.count) + lambda)
                }
            case .quantile(let q):
                for row in rows { gradients[row] = y[row] > predictions[row] ? q : q - 1 }
                let builder = TreeBuilder(matrix: matrix, parameters: parameters, allowed: features)
                tree = builder.build(gradients: gradients, rows: rows) { leaf in
                    quantile(leaf.map { y[$0] - predictions[$0] }, q)
                }
            case .logistic:
                var hessians = [Double](repeating: 0, count: y.count)
                for row in rows {
                    let p = 1 / (1 + exp(-predictions[row]))
                    gradients[row] = y[row] - p
                    hessians[row] = max(p * (1 - p), 1e-6)
                }
                var builder = TreeBuilder(matrix: matrix, parameters: parameters, allowed: features)
                // Newton boosting: a split's gain weighs rows by p(1 − p), not by count, so the thousands of
                // programs already confidently light weigh little against the uncertain ones near the heavy class.
                builder.hessians = hessians
                let lambda = parameters.lambda
                tree = builder.build(gradients: gradients, rows: rows) { leaf in
                    var sum = 0.0
                    var hessian = 0.0
                    for row in leaf {
                        sum += gradients[row]
                        hessian += hessians[row]
                    }
                    return sum / (hessian + lambda)
                }
            }
            for row in 0..<y.count {
                predictions[row] += x[row].withUnsafeBufferPointer { tree.predict($0) }
            }
            trees.append(tree)
        }
        return TreeEnsemble(base: base, trees: trees).rounded()
    }
}

/// The `q` quantile of `values` (nearest rank on a sorted copy); 0 when empty.
func quantile(_ values: [Double], _ q: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let position = min(sorted.count - 1, max(0, Int((Double(sorted.count - 1) * q).rounded())))
    return sorted[position]
}
