/// ``WordLexicon`` laid out for prediction: its two weight vectors side by side, and the sparse dot product
/// found by testing 64 bag columns at a time instead of branching on each. The sums run over the set columns in
/// ascending order, as ``WordLexicon/scores(_:)`` does, so the outputs are the same bit for bit.
struct LexiconScorer: Sendable {
    /// `(cpu, heavy)` weight of each bag column.
    private let weights: ContiguousArray<(cpu: Double, heavy: Double)>

    init(_ lexicon: WordLexicon) {
        weights = ContiguousArray(zip(lexicon.cpuWeights, lexicon.heavyWeights).map { (cpu: $0, heavy: $1) })
    }

    /// Writes the two outputs into the lexicon columns of a full feature vector (a shorter one is left as is).
    @inline(__always) func fill(_ x: UnsafeMutableBufferPointer<Double>) {
        guard x.count >= FeatureExtractor.names.count else { return }
        let offset = FeatureExtractor.bagColumns.lowerBound
        let count = min(weights.count, x.count - offset)
        var cpuSum = 0.0
        var heavySum = 0.0
        weights.withUnsafeBufferPointer { weights in
            var chunk = 0
            while chunk < count {
                let width = min(64, count - chunk)
                var set: UInt64 = 0
                for bit in 0..<width {
                    set |= UInt64(CompleteEnsemble.bit(x[offset + chunk + bit] != 0)) << UInt64(bit)
                }
                while set != 0 {
                    let column = chunk + set.trailingZeroBitCount
                    let value = x[offset + column]
                    cpuSum += weights[column].cpu * value
                    heavySum += weights[column].heavy * value
                    set &= set - 1
                }
                chunk += width
            }
        }
        x[FeatureExtractor.lexiconColumns.lowerBound] = cpuSum
        x[FeatureExtractor.lexiconColumns.lowerBound + 1] = heavySum
    }
}
