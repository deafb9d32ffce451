import Testing

@testable import ForewarmAnalysis

@Test func csharpExpressionBodiesTuplesAndNullables() {
    let source = """
        using System;
        namespace Demo {
            public record Point(int X, int Y) {
                public int Sum() => X > 0 ? X + Y : Y;
            }
            class Shapes {
                static (int a, int b) Pair(int x) {
                    if (x > 0 && x < 9) return (x, x);
                    return (0, 0);
                }
                public string Name => name ?? "none";
                int Area(List<int?> xs) {
                    foreach (var x in xs) { if (x?.Value > 1) return 1; }
                    return 0;
                }
            }
        }
        """
    // Checked against lizard 1.24.3: `<int?>` is one token, but `?.` counts its `?`.
    #expect(jvmFunctionSummary(source, .csharp) == ["4:2", "7:3", "12:3"])
}
