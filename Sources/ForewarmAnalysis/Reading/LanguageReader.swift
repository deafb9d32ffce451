/// Finds the functions in a token stream: one state machine per language, ported from lizard's readers so
/// that function boundaries (and so per-function counts) agree with lizard's.
protocol LanguageReader {
    init()
    /// Reads one code token (comments, line breaks and preprocessor lines are not passed).
    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext)
    /// Called once after the last token.
    mutating func endOfFile(_ context: inout ReadingContext)
}

extension LanguageReader {
    mutating func endOfFile(_ context: inout ReadingContext) {}
}

/// Measures control-flow shape (cognitive complexity, nesting, loops, calls) from the same token stream.
protocol StructureTracker {
    init()
    mutating func observe(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext)
    /// Closes whatever is still open after the last token.
    mutating func finish(_ context: inout ReadingContext)
}
