/// Measures source code: finds its functions and computes their metrics, for any of ``Language``'s languages.
///
/// An analyzer keeps scratch tables between calls, so reuse one per thread for speed; it is a value, so each
/// task can own its own copy.
public struct Analyzer: Sendable {
    private var distinct = DistinctTable()

    public init() {}

    /// Analyzes bytes as `language`, or as the language the detector picks when it is nil. Only the first
    /// ``Token/maximumOffset`` bytes (4 GiB) of a larger input are read.
    public mutating func analyze(_ input: UnsafeBufferPointer<UInt8>, language: Language? = nil, path: String? = nil)
        -> FileMetrics
    {
        let bytes =
            input.count > Token.maximumOffset ? UnsafeBufferPointer(rebasing: input[..<Token.maximumOffset]) : input
        let guess: LanguageGuess
        if let language {
            guess = LanguageGuess(language: language, confidence: 1)
        } else {
            guess = LanguageDetector.detect(path: path, content: bytes)
        }
        distinct.reset(forBytes: bytes.count)
        // Lend the table to the session without keeping a second reference: a shared buffer would be copied
        // (copy-on-write) on the session's first insert, once per file.
        let table = distinct
        distinct = .placeholder
        var session = AnalysisSession(source: bytes, language: guess.language, distinct: consume table)
        switch guess.language {
        case .c, .cpp: session.run(CLikeReader(), BraceTracker())
        case .java: session.run(JavaReader(), BraceTracker())
        case .csharp: session.run(CSharpReader(), BraceTracker())
        case .javascript: session.run(JavaScriptReader(), BraceTracker())
        case .typescript: session.run(TypeScriptReader(), BraceTracker())
        case .go: session.run(GoReader(), BraceTracker(semicolonEndsHeader: false))
        case .rust: session.run(RustReader(), BraceTracker(semicolonEndsHeader: false))
        case .swift: session.run(SwiftReader(), BraceTracker(semicolonEndsHeader: false))
        case .kotlin: session.run(KotlinReader(), BraceTracker())
        case .php: session.run(PHPReader(), BraceTracker())
        case .perl: session.run(PerlReader(), BraceTracker())
        case .python: session.run(PythonReader(), IndentTracker())
        case .ruby: session.run(RubyReader(), KeywordBlockTracker())
        case .lua: session.run(LuaReader(), KeywordBlockTracker(lua: true))
        }
        distinct = session.distinct
        return session.report(path: path, confidence: guess.confidence)
    }

    /// Analyzes a string.
    public mutating func analyze(_ text: String, language: Language? = nil, path: String? = nil) -> FileMetrics {
        var text = text
        return text.withUTF8 { analyze($0, language: language, path: path) }
    }

    /// Analyzes a byte array.
    public mutating func analyze(_ bytes: [UInt8], language: Language? = nil, path: String? = nil) -> FileMetrics {
        bytes.withUnsafeBufferPointer { analyze($0, language: language, path: path) }
    }
}

extension BraceTracker {
    init(semicolonEndsHeader: Bool) {
        self.init()
        self.semicolonEndsHeader = semicolonEndsHeader
    }
}
