/// Parses one trace line — a JSON object of `TraceRecord`'s schema — straight from its UTF-8 bytes, without
/// Foundation: the keys are matched as bytes, only the fields a record holds become values, and unknown keys are
/// skipped (their values still checked for JSON syntax). Errors read as `JSONDecoder`'s did: any syntax error is
/// "not a JSON object"; then the first field, in `TraceRecord`'s order, that is missing or of the wrong type.
struct TraceLineParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let line: Int
    private let interner: TraceInterner?
    private var index = 0

    /// Why a line is not JSON at all (reported as "not a JSON object").
    private struct SyntaxError: Error {}

    private enum Field<Value> {
        case absent
        case null
        case value(Value)
        case wrongType(String)
    }

    init(bytes: UnsafeBufferPointer<UInt8>, line: Int, interner: TraceInterner? = nil) {
        self.bytes = bytes
        self.line = line
        self.interner = interner
    }

    /// The line's record, or nil when the line is blank (only JSON whitespace).
    mutating func record() throws(TraceError) -> TraceRecord? {
        skipWhitespace()
        guard index < bytes.count else { return nil }
        var arrival = Field<Double>.absent, cpuSeconds = Field<Double>.absent, memoryMB = Field<Double>.absent
        var language = Field<String>.absent, codePath = Field<String>.absent, code = Field<String>.absent
        var program = Field<String>.absent, source = Field<String>.absent
        var ids = Field<[String: String]>.absent
        do {
            try forEachElement(opening: UInt8(ascii: "{"), closing: UInt8(ascii: "}")) { parser throws(SyntaxError) in
                let key = try parser.parseKey()
                try parser.expectColon()
                switch key {
                case .arrival: arrival = try parser.numberField("arrival")
                case .cpuSeconds: cpuSeconds = try parser.numberField("cpuSeconds")
                case .memoryMB: memoryMB = try parser.numberField("memoryMB")
                case .language: language = try parser.stringField("language")
                case .codePath: codePath = try parser.stringField("codePath")
                case .code: code = try parser.stringField("code")
                case .program: program = try parser.stringField("program")
                case .source: source = try parser.stringField("source")
                case .ids: ids = try parser.idsField()
                case .other: try parser.skipValue(depth: 0)
                }
            }
            skipWhitespace()
            guard index == bytes.count else { throw SyntaxError() }
        } catch {
            throw .badLine(line, "not a JSON object")
        }
        let record = TraceRecord(
            arrival: try required(arrival, "arrival"), language: try required(language, "language"),
            codePath: try optional(codePath), code: try optional(code), program: try optional(program),
            cpuSeconds: try required(cpuSeconds, "cpuSeconds"), memoryMB: try required(memoryMB, "memoryMB"),
            source: try optional(source), ids: try optional(ids))
        return record
    }

    // MARK: - Fields

    private func required<Value>(_ field: Field<Value>, _ key: String) throws(TraceError) -> Value {
        switch field {
        case .value(let value): return value
        case .absent: throw .badLine(line, "missing \"\(key)\"")
        case .null: throw .badLine(line, "\"\(key)\" has the wrong type")
        case .wrongType(let path): throw .badLine(line, "\"\(path)\" has the wrong type")
        }
    }

    private func optional<Value>(_ field: Field<Value>) throws(TraceError) -> Value? {
        switch field {
        case .value(let value): return value
        case .absent, .null: return nil
        case .wrongType(let path): throw .badLine(line, "\"\(path)\" has the wrong type")
        }
    }

    private mutating func numberField(_ key: String) throws(SyntaxError) -> Field<Double> {
        switch peek() ?? 0 {
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .value(try parseNumber())
        case UInt8(ascii: "n"):
            try skipValue(depth: 0)
            return .null
        default:
            try skipValue(depth: 0)
            return .wrongType(key)
        }
    }

    private mutating func stringField(_ key: String) throws(SyntaxError) -> Field<String> {
        switch peek() ?? 0 {
        case UInt8(ascii: "\""):
            guard let interner else { return .value(try parseString()) }
            let start = index
            try skipString()
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
            let hash = TraceInterner.hash(raw)
            if let known = interner.string(raw, hash: hash) { return .value(known) }
            index = start
            let value = try parseString()
            interner.remember(value, bytes: raw, hash: hash)
            return .value(value)
        case UInt8(ascii: "n"):
            try skipValue(depth: 0)
            return .null
        default:
            try skipValue(depth: 0)
            return .wrongType(key)
        }
    }

    private mutating func idsField() throws(SyntaxError) -> Field<[String: String]> {
        switch peek() ?? 0 {
        case UInt8(ascii: "{"):
            guard let interner else { return try idsObject() }
            let start = index
            try skipValue(depth: 1)
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
            let hash = TraceInterner.hash(raw)
            if let known = interner.object(raw, hash: hash) { return .value(known) }
            index = start
            let field = try idsObject()
            if case .value(let ids) = field { interner.remember(ids, bytes: raw, hash: hash) }
            return field
        case UInt8(ascii: "n"):
            try skipValue(depth: 0)
            return .null
        default:
            try skipValue(depth: 0)
            return .wrongType("ids")
        }
    }

    /// The `ids` object at `index` (its opening brace).
    private mutating func idsObject() throws(SyntaxError) -> Field<[String: String]> {
        var ids: [String: String] = [:]
        var wrong: String?
        try forEachElement(opening: UInt8(ascii: "{"), closing: UInt8(ascii: "}")) { parser throws(SyntaxError) in
            let key = try parser.parseString()
            try parser.expectColon()
            if parser.peek() == UInt8(ascii: "\"") {
                ids[key] = try parser.parseString()
            } else {
                try parser.skipValue(depth: 1)
                if wrong == nil { wrong = "ids." + key }
            }
        }
        if let wrong { return .wrongType(wrong) }
        return .value(ids)
    }

    // MARK: - Keys

    private enum Key { case arrival, language, codePath, code, program, cpuSeconds, memoryMB, source, ids, other }

    private static let keys: [(name: [UInt8], key: Key)] = {
        let names: [(String, Key)] = [
            ("arrival", .arrival), ("language", .language), ("codePath", .codePath), ("code", .code),
            ("program", .program), ("cpuSeconds", .cpuSeconds), ("memoryMB", .memoryMB), ("source", .source),
            ("ids", .ids),
        ]
        return names.map { (Array($0.0.utf8), $0.1) }
    }()

    /// A key without escapes is compared as bytes; one with escapes is decoded first.
    private mutating func parseKey() throws(SyntaxError) -> Key {
        guard peek() == UInt8(ascii: "\"") else { throw SyntaxError() }
        let start = index + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20
        {
            end += 1
        }
        let name: [UInt8]
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            index = end + 1
            for entry in Self.keys where entry.name.count == raw.count && entry.name.elementsEqual(raw) {
                return entry.key
            }
            return .other
        } else {
            name = Array(try parseString().utf8)
        }
        return Self.keys.first { $0.name == name }?.key ?? .other
    }

    // MARK: - JSON values

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func next() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8) throws(SyntaxError) {
        guard next() == byte else { throw SyntaxError() }
    }

    /// Reads an array or object from its `opening` bracket at `index` through its `closing` one: `element` reads
    /// one element (an object's key, colon and value); the whitespace and commas around elements are read here.
    @inline(__always)
    private mutating func forEachElement(
        opening: UInt8, closing: UInt8, _ element: (inout TraceLineParser) throws(SyntaxError) -> Void
    ) throws(SyntaxError) {
        try expect(opening)
        skipWhitespace()
        if peek() == closing {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            guard let next = next() else { throw SyntaxError() }
            if next == closing { return }
            guard next == UInt8(ascii: ",") else { throw SyntaxError() }
        }
    }

    /// The `:` between an object's key and its value, with the whitespace around it.
    private mutating func expectColon() throws(SyntaxError) {
        skipWhitespace()
        try expect(UInt8(ascii: ":"))
        skipWhitespace()
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): index += 1
            default: return
            }
        }
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    /// A JSON number (`-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`), converted with the standard library's
    /// correctly rounded parser — the same value `JSONDecoder` gives.
    private mutating func parseNumber() throws(SyntaxError) -> Double {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw SyntaxError()
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw SyntaxError() }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw SyntaxError() }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text) else { throw SyntaxError() }
        return value
    }

    /// A JSON string; the fast path (no escapes) makes the String straight from the bytes.
    private mutating func parseString() throws(SyntaxError) -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return try Self.string(raw, ascii: ascii)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw SyntaxError() }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        // Escapes: decode into a buffer from the start.
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while let byte = next() {
            switch byte {
            case UInt8(ascii: "\""): return try Self.string(buffer, ascii: false)
            case UInt8(ascii: "\\"): try unescape(into: &buffer)
            case ..<0x20: throw SyntaxError()
            default: buffer.append(byte)
            }
        }
        throw SyntaxError()
    }

    /// Moves past a JSON string without decoding it (escapes are checked when it is decoded).
    private mutating func skipString() throws(SyntaxError) {
        try expect(UInt8(ascii: "\""))
        while let byte = next() {
            if byte == UInt8(ascii: "\"") { return }
            if byte == UInt8(ascii: "\\") { index += 1 }
        }
        throw SyntaxError()
    }

    private static func string(_ bytes: some Collection<UInt8>, ascii: Bool) throws(SyntaxError) -> String {
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        guard let string = String(validating: bytes, as: UTF8.self) else { throw SyntaxError() }
        return string
    }

    private mutating func unescape(into buffer: inout [UInt8]) throws(SyntaxError) {
        guard let escape = next() else { throw SyntaxError() }
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hex4())
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low one.
                guard next() == UInt8(ascii: "\\"), next() == UInt8(ascii: "u") else { throw SyntaxError() }
                let low = UInt32(try hex4())
                guard (0xDC00..<0xE000).contains(low) else { throw SyntaxError() }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw SyntaxError()
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw SyntaxError() }
            buffer.append(contentsOf: UTF8.encode(unicode)!)
        default: throw SyntaxError()
        }
    }

    private mutating func hex4() throws(SyntaxError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = next() else { throw SyntaxError() }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw SyntaxError()
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Skips any JSON value, checking its syntax (nesting limited, so a hostile line cannot exhaust the stack).
    private mutating func skipValue(depth: Int) throws(SyntaxError) {
        guard depth < 256, let byte = peek() else { throw SyntaxError() }
        switch byte {
        case UInt8(ascii: "\""): _ = try parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try parseNumber()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "["):
            try forEachElement(opening: UInt8(ascii: "["), closing: UInt8(ascii: "]")) { parser throws(SyntaxError) in
                try parser.skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "{"):
            try forEachElement(opening: UInt8(ascii: "{"), closing: UInt8(ascii: "}")) { parser throws(SyntaxError) in
                _ = try parser.parseString()
                try parser.expectColon()
                try parser.skipValue(depth: depth + 1)
            }
        default: throw SyntaxError()
        }
    }

    private mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw SyntaxError() }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw SyntaxError() }
        index += count
    }
}
