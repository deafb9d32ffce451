import Testing

@testable import ForewarmAnalysis

@Test func kotlinGettersWhenAndLizardQuirks() {
    let source = """
        class Shapes(val items: List<Int>) {
            val total: Int
                get() = items.sum()
            fun describe(x: Int?): String = when (x) {
                null -> "none"
                1, 2 -> "small"
                else -> "big"
            }
            fun safe(a: String?): Int {
                val n = a?.length ?: 0
                if (n > 3 && a!!.isNotEmpty()) return n
                items.forEach { item -> if (item > n) println(item) }
                return 0
            }
        }
        """
    // Checked against lizard 1.24.3: each `when` arrow counts, `get() =` is a function; lizard loses `safe`,
    // because the lambda's `->` starts an anonymous function that waits for a `{` that never comes.
    #expect(jvmFunctionSummary(source, .kotlin) == ["3:1", "4:3"])
}
