@testable import ForewarmAnalysis

/// Analyzes `source` as `language` with a fresh analyzer.
func analyze(_ source: String, _ language: Language) -> FileMetrics {
    var analyzer = Analyzer()
    return analyzer.analyze(source, language: language)
}

/// The tokens of `source` as (kind, text) pairs, newlines and comments included.
func tokens(_ source: String, _ language: Language) -> [(kind: TokenKind, text: String)] {
    var source = source
    return source.withUTF8 { bytes in
        var lexer = Lexer(source: bytes, language: language)
        var result: [(TokenKind, String)] = []
        while let token = lexer.next() {
            result.append(
                (
                    token.kind,
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
                ))
        }
        return result
    }
}
