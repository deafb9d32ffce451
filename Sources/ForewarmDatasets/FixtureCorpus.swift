import ForewarmAnalysis
import ForewarmModel
import Foundation

/// A small labeled corpus in the repository's own format: `index.jsonl` rows
/// `{"path", "group", "language"?, "cpuSeconds", "memoryMB", "stdin"?, "arguments"?}` next to the programs.
/// Used by CI to train on programs we wrote, and by operators to add their own measured programs.
public enum FixtureCorpus {
    public static let fileName = "index.jsonl"

    struct Row: Decodable {
        var path: String
        var group: String
        var language: String?
        var cpuSeconds: Double
        var memoryMB: Double
        var hitCPULimit: Bool?
        var stdin: String?
        var arguments: [String]?
    }

    public static func recognizes(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(fileName))
    }

    public static func load(_ directory: String) throws -> [LabeledProgram] {
        let file = (directory as NSString).appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: file) else { throw DatasetError.unreadable(file) }
        var programs: [LabeledProgram] = []
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
            let row: Row
            do {
                row = try JSONDecoder().decode(Row.self, from: Data(line))
            } catch {
                throw DatasetError.malformed(file, line: number + 1, reason: "\(error)")
            }
            let path = (directory as NSString).appendingPathComponent(row.path)
            guard let source = FileManager.default.contents(atPath: path) else { throw DatasetError.unreadable(path) }
            let language =
                row.language.flatMap(Language.init(name:))
                ?? Language(fileExtension: (row.path as NSString).pathExtension)
            guard let language else {
                throw DatasetError.malformed(file, line: number + 1, reason: "unknown language of \(row.path)")
            }
            programs.append(
                LabeledProgram(
                    id: row.path, group: row.group, language: language,
                    source: Array(source),
                    input: RequestInput(stdin: Array((row.stdin ?? "").utf8), arguments: row.arguments ?? []),
                    cpuSeconds: row.cpuSeconds, memoryMB: row.memoryMB, hitCPULimit: row.hitCPULimit ?? false,
                    corpus: "fixture"))
        }
        return programs
    }
}
