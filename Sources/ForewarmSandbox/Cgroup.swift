import Foundation

/// Which cgroup interface the host offers: v1 (one hierarchy per controller) or v2 (unified).
public enum CgroupVersion: String, Sendable {
    case v1, v2, unavailable

    /// v1 when the memory controller has its own hierarchy; v2 when the unified root offers memory; else none.
    public static func detect(root: String = "/sys/fs/cgroup") -> CgroupVersion {
        let fm = FileManager.default
        if fm.fileExists(atPath: root + "/memory/memory.limit_in_bytes"), fm.isWritableFile(atPath: root + "/memory") {
            return .v1
        }
        if let controllers = try? String(contentsOfFile: root + "/cgroup.controllers", encoding: .utf8),
            controllers.split(separator: " ").contains(where: { $0.hasPrefix("memory") }),
            fm.isWritableFile(atPath: root)
        {
            return .v2
        }
        return .unavailable
    }
}

/// Counters read from an instance's cgroup.
public struct CgroupUsage: Sendable, Hashable {
    public var cpuNanoseconds: UInt64
    public var peakMemoryBytes: UInt64
    public var oomKills: UInt64
}

/// One instance's cgroup (in each v1 controller hierarchy, or one v2 directory): limits, metering, kill, removal.
/// Everything Forewarm creates lives under `<root>/[controller/]forewarm/`, so stale groups can be found after a crash.
public struct Cgroup: Sendable {
    public let version: CgroupVersion
    public let name: String
    let root: String

    static let v1Controllers = ["memory", "cpu", "cpuacct", "pids"]
    static let parent = "forewarm"

    public init(version: CgroupVersion, name: String, root: String = "/sys/fs/cgroup") {
        self.version = version
        self.name = name
        self.root = root
    }

    func dir(_ controller: String) -> String {
        version == .v1 ? "\(root)/\(controller)/\(Self.parent)/\(name)" : "\(root)/\(Self.parent)/\(name)"
    }

    var directories: [String] {
        switch version {
        case .v1: return Self.v1Controllers.map(dir)
        case .v2: return [dir("")]
        case .unavailable: return []
        }
    }

    /// The `cgroup.procs` files a new process must join.
    public var procsFiles: [String] { Array(Set(directories)).sorted().map { $0 + "/cgroup.procs" } }

    /// Creates the group and applies the limits.
    public func create(memoryBytes: Int, cpuCores: Double, pids: Int) throws {
        let fm = FileManager.default
        if version == .v2 {
            // Controllers must be delegated down the tree before a child can use them.
            try? Self.write("+memory +cpu +pids", to: root + "/cgroup.subtree_control")
            try fm.createDirectory(atPath: "\(root)/\(Self.parent)", withIntermediateDirectories: true)
            try Self.write("+memory +cpu +pids", to: "\(root)/\(Self.parent)/cgroup.subtree_control")
        }
        for directory in Set(directories) {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try setMemoryLimit(memoryBytes)
        let period = 100_000
        let quota = max(1_000, Int(cpuCores * Double(period)))
        switch version {
        case .v1:
            try Self.write("\(period)", to: dir("cpu") + "/cpu.cfs_period_us")
            try Self.write("\(quota)", to: dir("cpu") + "/cpu.cfs_quota_us")
            try Self.write("\(pids)", to: dir("pids") + "/pids.max")
        case .v2:
            try Self.write("\(quota) \(period)", to: dir("") + "/cpu.max")
            try Self.write("\(pids)", to: dir("") + "/pids.max")
        case .unavailable:
            break
        }
    }

    /// Changes the memory limit (raised while compiling, lowered again to run).
    public func setMemoryLimit(_ bytes: Int) throws {
        switch version {
        case .v1:
            try Self.write("\(bytes)", to: dir("memory") + "/memory.limit_in_bytes")
            try? Self.write("0", to: dir("memory") + "/memory.swappiness")
        case .v2:
            try Self.write("\(bytes)", to: dir("") + "/memory.max")
            try? Self.write("0", to: dir("") + "/memory.swap.max")
        case .unavailable:
            break
        }
    }

    /// Resets the peak-memory counter, so the next reading covers one run only (where the kernel allows it).
    public func resetPeak() {
        switch version {
        case .v1: try? Self.write("0", to: dir("memory") + "/memory.max_usage_in_bytes")
        case .v2: try? Self.write("0", to: dir("") + "/memory.peak")
        case .unavailable: break
        }
    }

    public func usage() -> CgroupUsage {
        switch version {
        case .v1:
            return CgroupUsage(
                cpuNanoseconds: Self.number(dir("cpuacct") + "/cpuacct.usage"),
                peakMemoryBytes: Self.number(dir("memory") + "/memory.max_usage_in_bytes"),
                oomKills: Self.field("oom_kill", in: dir("memory") + "/memory.oom_control"))
        case .v2:
            return CgroupUsage(
                cpuNanoseconds: Self.field("usage_usec", in: dir("") + "/cpu.stat") * 1_000,
                peakMemoryBytes: Self.number(dir("") + "/memory.peak"),
                oomKills: Self.field("oom_kill", in: dir("") + "/memory.events"))
        case .unavailable:
            return CgroupUsage(cpuNanoseconds: 0, peakMemoryBytes: 0, oomKills: 0)
        }
    }

    /// The processes in the group.
    public func pids() -> [Int32] {
        var found = Set<Int32>()
        for file in procsFiles {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") { if let pid = Int32(line) { found.insert(pid) } }
        }
        return found.sorted()
    }

    /// Kills every process in the group, waits (bounded) for it to empty, and removes it.
    public func destroy() {
        let deadline = Date().addingTimeInterval(2)
        repeat {
            let live = pids()
            if live.isEmpty { break }
            for pid in live { kill(pid, SIGKILL) }
            usleep(1_000)
        } while Date() < deadline
        for directory in Set(directories) { rmdir(directory) }
    }

    /// Removes the groups a previous run of the gateway left behind (after a crash or `kill -9`), killing what they
    /// still hold. Returns how many were removed.
    @discardableResult
    public static func removeStale(version: CgroupVersion, prefix: String, root: String = "/sys/fs/cgroup") -> Int {
        let parents: [String]
        switch version {
        case .v1: parents = v1Controllers.map { "\(root)/\($0)/\(parent)" }
        case .v2: parents = ["\(root)/\(parent)"]
        case .unavailable: return 0
        }
        var names = Set<String>()
        for directory in parents {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: directory + "/" + entry, isDirectory: &isDirectory),
                    isDirectory.boolValue, entry.hasPrefix(prefix + "-")
                {
                    names.insert(entry)
                }
            }
        }
        for name in names { Cgroup(version: version, name: name, root: root).destroy() }
        return names.count
    }

    static func write(_ value: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SandboxError.cgroup("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let bytes = Array(value.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw SandboxError.cgroup("cannot write \(value) to \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// A small control file's text, read with one open/read/close (these are on every run's path).
    static func readSmall(_ path: String) -> Substring? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        return Substring(decoding: buffer[0..<n], as: UTF8.self)
    }

    static func number(_ path: String) -> UInt64 {
        guard let text = readSmall(path) else { return 0 }
        return UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    static func field(_ key: String, in path: String) -> UInt64 {
        guard let text = readSmall(path) else { return 0 }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == key { return UInt64(parts[1]) ?? 0 }
        }
        return 0
    }
}
