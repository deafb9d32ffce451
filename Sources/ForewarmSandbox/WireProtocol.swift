import Foundation

/// Messages between the gateway and the zygote: a JSON header line, then raw bytes whose lengths the header gives.
enum Wire {
    struct Step: Encodable {
        var kind: String
        var argv: [String]
        var env: [String: String]
        var timeoutMs: Int
        var cpuSeconds: Int
        var inProcess: Bool
        var gate: Bool
    }

    struct Request: Encodable {
        var files: [[FileEntry]]
        var stdin: Int
        var steps: [Step]
        var outputLimit: Int
    }

    /// `[name, size]` pairs, as the zygote reads them.
    enum FileEntry: Encodable {
        case name(String)
        case size(Int)
        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .name(let value): try container.encode(value)
            case .size(let value): try container.encode(value)
            }
        }
    }

    struct StepResult: Decodable {
        var kind: String
        var exitCode: Int?
        var signal: Int?
        var wallMs: Double
        var cpuMs: Double
        var maxRssKB: Int
        var timedOut: Bool
        var outputLimited: Bool
        var stdout: Int
        var stderr: Int
    }

    struct Event: Decodable {
        var event: String
        var steps: [StepResult]?
        var result: StepResult?
        var message: String?
    }
}

/// Blocking, buffered reads from a pipe (used on the worker's own queue only).
final class PipeReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(fd: Int32) { self.fd = fd }

    private func compact() {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { return true }
        guard n > 0 else { return false }
        buffer.append(contentsOf: chunk[0..<n])
        return true
    }

    func readLine() -> [UInt8]? {
        compact()
        var scanned = start
        while true {
            if let index = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<index])
                start = index + 1
                return line
            }
            scanned = buffer.count
            guard fill() else { return nil }
        }
    }

    func read(count: Int) -> [UInt8]? {
        compact()
        while buffer.count - start < count { guard fill() else { return nil } }
        let bytes = Array(buffer[start..<start + count])
        start += count
        return bytes
    }
}

func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return false }
        offset += n
    }
    return true
}
