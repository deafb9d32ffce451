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
