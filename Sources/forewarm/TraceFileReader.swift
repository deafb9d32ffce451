import ForewarmTraces
import Foundation

/// Reads a trace file in large chunks and decodes its lines as they arrive (`TraceDecoder`), so a day's trace of
/// hundreds of megabytes is never held as one string.
enum TraceFileReader {
    static let chunkBytes = 4 << 20

    /// The file's records; an unreadable file, a bad line (named by number) or an empty trace is a `CLIError`.
    static func records(path: String) throws -> [TraceRecord] {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CLIError.input("\(path): cannot read") }
        defer { try? handle.close() }
        var decoder = TraceDecoder()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: chunkBytes)
            } catch {
                throw CLIError.input("\(path): cannot read (\(error.localizedDescription))")
            }
            guard let chunk, !chunk.isEmpty else { break }
            do {
                try decoder.feed(chunk)
            } catch {
                throw CLIError.input("\(path): \(error)")
            }
        }
        let records: [TraceRecord]
        do {
            records = try decoder.finish()
        } catch {
            throw CLIError.input("\(path): \(error)")
        }
        guard !records.isEmpty else { throw CLIError.input("\(path): the trace has no requests") }
        return records
    }
}
