import Foundation
import Testing

@testable import ForewarmSandbox

/// Warm instances of the interpreted languages other than Python: a pre-spawned, single-use interpreter per run,
/// started while the instance is idle, never reused for another run.
@Suite(.serialized)
struct WarmInterpreterTests {
    /// Per language: code that prints its stdin upper-cased and whether /tmp/left exists (then creates it), and
    /// exits with status 3.
    static let programs: [(String, String)] = [
        (
            "javascript",
            """
            const fs = require('fs');
            const input = fs.readFileSync(0, 'utf8');
            const left = fs.existsSync('/tmp/left'); fs.writeFileSync('/tmp/left', 'x');
            console.log(input.toUpperCase().trim(), left); process.exitCode = 3;
            """
        ),
        (
            "ruby",
            """
            input = STDIN.read
            left = File.exist?('/tmp/left'); File.write('/tmp/left', 'x')
            puts "#{input.upcase.strip} #{left}"; exit 3
            """
        ),
        (
            "perl",
            """
            my $input = do { local $/; <STDIN> }; $input =~ s/\\s+$//;
            my $left = -e '/tmp/left' ? 'true' : 'false'; open(my $f, '>', '/tmp/left'); close $f;
            print uc($input), " $left\\n"; exit 3;
            """
        ),
        (
            "php",
            """
            <?php
            $input = trim(stream_get_contents(STDIN));
            $left = file_exists('/tmp/left') ? 'true' : 'false'; file_put_contents('/tmp/left', 'x');
            echo strtoupper($input), " $left\\n"; exit(3);
            """
        ),
        (
            "lua",
            """
            local input = io.read('a'):gsub('%s+$', '')
            local f = io.open('/tmp/left'); local left = f ~= nil; if f then f:close() end
            io.open('/tmp/left', 'w'):close()
            print(input:upper() .. ' ' .. tostring(left)); os.exit(3)
            """
        ),
    ]

    /// The host pids of the worker's processes that run `binary` (its interpreter), from the worker's cgroup. The
    /// zygote forks the next one right after answering, so this waits up to 5 s for one to appear.
    static func interpreters(_ worker: SandboxWorker, _ binary: String) async throws -> [Int32] {
        let real = URL(fileURLWithPath: binary).resolvingSymlinksInPath().path
        for _ in 0..<100 {
            let found = worker.cgroup.pids().filter {
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\($0)/exe")) == real
            }
            if !found.isEmpty { return found }
            try await Task.sleep(for: .milliseconds(50))
        }
        return []
    }

    static func sandbox(prespawn: Bool) -> Sandbox {
        Sandbox(configuration: SandboxConfiguration(cgroupPrefix: "fwwarm\(getpid())", prespawnInterpreters: prespawn))
    }

    @Test(arguments: programs)
    func preSpawnedInterpreterRunsOnceAndFresh(language: String, code: String) async throws {
        let runtime = try #require(LanguageRuntime.named(language))
        let binary = try #require(runtime.prespawn?.first)
        let limits = SandboxLimits(cpuCores: 1, cpuSeconds: 5, memoryBytes: 256 << 20, pids: 32, wallMs: 10_000)
        let sandbox = Self.sandbox(prespawn: true)
        try #require(
            sandbox.configuration.cgroupVersion != .unavailable, "needs root and cgroups to see the sandbox's processes"
        )
        let worker = try await sandbox.startWorker(id: "pre-\(language)", runtime: runtime, limits: limits)
        // While idle, the instance already runs the interpreter that will serve the next request.
        let idle = try await Self.interpreters(worker, binary)
        #expect(idle.count == 1, "\(language): \(idle)")
        let first = await worker.run(RunRequest(code: code, stdin: "abc\n"))
        #expect(first.status == .nonzeroExit, "\(language): \(first.stderr)")
        #expect(first.exitCode == 3)
        #expect(first.stdout == "ABC false\n", "\(language): \(first.stdout)")
        // The used interpreter is gone; a new one waits for the next request.
        let next = try await Self.interpreters(worker, binary)
        #expect(next.count == 1 && Set(next).isDisjoint(with: idle), "\(language): \(idle) then \(next)")
        // The next run gets a new interpreter and a clean /tmp, and large stdin goes through the pipe whole.
        let big = String(repeating: "x", count: 300_000)
        let second = await worker.run(RunRequest(code: code, stdin: big))
        #expect(second.exitCode == 3, "\(language): \(second.stderr)")
        #expect(second.stdout == big.uppercased() + " false\n", "\(language): \(second.stdout.suffix(40))")
        // Errors are reported as the interpreter reports them when started from the command line.
        let failing = await worker.run(RunRequest(code: Self.failing[language]!))
        #expect(failing.status == .nonzeroExit, "\(language)")
        #expect((failing.stdout + failing.stderr).contains("boom"), "\(language): \(failing.stdout) \(failing.stderr)")
        #expect(worker.runs == 3)
        await worker.terminate()
    }

    static let failing = [
        "javascript": "throw new Error('boom')", "ruby": "raise 'boom'", "perl": "die \"boom\\n\";",
        "php": "<?php throw new Exception('boom');", "lua": "error('boom')",
    ]

    @Test func withoutPrespawnTheRuntimeStartsPerRequest() async throws {
        let runtime = try #require(LanguageRuntime.named("javascript"))
        let sandbox = Self.sandbox(prespawn: false)
        try #require(
            sandbox.configuration.cgroupVersion != .unavailable, "needs root and cgroups to see the sandbox's processes"
        )
        let worker = try await sandbox.startWorker(
            id: "exec-js", runtime: runtime,
            limits: SandboxLimits(cpuCores: 1, cpuSeconds: 5, memoryBytes: 256 << 20, pids: 32, wallMs: 10_000))
        try await Task.sleep(for: .milliseconds(300))
        let real = URL(fileURLWithPath: "/usr/bin/node").resolvingSymlinksInPath().path
        let running = worker.cgroup.pids().filter {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\($0)/exe")) == real
        }
        #expect(running.isEmpty)
        let result = await worker.run(RunRequest(code: Self.programs[0].1, stdin: "abc"))
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stdout == "ABC false\n")
        await worker.terminate()
    }
}
