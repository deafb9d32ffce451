import Testing
@testable import ForewarmAnalysis

@Test func cFunctionIsFound() {
    var analyzer = Analyzer()
    let metrics = analyzer.analyze("int f(int a, int b) {\n  if (a && b) return 1;\n  return a ? 2 : 3;\n}\n", language: .c)
    #expect(metrics.functions.count == 1)
    #expect(metrics.functions.first?.cyclomatic == 4)
}
