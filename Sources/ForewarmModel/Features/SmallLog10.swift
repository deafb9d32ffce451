import Foundation

/// log10 of small integers, computed once with the same `log10` call the features would make, so a lookup gives
/// the same bits as the call at a fraction of its cost (a prediction takes the log of ~140 counts).
enum SmallLog10 {
    /// Integers below this are looked up.
    static let size = 4096
    /// `log10(1 + n)` for `n` in `0..<size`.
    static let onePlus: ContiguousArray<Double> = ContiguousArray((0..<size).map { log10(1 + Double($0)) })
    /// `log10(n)` for `n` in `1..<1000`, the leading digits of a literal (slot 0 unused).
    static let leading: ContiguousArray<Double> = ContiguousArray((0..<1000).map { log10(Double($0)) })
}
