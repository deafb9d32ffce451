/// Grows one regression tree on negative gradients with histograms over binned features.
struct TreeBuilder {
    let matrix: BinnedMatrix
    let parameters: BoostingParameters
    /// Features this tree may split on.
    let allowed: [Int]
    /// Per-row second derivatives of the loss: when set, split gains divide by their sums (Newton boosting)
    /// instead of by row counts.
    var hessians: [Double]? = nil

    init(matrix: BinnedMatrix, parameters: BoostingParameters, allowed: [Int]) {
        self.matrix = matrix
        self.parameters = parameters
        self.allowed = allowed
    }

    /// Grows a tree on `rows`; `leafValue(rows)` gives each node's (unscaled) output.
    func build(gradients: [Double], rows: [Int], leafValue: ([Int]) -> Double) -> Tree {
        var tree = Tree()
        var rows = rows
        grow(&tree, rows: &rows[...], gradients: gradients, depth: 0, leafValue: leafValue)
        return tree
    }

    @discardableResult
    private func grow(
        _ tree: inout Tree, rows: inout ArraySlice<Int>, gradients: [Double], depth: Int,
        leafValue: ([Int]) -> Double
    ) -> Int {
        let node = tree.append(value: leafValue(Array(rows)) * parameters.learningRate)
        guard depth < parameters.maxDepth, rows.count >= 2 * parameters.minSamplesLeaf,
            let split = bestSplit(rows: rows, gradients: gradients)
        else { return node }
        // Partition in place: rows going left first.
        let column = matrix.bins[split.feature]
        var boundary = rows.startIndex
        for index in rows.indices where column[rows[index]] <= split.bin {
            rows.swapAt(index, boundary)
            boundary += 1
        }
        tree.feature[node] = split.feature
        tree.threshold[node] = matrix.cuts[split.feature][split.bin]
        var leftRows = rows[rows.startIndex..<boundary]
        var rightRows = rows[boundary..<rows.endIndex]
        let left = grow(&tree, rows: &leftRows, gradients: gradients, depth: depth + 1, leafValue: leafValue)
        let right = grow(&tree, rows: &rightRows, gradients: gradients, depth: depth + 1, leafValue: leafValue)
        tree.left[node] = left
        tree.right[node] = right
        return node
    }

    private func bestSplit(rows: ArraySlice<Int>, gradients: [Double]) -> (feature: Int, bin: Int)? {
        let lambda = parameters.lambda
        let minLeaf = parameters.minSamplesLeaf
        var total = 0.0
        for row in rows { total += gradients[row] }
        var totalWeight = Double(rows.count)
        if let hessians {
            totalWeight = 0
            for row in rows { totalWeight += hessians[row] }
        }
        let parentScore = total * total / (totalWeight + lambda)
        var best: (feature: Int, bin: Int)?
        var bestGain = 1e-9
        var sums = [Double](repeating: 0, count: 256)
        var counts = [Int](repeating: 0, count: 256)
        var weights = [Double](repeating: 0, count: 256)
        for feature in allowed {
            let cuts = matrix.cuts[feature].count
            guard cuts > 0 else { continue }
            for bin in 0...cuts {
                sums[bin] = 0
                counts[bin] = 0
                weights[bin] = 0
            }
            let column = matrix.bins[feature]
            for row in rows {
                let bin = Int(column[row])
                sums[bin] += gradients[row]
                counts[bin] += 1
                weights[bin] += hessians?[row] ?? 1
            }
            var leftSum = 0.0
            var leftCount = 0
            var leftWeight = 0.0
            for bin in 0..<cuts {
                leftSum += sums[bin]
                leftCount += counts[bin]
                leftWeight += weights[bin]
                let rightCount = rows.count - leftCount
                if leftCount < minLeaf { continue }
                if rightCount < minLeaf { break }
                let rightSum = total - leftSum
                let gain =
                    leftSum * leftSum / (leftWeight + lambda)
                    + rightSum * rightSum / (totalWeight - leftWeight + lambda) - parentScore
                if gain > bestGain {
                    bestGain = gain
                    best = (feature, bin)
                }
            }
        }
        return best
    }
}
