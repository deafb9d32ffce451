import ArgumentParser
import ForewarmGateway

extension GatewayConfiguration {
    /// The configuration `serve` and `calibrate` start from: the file (if any) and the environment, with any
    /// problem reported as a usage error (exit 2).
    static func loadForCommand(file: String?) throws -> GatewayConfiguration {
        do {
            return try GatewayConfiguration.load(file: file)
        } catch {
            throw ValidationError("configuration: \(error)")
        }
    }
}
