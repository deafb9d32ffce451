import ForewarmGateway
import ForewarmPools
import ForewarmTestSupport
import Foundation
import Testing

struct ConfigurationTests {
    @Test func fileThenEnvironment() throws {
        let json = """
            {"port": 9000, "maxCodeBytes": 1000, "pools": [
              {"name": "only", "minScore": 0, "maxScore": 100,
               "instanceType": {"name": "t", "vCPU": 1, "memoryMiB": 256, "pricePerHour": 0.01, "startupMs": 100},
               "limits": {"cpuCores": 1, "cpuSeconds": 3, "memoryMiB": 256, "pids": 16, "wallMs": 2000, "outputKiB": 64, "tmpMiB": 8},
               "minWarm": {"python": 1}, "maxInstances": 2, "queueCapacity": 4}]}
            """
        let scratch = try ScratchDirectory(prefix: "fw-config", files: ["config.json": json])
        defer { scratch.remove() }
        let file = scratch.path("config.json")
        let configuration = try GatewayConfiguration.load(
            file: file,
            environment: [
                "FOREWARM_PORT": "9100", "FOREWARM_DATA_DIR": "/var/lib/fw", "FOREWARM_MIN_WARM": "only.ruby=2",
            ])
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

    @Test func networkQueueTimeoutAndPrespawnFromFileAndEnvironment() throws {
        let json = """
            {"prespawnInterpreters": false, "pools": [
              {"name": "a", "minScore": 0, "maxScore": 50, "network": "loopback", "queueTimeoutMs": 1500,
               "instanceType": {"name": "t", "vCPU": 1, "memoryMiB": 256, "pricePerHour": 0.01, "startupMs": 100},
               "limits": {"cpuCores": 1, "cpuSeconds": 3, "memoryMiB": 256, "pids": 16, "wallMs": 2000, "outputKiB": 64, "tmpMiB": 8},
               "minWarm": {}, "maxInstances": 2, "queueCapacity": 4},
              {"name": "b", "minScore": 50, "maxScore": 100,
               "instanceType": {"name": "t", "vCPU": 1, "memoryMiB": 256, "pricePerHour": 0.01, "startupMs": 100},
               "limits": {"cpuCores": 1, "cpuSeconds": 3, "memoryMiB": 256, "pids": 16, "wallMs": 2000, "outputKiB": 64, "tmpMiB": 8},
               "minWarm": {}, "maxInstances": 2, "queueCapacity": 4}]}
            """
        let scratch = try ScratchDirectory(prefix: "fw-config", files: ["config.json": json])
        defer { scratch.remove() }
        let file = scratch.path("config.json")
        let fromFile = try GatewayConfiguration.load(file: file, environment: [:])
        #expect(fromFile.pools.map(\.network) == [NetworkAccess.loopback, NetworkAccess.none])
        #expect(fromFile.pools.map(\.queueTimeoutMs) == [1500, 10_000])
        #expect(!fromFile.prespawnInterpreters)
        let overridden = try GatewayConfiguration.load(
            file: file,
            environment: [
                "FOREWARM_NETWORK": "b=loopback,a=none", "FOREWARM_QUEUE_TIMEOUT_MS": "250", "FOREWARM_PRESPAWN": "1",
            ])
        #expect(overridden.pools.map(\.network) == [NetworkAccess.none, NetworkAccess.loopback])
        #expect(overridden.pools.map(\.queueTimeoutMs) == [250, 250])
        #expect(overridden.prespawnInterpreters)
        let all = try GatewayConfiguration.load(file: nil, environment: ["FOREWARM_NETWORK": "loopback"])
        #expect(all.pools.allSatisfy { $0.network == NetworkAccess.loopback })
        #expect(
            try GatewayConfiguration.load(file: nil, environment: [:]).pools.allSatisfy {
                $0.network == NetworkAccess.none
            })
        for bad in [
            ["FOREWARM_NETWORK": "internet"], ["FOREWARM_NETWORK": "nopool=loopback"],
            ["FOREWARM_QUEUE_TIMEOUT_MS": "soon"], ["FOREWARM_QUEUE_TIMEOUT_MS": "0"], ["FOREWARM_PRESPAWN": "maybe"],
        ] {
            #expect(throws: ConfigurationError.self, "\(bad)") {
                try GatewayConfiguration.load(file: nil, environment: bad)
            }
        }
    }
}
