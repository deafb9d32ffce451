import ForewarmGateway
import ForewarmPools
import ForewarmTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The real server on loopback, running real code in real sandboxes.
@Suite(.serialized)
struct GatewayTests {
    /// The tests' gateway, keeping its history in `dataDirectory` (a test's `ScratchDirectory`).
    static func configuration(dataDirectory: String) -> GatewayConfiguration {
        var configuration = GatewayConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.dataDirectory = dataDirectory
        configuration.cgroupPrefix = "fwgw\(getpid())"
        configuration.maxCodeBytes = 4096
        configuration.pools[0].minWarm = ["python": 2]
        configuration.pools[1].minWarm = [:]
        configuration.pools[2].minWarm = ["python": 1]
        for index in configuration.pools.indices { configuration.pools[index].limits.memoryMiB = 128 }
        // These tests check routing and cold/warm starts against fixed floors; ControlLoopTests runs the controller.
        configuration.controller.policy = "none"
        return configuration
    }

    static func body(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static func decode(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))) as? [String: Any] ?? [:]
    }

    static func run(_ client: some TestClientProtocol, _ object: [String: Any]) async throws -> (
        HTTPResponse.Status, [String: Any]
    ) {
        try await client.execute(
            uri: "/v1/executions", method: .post, headers: [.contentType: "application/json"], body: body(object)
        ) { response in (response.status, decode(response.body)) }
    }

    @Test func executesWarmAndColdAndRecordsHistory() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        let configuration = Self.configuration(dataDirectory: scratch.path)
        let (app, gateway) = try await buildApplication(configuration: configuration)
        try await app.test(.live) { client in
            let (status, body) = try await Self.run(
                client, ["language": "python", "code": "print(input()[::-1])", "stdin": "olleh\n"])
            #expect(status == .ok)
            let result = try #require(body["result"] as? [String: Any])
            #expect(result["status"] as? String == "ok")
            #expect(result["stdout"] as? String == "hello\n")
            #expect(body["coldStart"] as? Bool == false)
            #expect(body["route"] as? String == "warm")
            #expect(body["pool"] as? String == "lightweight")
            #expect((body["prediction"] as? [String: Any])?["pool"] as? String == "lightweight")

            // No warm Ruby anywhere: a cold start, recorded as such.
            let (_, ruby) = try await Self.run(client, ["language": "ruby", "code": "puts 6 * 7"])
            #expect((ruby["result"] as? [String: Any])?["stdout"] as? String == "42\n")
            #expect(ruby["coldStart"] as? Bool == true)
            #expect(ruby["route"] as? String == "cold")

            // A run's record can be fetched back.
            let id = try #require(body["id"] as? String)
            try await client.execute(uri: "/v1/executions/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                #expect((Self.decode(response.body)["result"] as? [String: Any])?["stdout"] as? String == "hello\n")
            }
            try await client.execute(uri: "/v1/executions/nope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/v1/pools", method: .get) { response in
                let pools = Self.decode(response.body)["pools"] as? [[String: Any]] ?? []
                #expect(pools.map { $0["name"] as? String } == ["lightweight", "standard", "heavyweight"])
                #expect((pools[0]["warm"] as? Int ?? 0) >= 1)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("forewarm_requests_total"))
                #expect(text.contains("forewarm_cold_starts_total"))
                #expect(text.contains("forewarm_request_duration_seconds_bucket"))
                #expect(text.contains("forewarm_warm_instances"))
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
        }
        #expect(try gateway.store.count() == 2)
    }

    @Test func runsEveryLanguageThroughHTTP() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        var configuration = Self.configuration(dataDirectory: scratch.path)
        for index in configuration.pools.indices {
            configuration.pools[index].minWarm = [:]
            configuration.pools[index].limits.memoryMiB = 512
            configuration.pools[index].limits.wallMs = 20_000
        }
        let programs: [(String, String)] = [
            ("python", "print(int(input()) * 2)"),
            ("javascript", "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(Number(s)*2))"),
            ("ruby", "puts gets.to_i * 2"),
            ("perl", "my $n = <STDIN>; print $n * 2, \"\\n\";"),
            ("php", "<?php echo intval(fgets(STDIN)) * 2, \"\\n\";"),
            ("lua", "print(io.read('n') * 2)"),
            ("c", "#include <stdio.h>\nint main(void) { int n; scanf(\"%d\", &n); printf(\"%d\\n\", n * 2); }"),
            ("cpp", "#include <iostream>\nint main() { int n; std::cin >> n; std::cout << n * 2 << std::endl; }"),
            ("go", "package main\nimport \"fmt\"\nfunc main() { var n int; fmt.Scan(&n); fmt.Println(n * 2) }"),
            (
                "rust",
                "fn main() { let mut s = String::new(); std::io::stdin().read_line(&mut s).unwrap(); println!(\"{}\", s.trim().parse::<i32>().unwrap() * 2); }"
            ),
            (
                "java",
                "public class Main { public static void main(String[] a) { System.out.println(new java.util.Scanner(System.in).nextInt() * 2); } }"
            ),
            ("swift", "print(Int(readLine()!)! * 2)"),
        ]
        let (app, _) = try await buildApplication(configuration: configuration)
        try await app.test(.live) { client in
            for (language, code) in programs {
                let (status, body) = try await Self.run(client, ["language": language, "code": code, "stdin": "21\n"])
                #expect(status == .ok, "\(language)")
                let result = body["result"] as? [String: Any] ?? [:]
                #expect(result["status"] as? String == "ok", "\(language): \(result["stderr"] ?? "")")
                #expect(result["stdout"] as? String == "42\n", "\(language)")
                #expect((result["cpuMs"] as? Double ?? 0) > 0, "\(language)")
            }
        }
    }

    @Test func problemsForBadRequests() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        let (app, _) = try await buildApplication(configuration: Self.configuration(dataDirectory: scratch.path))
        try await app.test(.live) { client in
            let cases: [(ByteBuffer, HTTPResponse.Status, String)] = [
                (ByteBuffer(string: "{not json"), .badRequest, "malformed-json"),
                (Self.body(["code": "print(1)"]), .badRequest, "malformed-json"),
                (Self.body(["language": "cobol", "code": "DISPLAY 'HI'"]), .badRequest, "unknown-language"),
                (Self.body(["language": "python", "code": "  "]), .badRequest, "empty-code"),
                (
                    Self.body(["language": "python", "code": String(repeating: "#", count: 5000)]), .contentTooLarge,
                    "code-too-large"
                ),
                (Self.body(["language": "python", "code": "print(1)", "timeoutMs": 0]), .badRequest, "bad-limits"),
                (
                    Self.body(["language": "python", "code": "print(1)", "files": ["../x": "y"]]), .badRequest,
                    "bad-file-name"
                ),
            ]
            for (body, status, type) in cases {
                try await client.execute(uri: "/v1/executions", method: .post, body: body) { response in
                    #expect(response.status == status, "\(type)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = Self.decode(response.body)
                    #expect((problem["type"] as? String)?.hasSuffix(type) == true, "\(problem)")
                    #expect((problem["detail"] as? String)?.isEmpty == false)
                }
            }
            try await client.execute(
                uri: "/v1/predictions", method: .post,
                body: Self.body(["code": "for i in range(10**8):\n    for j in range(10):\n        pass"])
            ) { response in
                #expect(response.status == .ok)
                let answer = Self.decode(response.body)
                #expect(answer["language"] as? String == "python")
                #expect(((answer["prediction"] as? [String: Any])?["score"] as? Double ?? 0) >= 30)
                #expect(answer["metrics"] is [String: Any])
            }
        }
    }

    @Test func securityCasesEndCleanlyAndTheServerKeepsServing() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        let configuration = Self.configuration(dataDirectory: scratch.path)
        let (app, _) = try await buildApplication(configuration: configuration)
        try await app.test(.live) { client in
            let database = configuration.resolvedDatabasePath
            let (_, probe) = try await Self.run(
                client,
                [
                    "language": "python",
                    "code":
                        "import os\nfor p in ('\(database)', '\(configuration.dataDirectory)', '/proc/1/environ'):\n    try: print(p[-8:], len(open(p, 'rb').read()))\n    except OSError as e: print(p[-8:], 'denied')",
                ])
            let out = (probe["result"] as? [String: Any])?["stdout"] as? String ?? ""
            #expect(out.components(separatedBy: "denied").count == 3, "\(out)")  // the database and its folder
            #expect(out.contains("/environ 0"), "\(out)")
            let cases: [(String, String)] = [
                ("x = b'x' * (1 << 30)", "memory_limit"),
                ("while True: pass", "timeout"),
                ("while True: print('y' * 4096)", "output_limit"),
                ("import os\nwhile True:\n    try: os.fork()\n    except OSError: pass", "timeout"),
                ("open('/etc/shadow').read()", "nonzero_exit"),
            ]
            for (code, expected) in cases {
                let (status, body) = try await Self.run(
                    client, ["language": "python", "code": code, "timeoutMs": 1500])
                #expect(status == .ok)
                #expect((body["result"] as? [String: Any])?["status"] as? String == expected, "\(code): \(body)")
            }
            let (_, after) = try await Self.run(client, ["language": "python", "code": "print('still here')"])
            #expect((after["result"] as? [String: Any])?["stdout"] as? String == "still here\n")
        }
    }

    @Test func aFullPoolMakesRoomForAnotherLanguage() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        var configuration = Self.configuration(dataDirectory: scratch.path)
        for index in configuration.pools.indices {
            configuration.pools[index].minWarm = [:]
            configuration.pools[index].maxInstances = 1
        }
        configuration.pools[0].minWarm = ["python": 1]
        let (app, gateway) = try await buildApplication(configuration: configuration)
        try await app.test(.live) { _ in
            // The only slot holds a warm Python; a Ruby request queues while that instance makes room for it.
            let ruby = try await gateway.pools.acquire(language: "ruby", score: 1)
            #expect(ruby.id.language == "ruby")
            #expect(ruby.route == .queued(pool: "lightweight"))
            await gateway.pools.release(ruby)
        }
    }

    @Test func fullQueuesAreRejectedWithRetryAfter() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        var configuration = Self.configuration(dataDirectory: scratch.path)
        for index in configuration.pools.indices {
            configuration.pools[index].minWarm = [:]
            configuration.pools[index].maxInstances = 1
            configuration.pools[index].queueCapacity = 1
        }
        let (app, gateway) = try await buildApplication(configuration: configuration)
        try await app.test(.live) { client in
            // One instance busy, one request waiting: the next is rejected at once.
            let first = try await gateway.pools.acquire(language: "python", score: 1)
            #expect(first.coldStart)
            let waiting = Task { try await gateway.pools.acquire(language: "python", score: 1) }
            try await Task.sleep(for: .milliseconds(200))
            await #expect(throws: AdmissionError.self) { try await gateway.pools.acquire(language: "python", score: 1) }
            await gateway.pools.release(first)
            let second = try await waiting.value
            #expect(second.route == .queued(pool: "lightweight"))
            await gateway.pools.release(second)
        }
        // Over HTTP: no room at all means 429 with Retry-After, as problem+json.
        for index in configuration.pools.indices {
            configuration.pools[index].maxInstances = 0
            configuration.pools[index].queueCapacity = 0
        }
        let (full, _) = try await buildApplication(configuration: configuration)
        try await full.test(.live) { client in
            try await client.execute(
                uri: "/v1/executions", method: .post, body: Self.body(["language": "python", "code": "print(1)"])
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func queuedRequestsGiveUpAfterTheQueueTimeout() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        var configuration = Self.configuration(dataDirectory: scratch.path)
        for index in configuration.pools.indices {
            configuration.pools[index].minWarm = [:]
            configuration.pools[index].maxInstances = 1
            configuration.pools[index].queueTimeoutMs = 400
        }
        configuration.pools[0].minWarm = ["python": 1]
        let (app, gateway) = try await buildApplication(configuration: configuration)
        try await app.test(.live) { client in
            // The only instance is held: the request queues, then gives up with 503 and Retry-After, not hanging.
            let held = try await gateway.pools.acquire(language: "python", score: 1)
            let start = ContinuousClock.now
            try await client.execute(
                uri: "/v1/executions", method: .post, body: Self.body(["language": "python", "code": "print(1)"])
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "3")  // the pool's wall time, rounded up
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = Self.decode(response.body)
                #expect((problem["type"] as? String)?.hasSuffix("queue-timeout") == true, "\(problem)")
                #expect((problem["detail"] as? String)?.contains("ms") == true)
            }
            let waited = start.duration(to: .now)
            #expect(waited >= .milliseconds(400) && waited < .seconds(5), "\(waited)")
            try await client.execute(uri: "/v1/pools", method: .get) { response in
                #expect((Self.decode(response.body)["pools"] as? [[String: Any]])?.first?["queued"] as? Int == 0)
            }
            // The instance comes back and serves the next request; the expired waiter took nothing with it.
            await gateway.pools.release(held)
            let (status, body) = try await Self.run(client, ["language": "python", "code": "print('after')"])
            #expect(status == .ok)
            #expect((body["result"] as? [String: Any])?["stdout"] as? String == "after\n")
        }
        #expect(try gateway.store.count() == 2)  // the timed-out request is in the history too, as rejected
    }

    @Test func networkModeIsPerPool() async throws {
        let scratch = try ScratchDirectory(prefix: "fw-gw")
        defer { scratch.remove() }
        var configuration = Self.configuration(dataDirectory: scratch.path)
        configuration.pools[0].network = .loopback  // lightweight: its own loopback
        configuration.pools[1].network = NetworkAccess.none  // the others: no IP at all
        configuration.pools[2].network = NetworkAccess.none
        let (app, _) = try await buildApplication(configuration: configuration)
        let code = """
            import socket
            try:
                server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                server.bind(('127.0.0.1', 0)); server.listen(1)
                client = socket.create_connection(server.getsockname(), timeout=2)
                peer, _ = server.accept(); client.sendall(b'ping'); print('loopback', peer.recv(4).decode())
            except OSError as e:
                print('no network', e.errno)
            """
        let expected = ["loopback": "loopback ping\n", "none": "no network 97\n"]
        let modes = Dictionary(uniqueKeysWithValues: configuration.pools.map { ($0.name, $0.network.rawValue) })
        try await app.test(.live) { client in
            // Whichever pool the model routes each program to, the run gets that pool's network.
            for program in [code, "x = 10 ** 30 + (1 << 60)\n" + code] {
                let (_, body) = try await Self.run(client, ["language": "python", "code": program])
                let pool = try #require(body["pool"] as? String)
                let mode = try #require(modes[pool])
                #expect((body["result"] as? [String: Any])?["stdout"] as? String == expected[mode], "\(body)")
            }
            try await client.execute(uri: "/v1/pools", method: .get) { response in
                let pools = Self.decode(response.body)["pools"] as? [[String: Any]] ?? []
                #expect(pools.map { $0["network"] as? String } == ["loopback", "none", "none"])
                #expect(pools.map { $0["queueTimeoutMs"] as? Int } == [10_000, 30_000, 60_000])
            }
        }
        // Both modes for certain: every pool loopback, then every pool none.
        for mode in [NetworkAccess.loopback, NetworkAccess.none] {
            var uniform = Self.configuration(dataDirectory: scratch.path(mode.rawValue))  // a history of its own
            for index in uniform.pools.indices { uniform.pools[index].network = mode }
            let (app, _) = try await buildApplication(configuration: uniform)
            try await app.test(.live) { client in
                let (_, body) = try await Self.run(client, ["language": "python", "code": code])
                #expect((body["result"] as? [String: Any])?["stdout"] as? String == expected[mode.rawValue], "\(body)")
            }
        }
    }
}
