import Testing

@testable import ForewarmAnalysis

/// lizard's Python reader: function boundaries by indentation, nested names, soft keywords, f-strings, and the
/// quirk that a continuation line indented less than the body ends the function.
private let readerFixture = """
    def outer(a, b=1):
        if a and b:
            return 1
        def inner(x):
            for i in x:
                if i:
                    pass
            return x
        return inner


    class K:
        def method(self, v):
            match v:
                case 1:
                    return "a"
                case [x, y] if x:
                    return "b"
            case = 3
            return f"{v if v else 0}"

        def typed[T](self, f: Callable[[int], T] = lambda q: q, *, d={1: 2}) -> T:
            while self.go(
        d):
                d = d or f
            return d
    """

/// Cognitive complexity as the `cognitive_complexity` package scores these functions.
private let cognitiveFixture = """
    def chain(a, b):
        if a:
            x = 1
        elif b:
            x = 2
        else:
            x = 3
        return x


    def loops(items):
        for item in items:
            if item:
                continue
        else:
            pass
        while items and not items[0] or len(items) > 3:
            items.pop()
        try:
            pass
        except ValueError:
            if items:
                raise
        return [i for i in items if i and i > 0]


    def expressions(a, b, c):
        value = a if b else (c if a else b)
        key = lambda k: k if k else None
        return value, key, (a or (b if c else a))


    def decorator(func):
        def wrapper(*args):
            if args:
                return func(*args)
            return None
        return wrapper


    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)


    async def fetch(session):
        async for row in session:
            if row:
                yield row
    """

private func summary(_ source: String) -> [String] {
    var analyzer = Analyzer()
    return analyzer.analyze(source, language: .python).functions.map {
        "\($0.name)@\($0.startLine)-\($0.endLine) nloc \($0.lines.code) ccn \($0.cyclomatic)"
    }
}

@Test func pythonFunctionsAgreeWithLizard() {
    #expect(
        summary(readerFixture) == [
            "outer.inner@4-8 nloc 5 ccn 3",
            "outer@1-9 nloc 5 ccn 3",
            "method@13-20 nloc 8 ccn 5",
            "typed@22-23 nloc 2 ccn 2",
        ])
    #expect(
        summary(cognitiveFixture) == [
            "chain@1-8 nloc 8 ccn 3",
            "loops@11-24 nloc 14 ccn 11",
            "expressions@27-30 nloc 4 ccn 6",
            "decorator.wrapper@34-37 nloc 4 ccn 2",
            "decorator@33-38 nloc 3 ccn 1",
            "fact@41-42 nloc 2 ccn 2",
            "fetch@45-48 nloc 4 ccn 3",
        ])
}

@Test func pythonCognitiveAgreesWithThePackage() {
    var analyzer = Analyzer()
    let functions = analyzer.analyze(cognitiveFixture, language: .python).functions
    let scores = Dictionary(functions.map { ($0.name, $0.cognitive) }, uniquingKeysWith: { first, _ in first })
    #expect(
        scores == [
            "chain": 3, "loops": 11, "expressions": 6, "decorator.wrapper": 1, "decorator": 1, "fact": 2, "fetch": 1,
        ])
}

@Test func pythonDocstringsAndTripleQuotedStatementsAreNotCode() {
    let source = """
        def f(a):
            \"\"\"Doc
            more.\"\"\"
            x = a
            \"\"\"note\"\"\"
            y = '''kept'''
            return x

        """
    #expect(summary(source) == ["f@1-7 nloc 4 ccn 1"])
}

@Test func pythonSurvivesDeepNestingAndBrokenInput() {
    var analyzer = Analyzer()
    let brackets = "def f():\n    x = " + String(repeating: "(", count: 100_000) + "\n"
    #expect(analyzer.analyze(brackets, language: .python).functions.count == 1)
    var deep = "def g(x):\n"
    for level in 1...2_000 { deep += String(repeating: " ", count: level) + "if x:\n" }
    #expect(analyzer.analyze(deep, language: .python).functions.first?.cyclomatic == 2_001)
    let broken = "def h(a, f'{x if y else z', case(:\n\tmatch [\n case (a, b) if a:\n  '''"
    _ = analyzer.analyze(broken, language: .python)
}
