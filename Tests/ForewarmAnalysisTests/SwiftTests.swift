import Testing

@testable import ForewarmAnalysis

@Test func swiftAccessorsOptionalsLabelsAndDirectives() {
    let source = """
        struct Stack<T> {
            var items: [T] = []
            var top: T? { get { return items.isEmpty ? nil : items.last } }
            var count: Int {
                get { items.count }
                set(newValue) { if newValue < 0 || newValue > 9 { return } }
            }
            init?(size: Int) {
                if size < 0 { return nil }
            }
            func find(for key: T, in list: [T]?) -> Int? {
                guard let list = list else { return nil }
                #if DEBUG && TRACE
                print(list.first?.description ?? "none")
                #endif
                return list.isEmpty ? nil : lookup(for: key, if: true)
            }
        }
        protocol Shape { func area() -> Double }
        """
    // Checked against lizard 1.24.3: postfix `?` and `#if` lines count nothing, `for:`/`if:` labels are not
    // conditions but `for key:` is, and protocol requirements are not functions.
    #expect(jvmFunctionSummary(source, .swift) == ["3:2", "5:1", "6:3", "8:2", "11:4"])
}
