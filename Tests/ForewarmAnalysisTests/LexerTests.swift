import Testing

@testable import ForewarmAnalysis

@Suite struct LexerTests {
    @Test func keywordsInsideStringsAndCommentsAreNotCode() {
        let found = tokens("x = \"if (a && b)\"; // while\n/* for */ y", .c).filter { $0.kind != .newline }
        #expect(found.map(\.kind) == [.word, .symbol, .string, .symbol, .comment, .comment, .word])
    }

    @Test func longestSymbolWins() {
        let texts = tokens("a <<= b && c != d -> e", .cpp).map(\.text)
        #expect(texts == ["a", "<<=", "b", "&&", "c", "!=", "d", "->", "e"])
    }

    @Test func pythonTripleQuotedAndPrefixedStrings() {
        let found = tokens("s = rb'''a\n'b'\n''' + f\"{x}\"", .python).filter { $0.kind == .string }
        #expect(found.map(\.text) == ["rb'''a\n'b'\n'''", "f\"{x}\""])
    }

    @Test func rustRawStringsAndLifetimes() {
        let found = tokens("fn f<'a>(s: &'a str) { let r = r#\"a \"quoted\" b\"#; let c = 'x'; }", .rust)
        #expect(found.contains { $0.kind == .string && $0.text == "r#\"a \"quoted\" b\"#" })
        #expect(found.contains { $0.kind == .string && $0.text == "'x'" })
        #expect(!found.contains { $0.kind == .string && $0.text.hasPrefix("'a") })
    }

    @Test func swiftInterpolationWithNestedQuotes() {
        let found = tokens("let s = \"a \\(d[\"k\"]) b\"; if x {}", .swift)
        #expect(found.filter { $0.kind == .string }.map(\.text) == ["\"a \\(d[\"k\"]) b\""])
        #expect(found.contains { $0.text == "if" })
    }

    @Test func javascriptTemplatesAndRegexLiterals() {
        let found = tokens("const t = `a ${f(\"}\")} b`; const r = /[/]+if/g; x = a / b / c;", .javascript)
        #expect(found.contains { $0.kind == .string && $0.text == "`a ${f(\"}\")} b`" })
        #expect(found.contains { $0.kind == .regex && $0.text == "/[/]+if/g" })
        #expect(found.filter { $0.text == "/" }.count == 2)
    }

    @Test func rubyHeredocBodyIsOneString() {
        let source = "x = <<~EOS\n  if while\n  EOS\nputs x\n"
        let found = tokens(source, .ruby)
        #expect(found.contains { $0.kind == .string && $0.text.contains("if while") })
        #expect(!found.contains { $0.kind == .word && $0.text == "while" })
        #expect(found.contains { $0.text == "puts" })
    }

    @Test func perlPODHeredocsAndSigils() {
        let source = "my $x = <<\"END\";\nif while\nEND\n=pod\nif\n=cut\nprint $x;\n"
        let found = tokens(source, .perl)
        #expect(!found.contains { $0.kind == .word && ($0.text == "if" || $0.text == "while") })
        #expect(found.contains { $0.kind == .word && $0.text == "$x" })
        #expect(found.contains { $0.text == "print" })
    }

    @Test func perlQuoteLikeOperatorsReadAsLizardDoes() {
        // Regex and quote-like literals are code to lizard's tokenizer; Forewarm keeps that for CCN agreement.
        let found = tokens("my @w = qw(if while);", .perl)
        #expect(found.contains { $0.kind == .word && $0.text == "if" })
    }

    @Test func luaLongBracketsAndComments() {
        let found = tokens("--[==[ if ]==] s = [[ while ]] --x\nt = 1", .lua)
        #expect(!found.contains { $0.kind == .word && ($0.text == "if" || $0.text == "while") })
        #expect(found.contains { $0.text == "t" })
    }

    @Test func cPreprocessorLinesWithContinuations() {
        let found = tokens("#define M(x) \\\n  ((x) && 1)\nint y;", .c)
        #expect(found.first?.kind == .preprocessor)
        #expect(found.first?.text.contains("&& 1") == true)
        #expect(found.contains { $0.text == "int" })
    }

    @Test func numbersWithExponentsSeparatorsAndRanges() {
        #expect(
            tokens("1e-5 0x1F 1_000 3.14", .python).filter { $0.kind == .number }.map(\.text)
                == ["1e-5", "0x1F", "1_000", "3.14"])
        #expect(tokens("1..10", .rust).map(\.text) == ["1", "..", "10"])
        #expect(tokens("1'000'000", .cpp).map(\.text) == ["1'000'000"])
    }

    @Test func unterminatedQuoteIsALoneSymbolAndLexingGoesOn() {
        let found = tokens("it's if", .c)
        #expect(found.map(\.text) == ["it", "'", "s", "if"])
    }

    @Test func lineNumbersFollowMixedLineEndings() {
        var source = "a\r\nb\rc\nd"
        let lines: [Int] = source.withUTF8 { bytes in
            var lexer = Lexer(source: bytes, language: .c)
            var result: [Int] = []
            while let token = lexer.next() {
                if token.kind == .word { result.append(token.line) }
            }
            return result
        }
        #expect(lines == [1, 2, 3, 4])
    }
}
