import ForewarmTestSupport
import Foundation
import Testing

/// `forewarm serve` as a real process: requests over loopback, `kill -9` and restart, SIGTERM, history export.
@Suite(.serialized)
struct ServeCommandTests {
    final class Server: @unchecked Sendable {
        let process = Process()
        let output = Pipe()
        var port = 0

        init(dataDirectory: String, prefix: String, config: String? = nil) throws {
            process.executableURL = CLIRunner.binary
            process.arguments =
                ["serve", "--port", "0", "--data-dir", dataDirectory] + (config.map { ["--config", $0] } ?? [])
            var environment = ProcessInfo.processInfo.environment
            environment["FOREWARM_CGROUP_PREFIX"] = prefix
            if config == nil {
                environment["FOREWARM_MIN_WARM"] =
                    "lightweight.python=1,lightweight.javascript=0,standard.python=0,heavyweight.python=0"
            }
            process.environment = environment
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var seen = ""
            while !seen.contains("serving on") {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                seen += String(decoding: data, as: UTF8.self)
            }
            // "forewarm: serving on [IPv4]127.0.0.1/127.0.0.1:PORT"
            port =
                seen.split(separator: "\n").first { $0.contains("serving on") }
                .flatMap { $0.split(separator: ":").last }.flatMap { Int($0) } ?? 0
        }

        func get(_ path: String) throws -> String {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-s", "http://127.0.0.1:\(port)\(path)"]
            let out = Pipe()
            curl.standardOutput = out
            try curl.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            curl.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }

        /// Polls `GET /v1/pools` until `pattern` (a regular expression) matches, up to 30 s; false if it never did.
        func waitFor(_ pattern: String) throws -> Bool {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let pools = try get("/v1/pools")
                if pools.range(of: pattern, options: .regularExpression) != nil { return true }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return false
        }

        /// Some instance is busy: an in-flight run has reached a sandbox.
        static let busy = #""busy"\s*:\s*[1-9]"#

        /// Starts `curl` for one execution at once (a real process, so no task has to be scheduled for the request
        /// to go out); `answer()` waits for its response.
        func startPost(_ json: String) throws -> PendingPost {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = [
                "-s", "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", json,
                "http://127.0.0.1:\(port)/v1/executions",
            ]
            let out = Pipe()
            curl.standardOutput = out
            try curl.run()
            return PendingPost(curl: curl, output: out)
        }

        func post(_ json: String) throws -> String { try startPost(json).answer() }

        /// Terminates the server if it still runs (a test that failed part-way) and waits for it to exit, so that
        /// its data folder is removed only after it.
        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    struct PendingPost {
        let curl: Process
        let output: Pipe

        func answer() -> String {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            curl.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
    }

    static func cgroups(prefix: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/sys/fs/cgroup/pids/forewarm")) ?? [])
            .filter { $0.hasPrefix(prefix + "-") }
    }

    @Test func survivesKill9CleansUpAndDrainsOnSIGTERM() throws {
        let scratch = try ScratchDirectory(prefix: "fw-serve")
        defer { scratch.remove() }
        let data = scratch.path
        let prefix = "fwcli\(getpid())"
        let first = try Server(dataDirectory: data, prefix: prefix)
        defer { first.stop() }
        #expect(first.port > 0)
        let answer = try first.post(#"{"language":"python","code":"print(2 + 2)"}"#)
        #expect(answer.contains(#""stdout":"4\n""#), "\(answer)")
        let before = Self.cgroups(prefix: prefix)
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()

        // Restarted on the same data: stale sandboxes are gone, the acknowledged row is still there.
        let second = try Server(dataDirectory: data, prefix: prefix)
        defer { second.stop() }
        let after = Set(Self.cgroups(prefix: prefix))
        if !before.isEmpty { #expect(after.isDisjoint(with: before)) }
        let again = try second.post(#"{"language":"python","code":"print('again')"}"#)
        #expect(again.contains("again"))
        // SIGTERM while a run is in flight: the run finishes and is answered, then workers and cgroups go.
        let inFlight = try second.startPost(
            #"{"language":"python","code":"import time; time.sleep(1); print('drained')"}"#)
        // Under load the request can take a while to reach the server: terminate only once it is running.
        #expect(try second.waitFor(Server.busy), "the run never reached a sandbox")
        second.process.terminate()
        let drained = inFlight.answer()
        #expect(drained.contains(#""stdout":"drained\n""#), "\(drained)")
        second.process.waitUntilExit()
        #expect(second.process.terminationStatus == 0)
        #expect(Self.cgroups(prefix: prefix).isEmpty)

        let export = try CLIRunner.run(["history", "export", "--format", "jsonl", "--data-dir", data])
        #expect(export.status == 0)
        let lines = export.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.contains(#""stdout":"4\n""#) == true)
        let csv = try CLIRunner.run(["history", "export", "--format", "csv", "--data-dir", data])
        #expect(csv.stdout.hasPrefix("id,codeHash,language"))
    }

    /// SIGTERM with one run in flight and another queued behind it (one instance only): the server stops taking new
    /// connections but serves both, records both, and leaves no sandbox behind.
    @Test func sigtermServesTheInFlightAndTheQueuedRun() throws {
        let scratch = try ScratchDirectory(prefix: "fw-drain")
        defer { scratch.remove() }
        let data = scratch.path
        let config = scratch.path("config.json")
        try Data(
            """
            {"pools": [{"name": "only", "minScore": 0, "maxScore": 100,
              "instanceType": {"name": "t", "vCPU": 1, "memoryMiB": 128, "pricePerHour": 0.01, "startupMs": 100},
              "limits": {"cpuCores": 1, "cpuSeconds": 3, "memoryMiB": 128, "pids": 16, "wallMs": 5000, "outputKiB": 64,
                         "tmpMiB": 8},
              "minWarm": {"python": 1}, "maxInstances": 1, "queueCapacity": 4, "queueTimeoutMs": 30000}]}
            """.utf8
        ).write(to: URL(fileURLWithPath: config))
        let prefix = "fwdrain\(getpid())"
        let server = try Server(dataDirectory: data, prefix: prefix, config: config)
        defer { server.stop() }
        #expect(server.port > 0)
        let code = #"import time; time.sleep(0.8); print('run', "#
        let first = try server.startPost(#"{"language":"python","code":"\#(code)1)"}"#)
        #expect(try server.waitFor(Server.busy), "the first run never reached a sandbox")
        let second = try server.startPost(#"{"language":"python","code":"\#(code)2)"}"#)
        #expect(try server.waitFor(#""queued"\s*:\s*1"#), "the second run never queued")
        server.process.terminate()
        let answers = [first.answer(), second.answer()]
        #expect(answers[0].contains(#""stdout":"run 1\n""#), "\(answers[0])")
        #expect(answers[1].contains(#""stdout":"run 2\n""#), "\(answers[1])")
        #expect(answers[1].contains(#""route":"queued""#), "\(answers[1])")
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 0)
        #expect(Self.cgroups(prefix: prefix).isEmpty)
        let export = try CLIRunner.run(["history", "export", "--format", "jsonl", "--data-dir", data])
        #expect(export.stdout.split(separator: "\n").count == 2)
    }
}
