import Foundation

/// What the words of a program say about its cost, learned from the training programs: two ridge regressions on
/// the word-presence bag (``FeatureExtractor/bagColumns``). One predicts where a program ranks *within its
/// language* (its CPU percentile there, centred), the other whether it is heavy. Their outputs are two inputs of
/// the trees (`lexicon_cpu`, `lexicon_heavy`), so the trees decide how far to trust them.
///
/// Words shared across tasks (`prime`, `sieve`, `BigInteger`, `permutations`, `sleep`…) carry over to unseen
/// tasks. Words of a single task cannot, so training fills these columns out of fold (grouped by task, see
/// ``DemandModel/train(_:parameters:version:)``): the trees learn how much the lexicon is worth on tasks it never saw.
public struct WordLexicon: Sendable, Equatable {
    /// Names of the output columns, in vector order.
    public static let outputNames = ["lexicon_cpu", "lexicon_heavy"]

    /// One weight per bag column, for the within-language CPU percentile.
    public var cpuWeights: [Double]
    /// One weight per bag column, for the heavy class.
    public var heavyWeights: [Double]

    public init(cpuWeights: [Double], heavyWeights: [Double]) {
        self.cpuWeights = cpuWeights
        self.heavyWeights = heavyWeights
    }

    /// A lexicon that says nothing (all weights 0).
    public static var empty: WordLexicon {
        let zeros = [Double](repeating: 0, count: FeatureExtractor.bagColumns.count)
        return WordLexicon(cpuWeights: zeros, heavyWeights: zeros)
    }

    /// The two outputs for a feature vector (its bag columns).
    @inline(__always) public func scores(_ x: UnsafeBufferPointer<Double>) -> (cpu: Double, heavy: Double) {
        let offset = FeatureExtractor.bagColumns.lowerBound
        let count = min(cpuWeights.count, heavyWeights.count, max(0, x.count - offset))
        return cpuWeights.withUnsafeBufferPointer { cpu in
            heavyWeights.withUnsafeBufferPointer { heavy in
                var cpuSum = 0.0
                var heavySum = 0.0
                for column in 0..<count where x[offset + column] != 0 {
                    cpuSum += cpu[column] * x[offset + column]
                    heavySum += heavy[column] * x[offset + column]
                }
                return (cpuSum, heavySum)
            }
        }
    }

    /// Writes the outputs into the lexicon columns of `x`.
    @inline(__always) public func fill(_ x: inout [Double]) {
        guard x.count >= FeatureExtractor.names.count else { return }
        let (cpu, heavy) = x.withUnsafeBufferPointer { scores($0) }
        x[FeatureExtractor.lexiconColumns.lowerBound] = cpu
        x[FeatureExtractor.lexiconColumns.lowerBound + 1] = heavy
    }

    /// Fits both regressions on `samples` with L2 penalty `lambda` (in programs: a word seen in `lambda` programs
    /// gets about half its unpenalized weight).
    public static func fit(_ samples: [LabeledSample], lambda: Double) -> WordLexicon {
        let columns = FeatureExtractor.bagColumns
        guard !samples.isEmpty else { return .empty }
        // Sparse rows: the bag columns each program has.
        let rows: [[Int32]] = samples.map { sample in
            guard sample.features.count >= columns.upperBound else { return [] }
            return columns.compactMap { sample.features[$0] != 0 ? Int32($0 - columns.lowerBound) : nil }
        }
        // Targets: the CPU percentile within the program's corpus and language, and heavy against the rate there.
        var groups: [String: [Int]] = [:]
        for (index, sample) in samples.enumerated() {
            groups[sample.source + "/" + sample.language.rawValue, default: []].append(index)
        }
        var cpuTarget = [Double](repeating: 0, count: samples.count)
        var heavyTarget = [Double](repeating: 0, count: samples.count)
        for members in groups.values {
            let ranks = RankMetrics.ranks(members.map { samples[$0].cpuLog10 })
            let heavyRate = Double(members.filter { samples[$0].isHeavy }.count) / Double(members.count)
            for (position, index) in members.enumerated() {
                cpuTarget[index] = members.count > 1 ? (ranks[position] - 0.5) / Double(members.count) - 0.5 : 0
                heavyTarget[index] = (samples[index].isHeavy ? 1 : 0) - heavyRate
            }
        }
        return WordLexicon(
            cpuWeights: SparseRidge.solve(rows: rows, target: cpuTarget, columns: columns.count, lambda: lambda),
            heavyWeights: SparseRidge.solve(rows: rows, target: heavyTarget, columns: columns.count, lambda: lambda))
    }

    /// Rounds weights to 4 significant digits, so the model file stays small.
    func rounded() -> WordLexicon {
        WordLexicon(
            cpuWeights: cpuWeights.map { roundSignificant($0, 4) },
            heavyWeights: heavyWeights.map { roundSignificant($0, 4) })
    }
}

/// Ridge regression on 0/1 sparse rows without intercept (the targets are centred), solved by conjugate gradients
/// on `(XᵀX + λI) w = Xᵀy`: each iteration costs two passes over the non-zeros.
enum SparseRidge {
    static func solve(rows: [[Int32]], target: [Double], columns: Int, lambda: Double, iterations: Int = 100)
        -> [Double]
    {
        func multiply(_ p: [Double]) -> [Double] {  // (XᵀX + λI) p
            var result = p.map { $0 * lambda }
            for row in rows {
                var dot = 0.0
                for column in row { dot += p[Int(column)] }
                for column in row { result[Int(column)] += dot }
            }
            return result
        }
        var b = [Double](repeating: 0, count: columns)
        for (row, y) in zip(rows, target) {
            for column in row { b[Int(column)] += y }
        }
        var w = [Double](repeating: 0, count: columns)
        var r = b
        var p = r
        var rs = r.reduce(0) { $0 + $1 * $1 }
        let tolerance = max(1e-20, rs * 1e-12)
        for _ in 0..<iterations where rs > tolerance {
            let ap = multiply(p)
            var pap = 0.0
            for index in 0..<columns { pap += p[index] * ap[index] }
            guard pap > 0 else { break }
            let alpha = rs / pap
            var next = 0.0
            for index in 0..<columns {
                w[index] += alpha * p[index]
                r[index] -= alpha * ap[index]
                next += r[index] * r[index]
            }
            let beta = next / rs
            rs = next
            for index in 0..<columns { p[index] = r[index] + beta * p[index] }
        }
        return w
    }
}

/// The model file stores each weight vector as one string of space-separated numbers, parsed with `strtod`.
extension WordLexicon: Codable {
    enum CodingKeys: String, CodingKey { case cpu, heavy }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func weights(_ key: CodingKeys) throws -> [Double] {
            let text = try container.decode(String.self, forKey: key)
            var values: [Double] = []
            values.reserveCapacity(FeatureExtractor.bagColumns.count)
            let ok = text.withCString { start -> Bool in
                var cursor = UnsafeMutablePointer(mutating: start)
                while true {
                    while cursor.pointee == 0x20 { cursor += 1 }
                    if cursor.pointee == 0 { return true }
                    var end: UnsafeMutablePointer<CChar>? = nil
                    let value = strtod(cursor, &end)
                    guard let after = end, after != cursor else { return false }
                    values.append(value)
                    cursor = after
                }
            }
            guard ok, values.count == FeatureExtractor.bagColumns.count else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription: "expected \(FeatureExtractor.bagColumns.count) lexicon weights")
            }
            return values
        }
        cpuWeights = try weights(.cpu)
        heavyWeights = try weights(.heavy)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cpuWeights.map { "\($0)" }.joined(separator: " "), forKey: .cpu)
        try container.encode(heavyWeights.map { "\($0)" }.joined(separator: " "), forKey: .heavy)
    }
}
