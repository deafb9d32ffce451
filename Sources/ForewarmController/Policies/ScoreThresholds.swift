/// Low / Medium / High cut points on the 0–100 complexity score.
public struct ScoreThresholds: Sendable, Hashable, Codable {
    public var low: Double
    public var medium: Double
    public var high: Double

    /// The band a value falls in: `below low`, `low…medium`, `medium…high`, `above high` (bounds belong to the
    /// band below, so "> High" means strictly above).
    public enum Band: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
        case belowLow, low, medium, high
        public static func < (a: Band, b: Band) -> Bool { a.rawValue < b.rawValue }
        public var description: String {
            switch self {
            case .belowLow: "below low"
            case .low: "low"
            case .medium: "medium"
            case .high: "high"
            }
        }
    }

    /// Defaults 30 / 50 / 70: the gateway's pools split scores at 30 and 70; 50 is the middle of the standard pool.
    public init(low: Double = 30, medium: Double = 50, high: Double = 70) throws(ThresholdError) {
        guard low.isFinite, medium.isFinite, high.isFinite, 0 <= low, low <= medium, medium <= high, high <= 100 else {
            throw ThresholdError(low: low, medium: medium, high: high)
        }
        self.low = low
        self.medium = medium
        self.high = high
    }

    /// 30 / 50 / 70.
    public static let standard = ScoreThresholds(unchecked: 30, 50, 70)

    private init(unchecked low: Double, _ medium: Double, _ high: Double) {
        self.low = low
        self.medium = medium
        self.high = high
    }

    public func band(of value: Double) -> Band {
        if value > high { return .high }
        if value > medium { return .medium }
        if value > low { return .low }
        return .belowLow
    }
}

/// Thresholds out of order or outside 0…100.
public struct ThresholdError: Error, CustomStringConvertible, Equatable {
    public var low: Double, medium: Double, high: Double
    public var description: String {
        "score thresholds must satisfy 0 ≤ low ≤ medium ≤ high ≤ 100 (got \(low), \(medium), \(high))"
    }
}
