/// Decodes a trace from its bytes in pieces of any size (a file read in large chunks): complete lines are parsed
/// as they arrive, a line cut by a chunk's end waits for the next. Blank lines are skipped; a line that is not a
/// request stops decoding with `TraceError.badLine`, naming the line (1-based).
public struct TraceDecoder {
    /// The records decoded so far, in file order.
    public private(set) var records: [TraceRecord] = []
    /// The start of a line a chunk cut off.
    private var partial: [UInt8] = []
    private var line = 0
    private let interner = TraceInterner()

    public init() {}

    /// Decodes every line `chunk` completes.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) throws(TraceError) {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var start = 0
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            if partial.isEmpty {
                try decode(UnsafeBufferPointer(rebasing: bytes[start..<newline]))
            } else {
                partial.append(contentsOf: bytes[start..<newline])
                let joined = partial
                partial.removeAll(keepingCapacity: true)
                try decode(joined)
            }
            start = newline + 1
        }
        partial.append(contentsOf: bytes[start...])
    }

    /// Decodes every line `bytes` completes (a `Data` chunk, an array of bytes).
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(TraceError) {
        let failure = bytes.withContiguousStorageIfAvailable { storage -> TraceError? in
            do throws(TraceError) {
                try feed(UnsafeRawBufferPointer(storage))
                return nil
            } catch {
                return error
            }
        }
        switch failure {
        case .some(.some(let error)): throw error
        case .some(.none): return
        case .none: try feed(Array(bytes))
        }
    }

    /// Decodes the last line (one without a newline) and returns every record.
    public mutating func finish() throws(TraceError) -> [TraceRecord] {
        if !partial.isEmpty {
            let last = partial
            partial = []
            try decode(last)
        }
        return records
    }

    private mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(TraceError) {
        line += 1
        var parser = TraceLineParser(bytes: bytes, line: line, interner: interner)
        guard let record = try parser.record() else { return }
        guard record.arrival.isFinite, record.arrival >= 0 else {
            throw .badLine(line, "arrival must be a time in seconds ≥ 0")
        }
        guard record.cpuSeconds.isFinite, record.cpuSeconds >= 0, record.memoryMB.isFinite, record.memoryMB >= 0
        else { throw .badLine(line, "cpuSeconds and memoryMB must be numbers ≥ 0") }
        guard record.codePath != nil || record.code != nil else {
            throw .badLine(line, "needs \"codePath\" or \"code\"")
        }
        records.append(record)
    }

    private mutating func decode(_ line: [UInt8]) throws(TraceError) {
        let failure = line.withUnsafeBufferPointer { bytes -> TraceError? in
            do throws(TraceError) {
                try decode(bytes)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }
}
