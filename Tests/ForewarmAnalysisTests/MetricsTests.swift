import Foundation
import Testing

@testable import ForewarmAnalysis

@Suite struct MetricsTests {
    @Test func cyclomaticAndParametersAsLizardCounts() throws {
        let file = analyze("int f(int a, int b) {\n  if (a && b) return 1;\n  return a ? 2 : 3;\n}\n", .c)
        let function = try #require(file.functions.first)
        #expect(function.name == "f")
        #expect(function.cyclomatic == 4)
        #expect(function.parameters == 2)
        #expect(function.tokens == 26)
        #expect(function.startLine == 1 && function.endLine == 4)
    }

    @Test func cognitiveComplexityFollowsSonar() throws {
        // for (+1) > if (+2, nested) > else if (+1) > else (+1); && || (+2); recursion (+1)
        let source = """
            int g(int n) {
                for (int i = 0; i < n; i++) {
                    if (i % 2 && n || i) {
                        g(i);
                    } else if (i == 3) {
                        return 1;
                    } else {
                        return 2;
                    }
                }
                return 0;
            }
            """
        let function = try #require(analyze(source, .c).functions.first)
        #expect(function.cognitive == 1 + 2 + 1 + 1 + 2 + 1)
        #expect(function.structure.maxNesting == 2)
        #expect(function.structure.maxLoopDepth == 1)
        #expect(function.structure.loops == 1)
        #expect(function.structure.recursiveCalls == 1)
        #expect(function.isRecursive)
    }

    @Test func doWhileIsOneLoopAndLoopsNest() throws {
        let source = "void h() { do { for (;;) { while (x) { y(); } } } while (z); }"
        let function = try #require(analyze(source, .c).functions.first)
        #expect(function.structure.loops == 3)
        #expect(function.structure.maxLoopDepth == 3)
        #expect(function.cognitive == 1 + 2 + 3)
    }

    @Test func halsteadCountsOperatorsAndOperands() throws {
        // Operators: int ( ) { return + ; } → distinct 8; operands: f a b → a, b twice.
        let function = try #require(analyze("int f(a, b) { return a + b; }", .c).functions.first)
        #expect(function.halstead.distinctOperands == 2)  // `f` belongs to the enclosing scope, as in lizard
        #expect(function.halstead.totalOperands == 4)
        #expect(function.halstead.distinctOperators == 8)
        let expectedVolume = Double(function.halstead.length) * log2(Double(function.halstead.vocabulary))
        #expect(abs(function.halstead.volume - expectedVolume) < 1e-9)
    }

    @Test func numberedAndUnnumberedOperatorsCountAlike() throws {
        // Keywords, the language's symbols and ASCII punctuation are numbered operators (counted in bit sets); a
        // word no table knows is an operand (hash table). A function's operators are its own, the file's the union.
        let table = Vocabulary.table(for: .c)
        #expect(table.entry("if").operator != KeywordTable.noOperator)
        #expect(table.entry("+=").operator != KeywordTable.noOperator)
        #expect(table.entry("+").operator != table.entry("+=").operator)
        #expect(table.entry("total").operator == KeywordTable.noOperator)
        #expect(table.entry("if").traits.contains(.branch))
        let file = analyze("int f(a) { a += 1; a += 2; return a; }\nint g(b) { if (b) b += 1; return b; }\n", .c)
        let f = try #require(file.functions.first { $0.name == "f" })
        let g = try #require(file.functions.first { $0.name == "g" })
        // `int` and the names belong to the file's scope. f: ( ) { += ; += ; return ; } → 7 distinct of 10;
        // g: ( ) { if ( ) += ; return ; } → 8 distinct of 11; the file: their union and `int`, 9.
        #expect(f.halstead.distinctOperators == 7 && f.halstead.totalOperators == 10)
        #expect(g.halstead.distinctOperators == 8 && g.halstead.totalOperators == 11)
        #expect(file.halstead.distinctOperators == 9)

        var set = OperatorSet()
        #expect(set.insert(3) == 1 && set.insert(3) == 0 && set.insert(200) == 1 && set.insert(67) == 1)
        #expect(set.insert(200) == 0 && set.insert(255) == 1 && set.insert(255) == 0)
    }

    @Test func lineCountsAddUp() {
        let file = analyze("// c\n\nint f() {\n  /* a\n     b */\n  return 1;\n}\n", .c)
        #expect(file.lines == LineCounts(total: 7, code: 3, comment: 3, blank: 1))
    }

    @Test(arguments: [
        ("for i in range(10**7):\n    pass\n", Language.python, 7.0),
        ("x = 1e9\n", .python, 9.0),
        ("int n = 1 << 20;", .c, 20 * log10(2.0)),
        ("let big = 0xFFFF;", .swift, log10(65535.0)),
    ])
    func largestLiteralIsEvaluated(source: String, language: Language, expected: Double) {
        #expect(abs(analyze(source, language).hints.maxLiteralLog10 - expected) < 1e-6)
    }

    @Test func sizeLiteralsAllocationsAndHeavyImports() {
        let hints = analyze("import numpy as np\nxs = [0] * 1000000\nfor i in range(5000):\n    pass\n", .python).hints
        #expect(hints.heavyImports == ["numpy"])
        #expect(hints.allocations >= 2)
        #expect(hints.sizeLiterals >= 2)
        #expect(abs(hints.maxSizeLiteralLog10 - 6) < 1e-9)
    }

    @Test func fileTotalsIncludeCodeOutsideFunctions() {
        let file = analyze("int x = a && b ? 1 : 2;\nint f() { if (x) return 1; return 0; }\n", .c)
        #expect(file.functions.count == 1)
        #expect(file.cyclomatic >= 2)
    }
}
