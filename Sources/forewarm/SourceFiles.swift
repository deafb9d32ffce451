import ForewarmAnalysis
import Foundation

/// One input to analyze: a file on disk or standard input.
struct SourceInput {
    var path: String
    var isStandardInput: Bool { path == "-" }
}

enum SourceFiles {
    static let skippedDirectories: Set<String> = [
        ".git", ".hg", ".svn", "node_modules", ".build", "__pycache__", ".venv",
    ]

    /// Expands folders into the source files below them (sorted, skipping files of unknown languages and
    /// hidden or vendored folders); files named explicitly are kept whatever their extension.
    static func expand(_ paths: [String], language: Language?) throws -> [SourceInput] {
        var inputs: [SourceInput] = []
        let manager = FileManager.default
        for path in paths {
            if path == "-" {
                inputs.append(SourceInput(path: path))
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CLIError.input("\(path): no such file or directory")
            }
            guard isDirectory.boolValue else {
                inputs.append(SourceInput(path: path))
                continue
            }
            var found: [String] = []
            let enumerator = manager.enumerator(atPath: path)
            while let relative = enumerator?.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                let full = (path as NSString).appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                _ = manager.fileExists(atPath: full, isDirectory: &isFolder)
                if isFolder.boolValue {
                    if skippedDirectories.contains(name) { enumerator?.skipDescendants() }
                    continue
                }
                let ext = (name as NSString).pathExtension
                if language != nil || Language(fileExtension: ext) != nil { found.append(full) }
            }
            inputs += found.sorted().map { SourceInput(path: $0) }
        }
        return inputs
    }

    static func read(_ input: SourceInput) throws -> [UInt8] {
        if input.isStandardInput { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: input.path) else {
            throw CLIError.input("\(input.path): cannot read")
        }
        return Array(data)
    }
}

/// Errors the CLI reports with a message and an exit code.
enum CLIError: Error, CustomStringConvertible {
    case input(String)
    case tool(String)

    var description: String {
        switch self {
        case .input(let message), .tool(let message): message
        }
    }
}
