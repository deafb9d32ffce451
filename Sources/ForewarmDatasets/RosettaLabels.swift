import ForewarmAnalysis
import ForewarmModel
import Foundation

/// The measured Rosetta Code programs of `shared/data/labels/` (see its README): one JSON line per program, the
/// program itself under `../rosettacode/` at the row's `path`.
///
/// Kept as samples: `ok` runs, runs that hit the CPU limit (`timeout_cpu`, the heaviest, CPU a lower bound of
/// 10 s) and OOM kills (`memory`, ≥ 2 GiB). Runs stopped at the wall limit after ≥ 5 s of CPU (programs that flood
/// their output, README) are unbounded too, so they count as hitting the CPU limit. Other failures (syntax errors,
/// missing modules, compile errors, sleeping programs) say nothing about the code's demand and are left out.
public struct RosettaLabels: Sendable {
    public static let fileName = "rosetta_labels.jsonl"
    public static let keptStatuses: Set<String> = ["ok", "timeout_cpu", "memory"]
    /// CPU seconds from which a wall-limit timeout counts as unbounded work rather than sleeping or blocking.
    public static let busyWallTimeoutCPU = 5.0

    struct Row: Decodable {
        var path: String
        var task: String
        var lang: String
        var status: String
        var cpu_user_s: Double?
        var cpu_sys_s: Double?
        var max_rss_kb: Double?
    }

    /// Whether `directory` holds Rosetta labels.
    public static func recognizes(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(fileName))
    }

    /// Reads the labels and their programs; `programs` defaults to `directory/../rosettacode`.
    public static func load(_ directory: String, programs: String? = nil) throws -> [LabeledProgram] {
        let file = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw DatasetError.unreadable(file)
        }
        let root =
            programs
            ?? ((directory as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("rosettacode")
        let decoder = JSONDecoder()
        var programs: [LabeledProgram] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            let row: Row
            do {
                row = try decoder.decode(Row.self, from: Data(line))
            } catch {
                throw DatasetError.malformed(file, line: number + 1, reason: "\(error)")
            }
            let cpu = (row.cpu_user_s ?? 0) + (row.cpu_sys_s ?? 0)
            let unbounded = row.status == "timeout_cpu" || (row.status == "timeout_wall" && cpu >= busyWallTimeoutCPU)
            guard keptStatuses.contains(row.status) || unbounded, let language = Language(name: row.lang) else {
                continue
            }
            let path = (root as NSString).appendingPathComponent(row.path)
            guard let source = FileManager.default.contents(atPath: path) else {
                throw DatasetError.unreadable(path)
            }
            var memory = (row.max_rss_kb ?? 0) / 1024
            if row.status == "memory" { memory = max(memory, 2048) }
            programs.append(
                LabeledProgram(
                    id: row.path, group: "rosetta:" + row.task, language: language,
                    source: Array(source), input: .none, cpuSeconds: unbounded ? max(cpu, 10) : cpu, memoryMB: memory,
                    hitCPULimit: unbounded, corpus: "rosetta"))
        }
        return programs
    }
}
