/// The lexical rules of one language: comments, strings, identifiers and multi-byte symbols.
///
/// One generic lexer reads every language; this value tells it what to look for.
public struct LexicalSyntax: Sendable {
    /// Line comment openers, e.g. `//`, `#`, `--`.
    var lineComments: [[UInt8]] = []
    /// `/* … */` block comments.
    var cBlockComments = false
    /// Whether block comments nest (Rust, Swift, Kotlin).
    var nestedBlockComments = false
    /// Lua's `--[[ … ]]` comments and `[[ … ]]` / `[==[ … ]==]` strings.
    var luaLongBrackets = false
    /// lizard's Ruby tokens: `word:` labels and `:word` symbols are single words (so `if:` and `:for` are not
    /// keywords), and `/` starts a regex only after one of `=,({[?:!&|;` (whitespace between allowed).
    var lizardRubyTokens = false
    /// Ruby's `=begin … =end` embedded documents.
    var rubyEmbeddedDocs = false
    /// Perl's POD (`=head1 … =cut`) and `__END__` / `__DATA__` trailers.
    var perlPOD = false
    /// `#` at the start of a line begins a preprocessor directive (C family).
    var preprocessor = false
    /// Quote bytes that delimit ordinary one-line-or-escaped strings.
    var quotes: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "'")]
    /// `'` only delimits a character literal when it closes within a few bytes (Rust lifetimes, Swift has none).
    var singleQuoteIsCharLiteral = false
    /// Backtick strings that may span lines (JS templates, Go raw strings, shell commands).
    var backtickStrings = false
    /// Python-style triple-quoted strings (`'''`, `"""`).
    var tripleQuotes = false
    /// Python string prefixes: letters among r, b, u, f directly before a quote.
    var pythonPrefixes = false
    /// PHP files: text outside `<?php … ?>` is one string token per run, as lizard reads it.
    var phpInlineHTML = false
    /// Rust raw strings `r#"…"#`, byte strings `b"…"`.
    var rustRawStrings = false
    /// C++ raw strings `R"delim(…)delim"`.
    var cppRawStrings = false
    /// C# verbatim strings `@"…"` (doubled quotes escape) and `$@"…"`.
    var csharpVerbatim = false
    /// Swift extended delimiters `#"…"#`.
    var swiftRawStrings = false
    /// Heredocs: Ruby `<<~ID`, Perl `<<"ID"`, PHP `<<<ID`.
    var heredocs = false
    /// Regular-expression literals after an operator or keyword: JavaScript, Ruby, Perl (`/…/`).
    var slashRegex = false
    /// Perl quote-like operators `q qq qw qr m s tr y` with any delimiter.
    var perlQuoteLike = false
    /// Bytes besides letters, digits and `_` that may start an identifier (`$` in JS/PHP/Perl).
    var identifierStart: [UInt8] = []
    /// Bytes besides letters, digits and `_` that may continue an identifier (`$` in JS, `?`/`!` in Ruby at the end).
    var identifierContinue: [UInt8] = []
    /// Identifiers may end in `?` or `!` (Ruby's `empty?`, `save!`).
    var predicateSuffixes = false
    /// `<? extends T>` and `<int?>` are one token, as in lizard's tokenizer (Java, C#, Kotlin).
    var genericWildcards = false
    /// lizard's JavaScript/TypeScript tokenizer quirks: `name?` is one token (unless `??` or `?.` follows), `?.`
    /// before a digit is `?`, and `/` opens a regex only after one of `=,({[?:!&|;` (or at the start).
    var lizardJavaScript = false
    /// Multi-byte symbols, matched longest first.
    var symbols: [String] = LexicalSyntax.commonSymbols

    /// The symbols every language shares, as lizard's tokenizer groups them.
    static let commonSymbols = [
        "<<=", ">>=", "||", "&&", "===", "!==", "==", "!=", "<=", ">=", "->", "=>", "++", "--",
        "+=", "-=", "*=", "/=", "%=", "^=", "&=", "|=", "...", "::", ":=", "**",
    ]
}

extension LexicalSyntax {
    /// The rules for a language.
    public static func of(_ language: Language) -> LexicalSyntax {
        switch language {
        case .c, .cpp:
            var syntax = cFamily
            syntax.preprocessor = true
            syntax.cppRawStrings = language == .cpp
            return syntax
        case .java:
            var syntax = cFamily
            syntax.tripleQuotes = true
            syntax.identifierStart = [UInt8(ascii: "$")]
            syntax.identifierContinue = [UInt8(ascii: "$")]
            syntax.genericWildcards = true
            return syntax
        case .csharp:
            var syntax = cFamily
            syntax.preprocessor = true
            syntax.csharpVerbatim = true
            syntax.tripleQuotes = true
            syntax.genericWildcards = true
            // lizard reads `?.` and `??=` as `?` `.` and `??` `=`: both count as conditions.
            syntax.symbols += ["??"]
            return syntax
        case .javascript, .typescript:
            var syntax = cFamily
            syntax.backtickStrings = true
            syntax.slashRegex = true
            // `#name` (private members) is one token, as in lizard.
            syntax.identifierStart = [UInt8(ascii: "$"), UInt8(ascii: "#")]
            syntax.identifierContinue = [UInt8(ascii: "$")]
            syntax.lizardJavaScript = true
            // lizard's symbols: `||=`, `*=`, `??=` … split, so their `||`, `&&`, `??` count as conditions.
            syntax.symbols = [
                "<<=", ">>=", "||", "&&", "===", "!==", "==", "!=", "<=", ">=", "->", "=>", "++", "--",
                "+=", "-=", "^=", "&=", "|=", "...", "::", ":=", "**", "??", "?.",
            ]
            return syntax
        case .go:
            var syntax = cFamily
            syntax.backtickStrings = true
            // lizard splits `<-` and `&^`; its signature lookahead counts tokens as lizard splits them.
            return syntax
        case .rust:
            // Split as lizard does (no nested comments or raw strings), so functions and counts agree with it.
            var syntax = cFamily
            syntax.nestedBlockComments = true
            syntax.singleQuoteIsCharLiteral = true
            syntax.rustRawStrings = true
            syntax.symbols += ["..=", ".."]
            return syntax
        case .swift:
            var syntax = cFamily
            syntax.nestedBlockComments = true
            syntax.quotes = [UInt8(ascii: "\"")]
            syntax.tripleQuotes = true
            syntax.swiftRawStrings = true
            // lizard reads `a?.b` as `a?` `.` `b`, and `*=`, `/=`, `%=` as two symbols (`func *=` is no function).
            syntax.symbols = syntax.symbols.filter { $0 != "*=" && $0 != "/=" && $0 != "%=" }
            syntax.symbols += ["??", "..<", "...", "===", "!=="]
            return syntax
        case .kotlin:
            var syntax = cFamily
            syntax.nestedBlockComments = true
            syntax.tripleQuotes = true
            syntax.symbols += ["?:", "?.", "!!", "..", "..<"]
            return syntax
        case .php:
            var syntax = cFamily
            syntax.lineComments = [Array("//".utf8), Array("#".utf8)]
            syntax.backtickStrings = true
            syntax.heredocs = true
            syntax.phpInlineHTML = true
            syntax.identifierStart = [UInt8(ascii: "$")]
            // lizard's extra PHP symbols: `?:` is no ternary.
            syntax.symbols += ["??", "?->", "??=", "?:", "<=>", ".="]
            return syntax
        case .python:
            var syntax = LexicalSyntax()
            syntax.lineComments = [Array("#".utf8)]
            syntax.tripleQuotes = true
            syntax.pythonPrefixes = true
            // lizard's tokenizer: its common symbols plus `//` and `//=`. Its regex tries `*` and `/` before `*=` and
            // `/=`, so those are two tokens, as are `**=` (`**` `=`), `%=` and `>>`.
            syntax.symbols = [
                "<<=", ">>=", "||", "&&", "===", "!==", "==", "!=", "<=", ">=", "->", "=>", "++", "--", "+=", "-=",
                "^=", "&=", "|=", "...", ":=", "::", "**", "//", "//=",
            ]
            return syntax
        case .ruby:
            var syntax = LexicalSyntax()
            syntax.lineComments = [Array("#".utf8)]
            syntax.rubyEmbeddedDocs = true
            syntax.predicateSuffixes = true
            syntax.backtickStrings = true
            syntax.heredocs = true
            syntax.lizardRubyTokens = true
            syntax.slashRegex = true
            syntax.identifierStart = [UInt8(ascii: "@"), UInt8(ascii: "$")]
            syntax.identifierContinue = [UInt8(ascii: "@")]
            syntax.symbols = commonSymbols + ["<=>", "..", "&.", "=~", "!~"]
            return syntax
        case .lua:
            var syntax = LexicalSyntax()
            syntax.lineComments = [Array("--".utf8)]
            syntax.luaLongBrackets = true
            syntax.symbols = ["...", "..", "==", "~=", "<=", ">=", "::", "//", "<<", ">>"]
            return syntax
        case .perl:
            // POD, heredocs and sigil variables are lexed as Perl; regex and quote-like literals are read as code,
            // as lizard's generic tokenizer reads them, which keeps CCN agreement with lizard high (docs/metrics.md).
            var syntax = LexicalSyntax()
            syntax.lineComments = [Array("#".utf8)]
            syntax.perlPOD = true
            syntax.heredocs = true
            syntax.identifierStart = [UInt8(ascii: "$"), UInt8(ascii: "@"), UInt8(ascii: "%")]
            return syntax
        }
    }

    private static var cFamily: LexicalSyntax {
        var syntax = LexicalSyntax()
        syntax.lineComments = [Array("//".utf8)]
        syntax.cBlockComments = true
        return syntax
    }
}
