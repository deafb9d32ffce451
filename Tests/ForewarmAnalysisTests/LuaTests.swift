import Testing

@testable import ForewarmAnalysis

/// Functions of a Lua snippet as (name, start line, CCN, cognitive).
private func lua(_ source: String) -> [(String, Int, Int, Int)] {
    var analyzer = Analyzer()
    return analyzer.analyze(source, language: .lua).functions.map {
        ($0.name, $0.startLine, $0.cyclomatic, $0.cognitive)
    }
}

@Test func luaFunctionForms() {
    let functions = lua(
        """
        local function add(a, b)
          return a + b
        end
        M.scale = function(v, k)
          if k then return v * k end
          return v
        end
        function M.sum(t)
          local s = 0
          for i = 1, 10 do s = s + t[i] end
          return s
        end
        """)
    #expect(functions.map(\.1) == [1, 4, 8])
    #expect(functions.map(\.2) == [1, 2, 2])
}

@Test func luaLengthOperatorIsAnOperator() {
    let functions = lua(
        """
        function f(t)
          local n = #t and 1 or 2
          if n > 0 and n < 3 then return n end
        end
        """)
    // Forewarm differs from lizard on purpose: lizard reads `#t and 1 or 2` as one token (it reports 3);
    // `#` is Lua's length operator, so `and`, `or`, `if` and `and` all count.
    #expect(functions.first?.2 == 5)
}

@Test func luaCognitiveComplexity() {
    let functions = lua(
        """
        function search(t, x)
          for i = 1, 10 do
            if t[i] == x then
              return i
            elseif t[i] == nil then
              break
            else
              goto continue
            end
            ::continue::
          end
          repeat
            x = x - 1
          until x < 0 or x == 5 and t
          return nil
        end
        """)
    // for +1, nested if +2, elseif +1, else +1, goto +1, repeat +1, `or … and` +2.
    #expect(functions.first?.3 == 9)
}

@Test func luaNestedFunctionRollsUp() {
    let functions = lua(
        """
        function outer(list)
          table.sort(list, function(a, b)
            if a then return true end
            return false
          end)
        end
        """)
    let outer = functions.first { $0.0 == "outer" }
    let inner = functions.first { $0.0 != "outer" }
    #expect(inner?.3 == 1)
    #expect(outer?.3 == 2)  // the closure's `if` sits one level deeper inside `outer`
}
