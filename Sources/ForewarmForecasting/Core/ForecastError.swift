/// Why a model could not be fitted or a forecast could not be made, with a message a user can act on.
public struct ForecastError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    static func tooShort(_ model: String, needs: Int, has: Int) -> ForecastError {
        ForecastError("\(model) needs at least \(needs) finite observations, the series has \(has)")
    }
}

extension Dictionary where Value == Double {
    /// The same parameters with infinities clamped to ±greatestFiniteMagnitude and NaN replaced by 0, so that
    /// reported parameters are always valid numbers (e.g. a variance of 10^300-scaled data overflows).
    func finiteValues() -> [Key: Double] {
        mapValues { v in v.isNaN ? 0 : Swift.min(Swift.max(v, -.greatestFiniteMagnitude), .greatestFiniteMagnitude) }
    }
}
