import Foundation
import ForewarmGateway
import Testing

struct ConfigurationTests {
    @Test func fileThenEnvironment() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fw-config-\(UUID().uuidString).json")
        let json = """
            {"port": 9000, "maxCodeBytes": 1000, "pools": [
              {"name": "only", "minScore": 0, "maxScore": 100,
               "instanceType": {"name": "t", "vCPU": 1, "memoryMiB": 256, "pricePerHour": 0.01, "startupMs": 100},
               "limits": {"cpuCores": 1, "cpuSeconds": 3, "memoryMiB": 256, "pids": 16, "wallMs": 2000, "outputKiB": 64, "tmpMiB": 8},
               "minWarm": {"python": 1}, "maxInstances": 2, "queueCapacity": 4}]}
            """
        try Data(json.utf8).write(to: file)
        let configuration = try GatewayConfiguration.load(
            file: file.path,
            environment: ["FOREWARM_PORT": "9100", "FOREWARM_DATA_DIR": "/var/lib/fw", "FOREWARM_MIN_WARM": "only.ruby=2"])
        #expect(configuration.port == 9100)
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.maxCodeBytes == 1000)
        #expect(configuration.resolvedDatabasePath == "/var/lib/fw/history.sqlite")
        #expect(configuration.pools.map(\.name) == ["only"])
        #expect(configuration.pools[0].minWarm == ["python": 1, "ruby": 2])
    }

    @Test func defaultsAndErrors() throws {
        let defaults = try GatewayConfiguration.load(file: nil, environment: [:])
        #expect(defaults.port == 8080)
        #expect(defaults.maxCodeBytes == 256 * 1024)
        #expect(defaults.pools.map(\.name) == ["lightweight", "standard", "heavyweight"])
        #expect(throws: (any Error).self) {
            try GatewayConfiguration.load(file: nil, environment: ["FOREWARM_MIN_WARM": "nonsense"])
        }
        #expect(throws: (any Error).self) {
            try GatewayConfiguration.load(file: nil, environment: ["FOREWARM_MIN_WARM": "nopool.python=1"])
        }
    }
}
