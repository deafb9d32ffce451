import Foundation

/// A fresh folder under the system temporary directory for one test's files; the test calls `remove()` when it
/// ends (`defer { scratch.remove() }`), so nothing is left behind, pass or fail.
public struct ScratchDirectory: Sendable {
    /// The folder: `<temporary directory>/<prefix>-<UUID>`.
    public let url: URL

    public var path: String { url.path }

    /// Creates the folder with `files` (path relative to the folder → contents) written inside it.
    public init(prefix: String, files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        do {
            for (name, contents) in files {
                let file = url.appendingPathComponent(name)
                try FileManager.default.createDirectory(
                    at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: file)
            }
        } catch {
            remove()
            throw error
        }
    }

    /// The path of `name` inside the folder (the file need not exist yet).
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Deletes the folder and everything in it (SQLite's -wal and -shm files too); a folder already gone is fine.
    public func remove() { try? FileManager.default.removeItem(at: url) }
}
