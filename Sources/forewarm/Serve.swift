import ArgumentParser
import ForewarmGateway
import ForewarmSandbox
import Foundation
import Hummingbird
import Logging

/// `forewarm serve`: the HTTP gateway with its warm sandbox pools and history store.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs the HTTP gateway: sandboxed warm pools, routing, metering and the history store.")

    @Option(help: "Address to listen on (default 127.0.0.1, or FOREWARM_HOST).")
    var host: String?

    @Option(help: "Port to listen on (default 8080, or FOREWARM_PORT; 0 picks a free one).")
    var port: Int?

    @Option(help: "JSON configuration file (pools, limits, caps); see docs/gateway.md.")
    var config: String?

    @Option(name: .customLong("data-dir"), help: "Directory for the history database (default ./.forewarm).")
    var dataDirectory: String?

    func run() async throws {
        var configuration = try GatewayConfiguration.loadForCommand(file: config)
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        if let dataDirectory { configuration.dataDirectory = dataDirectory }
        var logger = Logger(label: "forewarm")
        logger.logLevel = .info
        let (app, _) = try await buildApplication(configuration: configuration, logger: logger) { channel in
            let address = channel.localAddress.map { "\($0)" } ?? "?"
            FileHandle.standardOutput.write(Data("forewarm: serving on \(address)\n".utf8))
        }
        try await app.runService()
    }
}
