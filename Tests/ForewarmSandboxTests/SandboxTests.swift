import Foundation
import Testing

@testable import ForewarmSandbox

/// Real sandboxes (bwrap + seccomp + cgroups) running real code. Needs `scripts/setup.sh` (bubblewrap, runtimes).
@Suite(.serialized)
struct SandboxTests {
    static let sandbox = Sandbox(configuration: SandboxConfiguration(cgroupPrefix: "fwtest\(getpid())"))
    static let limits = SandboxLimits(
        cpuCores: 1, cpuSeconds: 5, memoryBytes: 128 << 20, pids: 32, wallMs: 5_000, outputBytes: 64 << 10,
        tmpBytes: 8 << 20)

    static func python(_ code: String, limits: SandboxLimits = limits, stdin: String = "") async throws -> RunResult {
        try await sandbox.runCold(
            RunRequest(code: code, stdin: stdin), runtime: LanguageRuntime.named("python")!, limits: limits,
            id: UUID().uuidString.prefix(8).lowercased())
    }

    @Test func hostIsReady() {
        #expect(Self.sandbox.preflight() == [])
    }

    @Test func warmWorkerForksAFreshChildPerRun() async throws {
        let worker = try await Self.sandbox.startWorker(
            id: "warm\(getpid())", runtime: LanguageRuntime.named("python")!, limits: Self.limits)
        let first = await worker.run(
            RunRequest(
                code: "open('/tmp/left','w').write('x'); import sys; print(sys.stdin.read().upper())", stdin: "abc"))
        #expect(first.status == .ok)
        #expect(first.stdout == "ABC\n")
        let second = await worker.run(
            RunRequest(code: "import os; print(os.path.exists('/tmp/left'), os.path.exists('/tmp/run/main.py'))"))
        #expect(second.stdout == "False True\n")
        let failing = await worker.run(RunRequest(code: "raise SystemExit(3)"))
        #expect(failing.status == .nonzeroExit)
        #expect(failing.exitCode == 3)
        let traceback = await worker.run(RunRequest(code: "1/0"))
        #expect(traceback.stderr.contains("ZeroDivisionError"))
        #expect(worker.runs == 4)
        await worker.terminate()
    }

    static let hello: [(String, String)] = [
        ("python", "print('hello')"),
        ("javascript", "console.log('hello')"),
        ("ruby", "puts 'hello'"),
        ("perl", "print \"hello\\n\";"),
        ("php", "<?php echo \"hello\\n\";"),
        ("lua", "print('hello')"),
        ("c", "#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }"),
        ("cpp", "#include <iostream>\nint main() { std::cout << \"hello\" << std::endl; }"),
        ("go", "package main\nimport \"fmt\"\nfunc main() { fmt.Println(\"hello\") }"),
        ("rust", "fn main() { println!(\"hello\"); }"),
        ("java", "public class Main { public static void main(String[] a) { System.out.println(\"hello\"); } }"),
        ("swift", "print(\"hello\")"),
    ]

    @Test(arguments: hello)
    func helloInEveryLanguage(language: String, code: String) async throws {
        let runtime = try #require(LanguageRuntime.named(language))
        let limits = SandboxLimits(cpuCores: 2, cpuSeconds: 10, memoryBytes: 512 << 20, pids: 128, wallMs: 20_000)
        let result = try await Self.sandbox.runCold(
            RunRequest(code: code), runtime: runtime, limits: limits, id: "hello-\(language)")
        #expect(result.status == .ok, "\(language): \(result.stderr)")
        #expect(result.stdout == "hello\n")
        if runtime.compile != nil { #expect(result.compileMs != nil) }
    }

    @Test func compileErrorsAreReportedAsSuch() async throws {
        let result = try await Self.sandbox.runCold(
            RunRequest(code: "int main(void) { return x; }"), runtime: LanguageRuntime.named("c")!,
            limits: SandboxLimits(memoryBytes: 256 << 20), id: "cerr\(getpid())")
        #expect(result.status == .compileError)
        #expect(result.stderr.contains("x"))
    }
}

/// What untrusted code must not be able to do; each case ends with a clean status.
@Suite(.serialized)
struct SandboxSecurityTests {
    @Test func cannotConnectToTheHostsLoopback() async throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        listen(listener, 4)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        defer { close(listener) }
        let code = """
            import socket
            for family, host in ((socket.AF_INET, '127.0.0.1'), (socket.AF_INET6, '::1')):
                try:
                    s = socket.socket(family, socket.SOCK_STREAM)
                    s.settimeout(1)
                    s.connect((host, \(port)))
                    print('CONNECTED')
                except OSError as e:
                    print('blocked', e.errno)
            for family in (40, 16):  # AF_VSOCK, AF_NETLINK
                try:
                    socket.socket(family, socket.SOCK_DGRAM)
                    print('OPENED', family)
                except OSError as e:
                    print('blocked', e.errno)
            """
        let result = try await SandboxTests.python(code)
        #expect(result.status == .ok)
        #expect(!result.stdout.contains("CONNECTED") && !result.stdout.contains("OPENED"))
        #expect(result.stdout.components(separatedBy: "blocked").count == 5)
    }

    @Test(arguments: SandboxNetwork.allCases)
    func networkModes(network: SandboxNetwork) async throws {
        // A listener on the host's loopback stays out of reach in both modes (the sandbox has its own namespace).
        let host = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(host, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        listen(host, 4)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(host, $0, &length) }
        }
        defer { close(host) }
        let code = """
            import socket
            def attempt(name, f):
                try:
                    print(name, f())
                except OSError as e:
                    print(name, 'errno', e.errno)
            def own_loopback(family, host):
                server = socket.socket(family, socket.SOCK_STREAM)
                server.bind((host, 0)); server.listen(1)
                client = socket.create_connection(server.getsockname()[:2], timeout=2)
                peer, _ = server.accept(); client.sendall(b'ping'); return peer.recv(4).decode()
            attempt('v4', lambda: own_loopback(socket.AF_INET, '127.0.0.1'))
            attempt('v6', lambda: own_loopback(socket.AF_INET6, '::1'))
            attempt('host', lambda: socket.create_connection(('127.0.0.1', \(UInt16(bigEndian: address.sin_port))), timeout=1) and 'CONNECTED')
            attempt('vsock', lambda: socket.socket(40, socket.SOCK_STREAM) and 'OPENED')
            attempt('netlink', lambda: socket.socket(16, socket.SOCK_RAW) and 'OPENED')
            attempt('packet', lambda: socket.socket(17, socket.SOCK_RAW) and 'OPENED')
            attempt('unix', lambda: socket.socketpair()[0].family.name)
            """
        var limits = SandboxTests.limits
        limits.network = network
        let result = try await SandboxTests.sandbox.runCold(
            RunRequest(code: code), runtime: LanguageRuntime.named("python")!, limits: limits, id: "net-\(network)")
        #expect(result.status == .ok, "\(result.stderr)")
        let lines = Set(result.stdout.split(separator: "\n").map(String.init))
        switch network {
        case .loopback:
            // 111 is ECONNREFUSED.
            #expect(lines.isSuperset(of: ["v4 ping", "v6 ping", "host errno 111"]), "\(result.stdout)")
        case .none:
            // 97 is EAFNOSUPPORT.
            #expect(lines.isSuperset(of: ["v4 errno 97", "v6 errno 97", "host errno 97"]), "\(result.stdout)")
        }
        #expect(
            lines.isSuperset(of: ["vsock errno 97", "netlink errno 97", "packet errno 97", "unix AF_UNIX"]),
            "\(result.stdout)")
    }

    @Test func cannotReadSecretsOrTheRepository() async throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        let code = """
            import os
            for path in ('/etc/shadow', '/root', '\(repo)/SandboxTests.swift', '/work', '/home'):
                try:
                    if os.path.isdir(path):
                        print('LISTED', path, os.listdir(path))
                    else:
                        open(path).read(); print('READ', path)
                except OSError as e:
                    print('denied', path)
            print('environ', repr(open('/proc/1/environ', 'rb').read()))
            print('env', sorted(os.environ))
            """
        let result = try await SandboxTests.python(code)
        #expect(result.status == .ok)
        #expect(!result.stdout.contains("READ") && !result.stdout.contains("LISTED"), "\(result.stdout)")
        #expect(result.stdout.contains("environ b''"))
        #expect(result.stdout.contains("env ['HOME', 'LANG', 'PATH', 'PWD']"), "\(result.stdout)")
    }

    @Test func cannotWriteOutsideTmpOrFillTheDisk() async throws {
        let code = """
            import os
            for path in ('/evil', '/etc/evil', '/usr/evil', '/dev/evil'):
                try:
                    open(path, 'w').write('x'); print('WROTE', path)
                except OSError as e:
                    print('denied', path)
            try:
                with open('/tmp/fill', 'wb') as f:
                    while True:
                        f.write(b'x' * (1 << 20))
            except OSError as e:
                print('full', e.errno)
            """
        let result = try await SandboxTests.python(code)
        #expect(result.status == .ok, "\(result.stderr)")
        #expect(!result.stdout.contains("WROTE"))
        #expect(result.stdout.contains("full 28"))  // ENOSPC
    }

    @Test func cannotSeeHostProcessesOrEscape() async throws {
        let code = """
            import os, ctypes
            pids = [p for p in os.listdir('/proc') if p.isdigit()]
            print('pids', len(pids))
            libc = ctypes.CDLL(None, use_errno=True)
            print('ptrace', libc.ptrace(16, 1, 0, 0), ctypes.get_errno())
            print('unshare', libc.unshare(0x10000000), ctypes.get_errno())
            print('mount', libc.mount(b'none', b'/tmp', b'tmpfs', 0, None), ctypes.get_errno())
            print('uid', os.getuid())
            """
        let result = try await SandboxTests.python(code)
        #expect(result.status == .ok, "\(result.stderr)")
        let pids = result.stdout.split(separator: "\n").first.flatMap { Int($0.split(separator: " ")[1]) } ?? 99
        #expect(pids <= 4)
        #expect(result.stdout.contains("ptrace -1"))
        #expect(result.stdout.contains("unshare -1"))
        #expect(result.stdout.contains("mount -1"))
        #expect(result.stdout.contains("uid 65534"))
    }

    @Test func forkBombIsHeldByThePidsLimit() async throws {
        let code = """
            import os, time
            n = 0
            try:
                while True:
                    if os.fork() == 0:
                        time.sleep(30); os._exit(0)
                    n += 1
            except OSError as e:
                print('fork stopped', n < 64, e.errno)
            """
        let start = Date()
        let result = try await SandboxTests.python(code)
        #expect(result.status == .ok, "\(result.stderr)")
        #expect(result.stdout.contains("fork stopped True 11"))  // EAGAIN
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func leftoverProcessesDoNotReachTheNextRun() async throws {
        let worker = try await SandboxTests.sandbox.startWorker(
            id: "left\(getpid())", runtime: LanguageRuntime.named("python")!, limits: SandboxTests.limits)
        let code = """
            import os, time
            if os.fork() == 0:
                os.setsid()
                while True:
                    try:
                        os.fork()
                    except OSError:
                        pass
                    open('/tmp/still-here', 'w').write('x')
                    time.sleep(0.001)
            print('parent done')
            """
        let first = await worker.run(RunRequest(code: code))
        #expect(first.status == .ok)
        #expect(first.stdout == "parent done\n")
        let second = await worker.run(
            RunRequest(
                code:
                    "import os; print(len([p for p in os.listdir('/proc') if p.isdigit()]), os.path.exists('/tmp/still-here'))"
            ))
        #expect(second.status == .ok)
        #expect(second.stdout == "3 False\n", "bwrap's pid 1, the zygote and this run only")
        #expect(second.wallMs < 1_000)
        await worker.terminate()
    }

    @Test func memoryPastTheLimitIsMemoryLimit() async throws {
        let result = try await SandboxTests.python("x = b'x' * (512 << 20)\nprint(len(x))")
        #expect(result.status == .memoryLimit, "\(result)")
    }

    @Test func spinningPastTheLimitIsTimeout() async throws {
        var limits = SandboxTests.limits
        limits.wallMs = 700
        let result = try await SandboxTests.python("while True: pass", limits: limits)
        #expect(result.status == .timeout)
        #expect(result.wallMs < 3_000)
        var cpu = SandboxTests.limits
        cpu.cpuSeconds = 1
        cpu.wallMs = 30_000  // so the CPU-time limit, not the wall clock, ends it even on a loaded machine
        let cpuBound = try await SandboxTests.python("while True: pass", limits: cpu)
        #expect(cpuBound.status == .timeout)
        #expect(cpuBound.cpuMs >= 800)  // RLIMIT_CPU is charged in ticks, the cgroup in ns
        #expect(cpuBound.signal == Int(SIGXCPU) || cpuBound.signal == Int(SIGKILL))
    }

    @Test func floodingOutputIsOutputLimit() async throws {
        let result = try await SandboxTests.python("while True: print('x' * 1000)")
        #expect(result.status == .outputLimit)
        #expect(result.stdout.utf8.count <= SandboxTests.limits.outputBytes)
    }

    @Test func meteringSeesTheCodesOwnCPUAndMemory() async throws {
        let result = try await SandboxTests.python(
            "import time\nx = b'y' * (40 << 20)\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass")
        #expect(result.status == .ok)
        #expect(result.cpuMs >= 250)
        #expect(result.peakMemoryKB >= 40 << 10)
    }
}
