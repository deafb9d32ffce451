import Testing

@testable import ForewarmAnalysis

private func complexities(_ source: String, _ language: Language) -> [Int] {
    var analyzer = Analyzer()
    return analyzer.analyze(source, language: language).functions.map(\.cyclomatic)
}

@Test func goDeclarationsLiteralsAndFunctionTypes() {
    let source = """
        package p
        type Handler func(a int) bool
        var check = func(x int) bool { return x > 0 && x < 9 }
        func (r *T) Run(xs []int) int {
            f := func() { if r == nil { return } }
            for _, x := range xs { if x > 0 { f() } }
            return 0
        }
        """
    #expect(complexities(source, .go) == [2, 2, 3])
}

@Test func rustMatchArmsLetElseAndQuestionMark() {
    let source = """
        fn f(x: Option<i32>) -> Result<i32, E> {
            let Some(y) = x else { return Err(E) };
            let z = match y { 0 => 1, 1 => 2, _ => 3 };
            if z > 1 { Ok(g()?) } else { Ok(0) }
        }
        """
    // 1 + else(let) + 2 arms + if + ?
    #expect(complexities(source, .rust) == [6])
}

@Test func rustCharLiteralsAreLexedAsCharacters() {
    // Forewarm differs from lizard on purpose here: lizard reads `'a'` as the lifetime `'a` and a quote, which
    // swallows the arms up to the next quote (it reports 2). Every arm after the first counts: 1 + 2.
    let source =
        "fn f(c: char) -> u8 {\n    match c {\n        'a' => 1,\n        'b' => 2,\n        _ => 0,\n    }\n}\n"
    #expect(complexities(source, .rust) == [3])
}

@Test func phpInlineHTMLClassesAndClosures() {
    let source = """
        <p>if for while ?</p>
        <?php
        class A {
            public function m($a, $b): int { return $a ?: ($b ? 1 : 2); }
        }
        $f = function ($x) use ($y) { return $x ?? $y; };
        ?>
        <p>for</p>
        """
    #expect(complexities(source, .php) == [2, 1])
}
