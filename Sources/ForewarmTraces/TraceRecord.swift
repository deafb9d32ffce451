import Foundation

/// One request of a replay trace: a JSON line of the file `forewarm trace build` writes and `forewarm simulate`
/// reads.
public struct TraceRecord: Sendable, Codable, Equatable {
    /// Seconds from the start of the trace.
    public var arrival: Double
    public var language: String
    /// Where the program's code is (absolute, or relative to the working directory). One of `codePath` and `code`.
    public var codePath: String?
    /// The code itself, for traces that carry it inline.
    public var code: String?
    /// The program's id in its labeled corpus (for Rosetta labels, its path under `rosettacode/`).
    public var program: String?
    /// Measured CPU seconds of one run.
    public var cpuSeconds: Double
    /// Measured peak memory of one run.
    public var memoryMB: Double
    /// The trace the arrival came from (`recodex`, `azure-code`).
    public var source: String?
    /// The source row's identifiers and the fields the join used.
    public var ids: [String: String]?

    public init(
        arrival: Double, language: String, codePath: String? = nil, code: String? = nil, program: String? = nil,
        cpuSeconds: Double, memoryMB: Double, source: String? = nil, ids: [String: String]? = nil
    ) {
        self.arrival = arrival
        self.language = language
        self.codePath = codePath
        self.code = code
        self.program = program
        self.cpuSeconds = cpuSeconds
        self.memoryMB = memoryMB
        self.source = source
        self.ids = ids
    }
}

/// Reads and writes traces as JSON lines.
public enum TraceFile {
    /// One JSON object per line, keys sorted (so a trace built twice is byte-identical).
    public static func encode(_ records: [TraceRecord]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = ""
        for record in records {
            text += String(decoding: try encoder.encode(record), as: UTF8.self)
            text += "\n"
        }
        return text
    }

    /// Parses a trace; blank lines are skipped. A line that is not a request names itself in the error.
    public static func decode(_ text: String) throws(TraceError) -> [TraceRecord] {
        var decoder = TraceDecoder()
        try decoder.feed(text.utf8)
        return try decoder.finish()
    }
}

/// Why a trace could not be built or read.
public enum TraceError: Error, CustomStringConvertible, Equatable {
    case badLine(Int, String)
    case noArrivals(String)
    case noPrograms(String)
    case invalidOption(String)

    public var description: String {
        switch self {
        case .badLine(let line, let reason): "line \(line): \(reason)"
        case .noArrivals(let source): "no arrivals could be read from \(source)"
        case .noPrograms(let reason): "no labeled programs to join: \(reason)"
        case .invalidOption(let reason): reason
        }
    }
}
