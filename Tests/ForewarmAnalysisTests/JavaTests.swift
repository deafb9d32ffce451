import Testing

@testable import ForewarmAnalysis

/// "startLine:CCN" of each function, by start line.
func jvmFunctionSummary(_ source: String, _ language: Language) -> [String] {
    var analyzer = Analyzer()
    return analyzer.analyze(source, language: language).functions.sorted { $0.startLine < $1.startLine }
        .map { "\($0.startLine):\($0.cyclomatic)" }
}

@Test func javaNestedBodiesAndWildcards() {
    let source = """
        import java.util.*;

        public class Shapes {
            static { if (DEBUG) init(); }
            private List<? extends Number> values = new ArrayList<>();
            Runnable r = new Runnable() {
                public void run() { if (a && b) go(); }
            };
            public int area(int w, int h) {
                Comparator<String> c = new Comparator<String>() {
                    public int compare(String x, String y) { return x == null ? -1 : 0; }
                };
                for (int i = 0; i < w; i++) { if (i > h) break; }
                return Shapes.class.hashCode() > 0 ? w * h : 0;
            }
            record Point(int x, int y) {
                Point { if (x < 0) throw new IllegalArgumentException(); }
                int sum() { return x + y; }
            }
            enum Kind { A, B; boolean big() { return this == B || this == A; } }
        }
        """
    // Checked against lizard 1.24.3: initializer blocks and record compact constructors are not functions.
    #expect(jvmFunctionSummary(source, .java) == ["7:3", "9:4", "11:2", "18:1", "20:2"])
}
