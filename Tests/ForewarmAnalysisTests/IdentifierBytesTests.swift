import Testing

@testable import ForewarmAnalysis

@Suite struct IdentifierBytesTests {
    /// Every language's identifier bytes fit the eight-at-a-time rule, and the rule agrees with the table on every
    /// byte in every lane of seeded random words.
    @Test(arguments: Language.allCases)
    func theRuleIsTheTable(language: Language) throws {
        let rules = CompiledSyntax.of(language)
        let rule = try #require(rules.identifierBytes, "\(language) falls back to the byte loop")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(language.rawValue.utf8.count)
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let word = state ^ (state >> 29)
            let found = rule.continues(word)
            for lane in 0..<8 {
                let byte = Int((word >> UInt64(8 * lane)) & 0xFF)
                #expect((found >> UInt64(8 * lane + 7)) & 1 == (rules.identifierContinue[byte] ? 1 : 0))
            }
        }
    }

    @Test func identifiersEndWhereTheByteLoopEndsThem() {
        // Lengths around the eight-byte steps, an extra byte (`$` in JavaScript), non-ASCII bytes, and the end of
        // the input inside the identifier.
        let cases: [(String, Language, String)] = [
            ("abcdefg ", .c, "abcdefg"), ("abcdefgh+", .c, "abcdefgh"),
            ("a_b_c_d_e_f_g_h_i_j;", .c, "a_b_c_d_e_f_g_h_i_j"),
            ("x1y2z3w4v5 = 1", .python, "x1y2z3w4v5"), ("a$b$c$d$e$f$g$h$ ", .javascript, "a$b$c$d$e$f$g$h$"),
            ("naïveté_value(", .python, "naïveté_value"), ("tail_at_the_end", .go, "tail_at_the_end"),
        ]
        for (code, language, expected) in cases {
            let found = tokens(code, language)
            #expect(found.first?.text == expected, "\(code) in \(language)")
        }
    }
}
