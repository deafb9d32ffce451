import Foundation

/// Training rows binned per feature for histogram split finding: at most `maxBins` bins per column, cut at
/// midpoints between quantiles of the distinct values.
struct BinnedMatrix: Sendable {
    let rows: Int
    let columns: Int
    /// `bins[column][row]`.
    let bins: [[UInt8]]
    /// `cuts[column][b]`: rows in bins `0...b` have values `<= cuts[column][b]`.
    let cuts: [[Double]]

    init(_ x: [[Double]], maxBins: Int = 64) {
        rows = x.count
        columns = x.first?.count ?? 0
        var bins: [[UInt8]] = []
        var cuts: [[Double]] = []
        for column in 0..<columns {
            let values = x.map { $0[column] }
            let distinct = Array(Set(values)).sorted()
            var columnCuts: [Double] = []
            if distinct.count <= maxBins {
                for index in 0..<max(0, distinct.count - 1) {
                    columnCuts.append((distinct[index] + distinct[index + 1]) / 2)
                }
            } else {
                let sorted = values.sorted()
                var last = -Double.infinity
                for bin in 1..<maxBins {
                    let value = sorted[bin * sorted.count / maxBins]
                    // The cut sits just below the quantile value: midway to the next smaller distinct value.
                    guard let position = distinct.firstIndex(of: value), position > 0 else { continue }
                    let cut = (distinct[position - 1] + value) / 2
                    if cut > last {
                        columnCuts.append(cut)
                        last = cut
                    }
                }
            }
            cuts.append(columnCuts)
            bins.append(
                values.map { value in
                    var low = 0
                    var high = columnCuts.count
                    while low < high {
                        let mid = (low + high) / 2
                        if value <= columnCuts[mid] { high = mid } else { low = mid + 1 }
                    }
                    return UInt8(low)
                })
        }
        self.bins = bins
        self.cuts = cuts
    }
}

/// Deterministic pseudo-random numbers (SplitMix64), so training is reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

func roundSignificant(_ value: Double, _ digits: Int) -> Double {
    guard value != 0, value.isFinite else { return value }
    let scale = pow(10, Double(digits) - ceil(log10(abs(value))))
    return (value * scale).rounded() / scale
}
