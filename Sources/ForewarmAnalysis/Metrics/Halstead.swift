import Foundation

/// Halstead's software-science measures for one function or file.
///
/// Operands are identifiers, numbers, strings and literal keywords (`true`, `None`); operators are symbols,
/// punctuation and every other keyword, as lizard's Halstead extension counts them.
public struct Halstead: Sendable, Codable, Equatable {
    /// n1 and n2.
    public var distinctOperators: Int
    public var distinctOperands: Int
    /// N1 and N2.
    public var totalOperators: Int
    public var totalOperands: Int

    public init(distinctOperators: Int, distinctOperands: Int, totalOperators: Int, totalOperands: Int) {
        self.distinctOperators = distinctOperators
        self.distinctOperands = distinctOperands
        self.totalOperators = totalOperators
        self.totalOperands = totalOperands
    }

    /// n = n1 + n2.
    public var vocabulary: Int { distinctOperators + distinctOperands }
    /// N = N1 + N2.
    public var length: Int { totalOperators + totalOperands }
    /// V = N · log2 n.
    public var volume: Double { vocabulary > 0 ? Double(length) * log2(Double(vocabulary)) : 0 }
    /// D = (n1 / 2) · (N2 / n2).
    public var difficulty: Double {
        distinctOperands > 0 ? Double(distinctOperators) / 2 * Double(totalOperands) / Double(distinctOperands) : 0
    }
    /// E = D · V.
    public var effort: Double { difficulty * volume }
}
