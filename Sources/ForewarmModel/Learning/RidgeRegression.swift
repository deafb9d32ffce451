/// Ridge (L2-penalized least squares) regression on standardized features: the linear model the trees are
/// compared with in `forewarm evaluate`.
public struct RidgeRegression: Sendable, Codable, Equatable {
    public var means: [Double]
    public var scales: [Double]
    public var weights: [Double]
    public var intercept: Double

    /// Fits by solving `(XᵀX + λI) w = Xᵀy` with Gaussian elimination (features are few).
    public static func fit(_ x: [[Double]], _ y: [Double], lambda: Double = 10) -> RidgeRegression {
        let columns = x.first?.count ?? 0
        let rows = Double(max(1, x.count))
        var means = [Double](repeating: 0, count: columns)
        var scales = [Double](repeating: 1, count: columns)
        for column in 0..<columns {
            let mean = x.reduce(0) { $0 + $1[column] } / rows
            let variance = x.reduce(0) { $0 + ($1[column] - mean) * ($1[column] - mean) } / rows
            means[column] = mean
            scales[column] = variance > 1e-12 ? variance.squareRoot() : 1
        }
        let intercept = y.reduce(0, +) / rows
        var a = [[Double]](repeating: [Double](repeating: 0, count: columns + 1), count: columns)
        for (row, target) in zip(x, y) {
            let z = (0..<columns).map { (row[$0] - means[$0]) / scales[$0] }
            for i in 0..<columns {
                for j in 0..<columns { a[i][j] += z[i] * z[j] }
                a[i][columns] += z[i] * (target - intercept)
            }
        }
        for i in 0..<columns { a[i][i] += lambda }
        let weights = solve(&a, columns)
        return RidgeRegression(means: means, scales: scales, weights: weights, intercept: intercept)
    }

    public func predict(_ x: [Double]) -> Double {
        var sum = intercept
        for index in weights.indices { sum += weights[index] * (x[index] - means[index]) / scales[index] }
        return sum
    }

    /// Gauss–Jordan elimination with partial pivoting on an augmented matrix.
    private static func solve(_ a: inout [[Double]], _ n: Int) -> [Double] {
        for column in 0..<n {
            var pivot = column
            for row in column..<n where abs(a[row][column]) > abs(a[pivot][column]) { pivot = row }
            a.swapAt(column, pivot)
            let divisor = a[column][column]
            guard abs(divisor) > 1e-12 else { continue }
            for j in column...n { a[column][j] /= divisor }
            for row in 0..<n where row != column {
                let factor = a[row][column]
                if factor == 0 { continue }
                for j in column...n { a[row][j] -= factor * a[column][j] }
            }
        }
        return (0..<n).map { a[$0][n] }
    }
}
