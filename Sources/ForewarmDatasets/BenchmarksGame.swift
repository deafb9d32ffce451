import ForewarmAnalysis
import ForewarmModel
import Foundation

/// The Computer Language Benchmarks Game measurements of `shared/data/benchmarksgame/`: each program at several
/// workloads `n`, passed as its argument (the model sees it as request input). Uses `measurements/ndata.csv`
/// (fastest run per program and workload), successful runs only, for implementations whose language the
/// analyzer knows and whose source is mapped. Different machine (quad-core i5-3330) and multi-threaded programs:
/// CPU is usr+sys over all threads. Memory 0 in the file means not measured and is kept as unmeasured.
public enum BenchmarksGame {
    /// Implementation labels → language; compilers sharing another label's source (clang, icc, icx) are left out
    /// so a source is not counted twice.
    static let implementations: [String: Language] = [
        "gcc": .c, "gpp": .cpp, "rust": .rust, "go": .go, "java": .java, "swift": .swift, "ruby": .ruby,
        "php": .php, "node": .javascript, "python3": .python, "perl": .perl, "lua": .lua, "csharpcore": .csharp,
    ]

    public static func recognizes(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("measurements/ndata.csv"))
    }

    public static func load(_ directory: String) throws -> [LabeledProgram] {
        let measurements = try rows((directory as NSString).appendingPathComponent("measurements/ndata.csv"))
        let map = try rows((directory as NSString).appendingPathComponent("measurements/source_map.csv"))
        var sources: [String: String] = [:]
        for row in map where row.count >= 4 && !row[3].isEmpty {
            sources[row[0] + "/" + row[1] + "/" + row[2]] = row[3]
        }
        var cache: [String: [UInt8]] = [:]
        var programs: [LabeledProgram] = []
        for row in measurements where row.count >= 8 {
            let (task, implementation, id, n) = (row[0], row[1], row[2], row[3])
            guard row[7] == "0", let language = implementations[implementation],
                let relative = sources[task + "/" + implementation + "/" + id],
                let cpu = Double(row[5]), let memoryKB = Double(row[6])
            else { continue }
            let path = (directory as NSString).appendingPathComponent(relative)
            if cache[path] == nil {
                guard let data = FileManager.default.contents(atPath: path) else { throw DatasetError.unreadable(path) }
                cache[path] = Array(data)
            }
            programs.append(
                LabeledProgram(
                    id: relative + " " + n, group: "benchmarksgame:" + task,
                    language: language, source: cache[path] ?? [], input: RequestInput(arguments: [n]),
                    cpuSeconds: cpu, memoryMB: memoryKB / 1024, hitCPULimit: false, corpus: "benchmarksgame"))
        }
        return programs
    }

    /// Comma-separated rows after the header (the files quote nothing; source_map.csv ends lines with CRLF,
    /// which Swift reads as one character).
    static func rows(_ path: String) throws -> [[String]] {
        guard let data = FileManager.default.contents(atPath: path) else { throw DatasetError.unreadable(path) }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}
