import ForewarmAnalysis
import ForewarmModel
import Foundation

/// The CodeNet Python submissions of `shared/data/codenet_pie/` (PIE): judge CPU times on the judge's own, unseen
/// inputs on another machine. Only good for ranking submissions *within* a problem, so it is an evaluation set
/// (`forewarm evaluate --within-problem`), never training data for absolute times.
public enum CodeNetPIE {
    public static func recognizes(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent("programs/programs.csv"))
    }

    public static func load(_ directory: String) throws -> [LabeledProgram] {
        let base = (directory as NSString).appendingPathComponent("programs")
        let rows = try BenchmarksGame.rows((base as NSString).appendingPathComponent("programs.csv"))
        var programs: [LabeledProgram] = []
        for row in rows where row.count >= 10 {
            guard let cpuMilliseconds = Double(row[5]), let memoryKB = Double(row[6]) else { continue }
            let path = (directory as NSString).appendingPathComponent(row[9])
            guard let source = FileManager.default.contents(atPath: path) else { throw DatasetError.unreadable(path) }
            programs.append(
                LabeledProgram(
                    id: row[9], group: "codenet:" + row[1], language: .python,
                    source: Array(source), input: .none, cpuSeconds: cpuMilliseconds / 1000, memoryMB: memoryKB / 1024,
                    hitCPULimit: false, corpus: "codenet"))
        }
        return programs
    }
}
