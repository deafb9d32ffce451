/// Splits a pool's target among languages, for backends that keep warm instances per language (the local sandbox
/// pools keep one warm worker per language and run).
///
/// Each language gets its floor (the operator's configured minimum), and the rest of the target goes by the
/// languages' shares of recent arrivals, by largest remainder, so the parts add up to `max(total, Σ floors)`.
public enum LanguageTargetSplit {
    public static func split(total: Int, shares: [String: Double], floors: [String: Int]) -> [String: Int] {
        var result = floors.mapValues { max(0, $0) }
        let floorSum = result.values.reduce(0, +)
        let extra = max(0, total - floorSum)
        let weights = shares.filter { $0.value > 0 && $0.value.isFinite }
        let weightSum = weights.values.reduce(0, +)
        guard extra > 0, weightSum > 0 else { return result }
        let exact = weights.mapValues { Double(extra) * $0 / weightSum }
        var given = 0
        for (language, amount) in exact {
            let whole = Int(amount.rounded(.down))
            result[language, default: 0] += whole
            given += whole
        }
        let byRemainder = exact.sorted {
            let a = $0.value - $0.value.rounded(.down), b = $1.value - $1.value.rounded(.down)
            return a != b ? a > b : $0.key < $1.key
        }
        for (language, _) in byRemainder.prefix(extra - given) { result[language, default: 0] += 1 }
        return result
    }
}
