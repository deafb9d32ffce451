import ForewarmTestSupport
import Foundation
import Testing

@testable import ForewarmSandbox

/// The cgroup file formats, against a fake cgroupfs in a temporary directory (v2 cannot be exercised for real on a
/// v1 host; the real v1 path is covered by the sandbox tests).
struct CgroupTests {
    /// A fake cgroupfs `fw-cg-<UUID>` with the given files; the test removes it: `defer { fake.remove() }`.
    static func fakeRoot(_ files: [String: String]) throws -> ScratchDirectory {
        try ScratchDirectory(prefix: "fw-cg", files: files)
    }

    static func read(_ root: String, _ path: String) -> String {
        (try? String(contentsOfFile: root + "/" + path, encoding: .utf8)) ?? ""
    }

    @Test func v2LimitsAndCounters() throws {
        let g = "forewarm/fw-a"
        let fake = try Self.fakeRoot([
            "cgroup.controllers": "cpuset cpu io memory pids\n", "cgroup.subtree_control": "",
            "forewarm/cgroup.subtree_control": "", "\(g)/memory.max": "", "\(g)/memory.swap.max": "",
            "\(g)/cpu.max": "", "\(g)/pids.max": "", "\(g)/memory.peak": "12345678\n",
            "\(g)/cpu.stat": "usage_usec 2500\nuser_usec 2000\nsystem_usec 500\n",
            "\(g)/memory.events": "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n", "\(g)/cgroup.procs": "",
        ])
        defer { fake.remove() }
        let root = fake.path
        #expect(CgroupVersion.detect(root: root) == .v2)
        let cgroup = Cgroup(version: .v2, name: "fw-a", root: root)
        try cgroup.create(memoryBytes: 128 << 20, cpuCores: 0.5, pids: 32)
        #expect(Self.read(root, "\(g)/memory.max") == "\(128 << 20)")
        #expect(Self.read(root, "\(g)/cpu.max") == "50000 100000")
        #expect(Self.read(root, "\(g)/pids.max") == "32")
        #expect(Self.read(root, "forewarm/cgroup.subtree_control") == "+memory +cpu +pids")
        let usage = cgroup.usage()
        #expect(usage.cpuNanoseconds == 2_500_000)
        #expect(usage.peakMemoryBytes == 12_345_678)
        #expect(usage.oomKills == 1)
        #expect(cgroup.procsFiles == ["\(root)/\(g)/cgroup.procs"])
    }

    @Test func v1LimitsAndCounters() throws {
        var files: [String: String] = ["memory/memory.limit_in_bytes": ""]
        for c in ["memory", "cpu", "cpuacct", "pids"] { files["\(c)/forewarm/fw-b/cgroup.procs"] = "" }
        files["memory/forewarm/fw-b/memory.limit_in_bytes"] = ""
        files["memory/forewarm/fw-b/memory.swappiness"] = ""
        files["memory/forewarm/fw-b/memory.max_usage_in_bytes"] = "4096\n"
        files["memory/forewarm/fw-b/memory.oom_control"] = "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n"
        files["cpu/forewarm/fw-b/cpu.cfs_period_us"] = ""
        files["cpu/forewarm/fw-b/cpu.cfs_quota_us"] = ""
        files["cpuacct/forewarm/fw-b/cpuacct.usage"] = "123456789\n"
        files["pids/forewarm/fw-b/pids.max"] = ""
        let fake = try Self.fakeRoot(files)
        defer { fake.remove() }
        let root = fake.path
        let cgroup = Cgroup(version: .v1, name: "fw-b", root: root)
        try cgroup.create(memoryBytes: 64 << 20, cpuCores: 2, pids: 16)
        #expect(Self.read(root, "memory/forewarm/fw-b/memory.limit_in_bytes") == "\(64 << 20)")
        #expect(Self.read(root, "cpu/forewarm/fw-b/cpu.cfs_quota_us") == "200000")
        #expect(Self.read(root, "pids/forewarm/fw-b/pids.max") == "16")
        let usage = cgroup.usage()
        #expect(usage.cpuNanoseconds == 123_456_789)
        #expect(usage.peakMemoryBytes == 4096)
        #expect(usage.oomKills == 2)
        #expect(cgroup.procsFiles.count == 4)
    }

    @Test func limitsAreValidated() {
        #expect(SandboxLimits().problems.isEmpty)
        #expect(SandboxLimits(cpuCores: 0, memoryBytes: 1).problems.count == 2)
    }
}
