import Testing

@testable import ForewarmAnalysis

/// Expected values are lizard 1.24.3's on the same fixtures, quirks included.
private func functions(_ source: String, _ language: Language) -> [String] {
    var analyzer = Analyzer()
    let metrics = analyzer.analyze(source, language: language)
    return metrics.functions.map { "\($0.name)@\($0.startLine)-\($0.endLine):\($0.cyclomatic)" }
}

@Test func javaScriptFunctionsClassesAndObjects() {
    let source = """
        function outer(a, b = 1) {
          const inner = (x) => x ? 1 : 2
          if (a && b || a ?? b) {
            return inner(a)
          }
          for (const k of [1, 2]) { a++ }
          return a?.b?.c
        }
        class Shape {
          constructor(w) { this.w = w || 0 }
          get area() { return this.w > 0 ? this.w : 0 }
          #grow(n) { while (n--) { this.w++ } }
          static make(k) { switch (k) { case 1: return 1; case 2: return 2; default: return 0 } }
        }
        const obj = {
          run: function (x) { return x && x.y },
          stop(y) { if (y) { return 1 } return 0 },
        }
        function tpl(s) {
          switch (s) {
            case `a`: { return 1 }
            default: { throw new Error(`bad ${s}`) }
          }
        }
        function after(z) { return z || 1 }
        function glued(q) { return q?1:0 }
        function assign(o) { o.x ||= 1; o.y &&= 2; return o }
        """
    #expect(
        functions(source, .javascript) == [
            "inner@2-7:7", "outer@1-8:2", "constructor@10-10:2", "get area@11-11:2", "#grow@12-12:2", "run@16-16:2",
            "stop@17-17:2",
        ])
}

@Test func javaScriptTemplateBracesEndTypeSkipsEarly() {
    // lizard's `default: { … ${s} … }` ends its type-annotation skip at the interpolation's `}`, so the
    // template state then swallows the rest of the file into `tpl`.
    let source = """
        function tpl(s) {
          switch (s) {
            case `a`: { return 1 }
            default: { throw new Error(`bad ${s}`) }
          }
        }
        function after(z) { return z || 1 }
        function glued(q) { return q?1:0 }
        function assign(o) { o.x ||= 1; o.y &&= 2; return o }
        function regexes(s) {
          const r = /[(?]/.test(s) ? 1 : 2
          return r / 2 / (s || 1)
        }
        const n = 1.5, m = { [`k`]: 2 }
        function last(p = 3, { q = 4 } = {}) { return p ?? q }
        """
    #expect(functions(source, .javascript) == ["tpl@1-15:8"])
}

@Test func javaScriptTokenQuirks() {
    // `q?1` is one token (no `?` condition); `||=` counts its `||`; `/[(?]/` is a regex after `=`;
    // `1.5` is read as `1 . 5`; binding defaults count.
    let source = """
        function after(z) { return z || 1 }
        function glued(q) { return q?1:0 }
        function assign(o) { o.x ||= 1; o.y &&= 2; return o }
        function regexes(s) {
          const r = /[(?]/.test(s) ? 1 : 2
          return r / 2 / (s || 1)
        }
        const n = 1.5, m = { [`k`]: 2 }
        function last(p = 3, { q = 4 } = {}) { return p ?? q }
        """
    #expect(functions(source, .javascript) == ["after@1-1:2", "regexes@4-7:3", "last@9-9:5", "glued@2-9:3"])
}

@Test func typeScriptSkipsTypesAndInterfaces() {
    let source = """
        interface Point { x: number; y?: number; dist(): number }
        type Handler = (e: Event) => void
        export class Store<T> {
          private items: T[] = []
          add(item: T, force?: boolean): void {
            if (force || !this.items.includes(item)) { this.items.push(item) }
          }
          find(pred: (t: T) => boolean): T | undefined {
            for (const t of this.items) { if (pred(t)) { return t } }
            return undefined
          }
        }
        export function parse(text: string): number {
          const n = Number(text)
          return isNaN(n) ? 0 : n
        }
        const ratio = (a: number, b: number): number => b === 0 ? 0 : a / b
        """
    #expect(functions(source, .typescript) == ["add@5-7:3", "find@8-11:3", "parse@13-16:2", "ratio@17-17:2"])
}

@Test func javaScriptSurvivesDeepNesting() {
    // Past JavaScriptReader.depthLimit the reader stops descending, so this stays linear.
    let depth = 100_000
    let brackets = String(repeating: "(", count: depth) + String(repeating: ")", count: depth)
    let braces = String(repeating: "{", count: depth) + String(repeating: "}", count: depth)
    let defaults = String(repeating: "x = (a = ", count: 20_000) + String(repeating: ")", count: 20_000)
    let source = "function f() {\n" + brackets + "\n" + braces + "\n" + defaults + "\n}\n"
    #expect(functions(source, .javascript).count >= 1)
    #expect(functions(source, .typescript).count >= 1)
}
