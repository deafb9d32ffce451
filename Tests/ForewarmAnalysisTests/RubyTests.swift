import Testing

@testable import ForewarmAnalysis

/// Functions of a Ruby snippet as (name, start line, CCN, cognitive).
private func ruby(_ source: String) -> [(String, Int, Int, Int)] {
    var analyzer = Analyzer()
    return analyzer.analyze(source, language: .ruby).functions.map {
        ($0.name, $0.startLine, $0.cyclomatic, $0.cognitive)
    }
}

@Test func rubyMethodsAndConditions() {
    let functions = ruby(
        """
        class Shape
          def area(w, h)
            return 0 if w.nil? || h.nil?
            w * h
          end

          def self.kind
            @kind ||= :shape
          end
        end
        """)
    #expect(functions.map(\.0) == ["area", "self.kind"])
    #expect(functions.map(\.2) == [3, 2])  // `if`, `||`; lizard reads `||=` as `||` then `=`
}

@Test func rubyBlocksAndModifiersFollowLizard() {
    let functions = ruby(
        """
        def scan(list)
          list.each do |x|
            next unless x
            case x
            when 1 then puts :one
            end
          end
          while busy?
            sleep 1
          end
          { if: 1, for: 2 }
        end
        def after
          1
        end
        """)
    // `:one` and `if:` are words, `unless` is no condition; lizard's `case` opens no block, so its `end`
    // closes the `do` block and the block's `end` closes `scan` early.
    #expect(functions.map(\.1) == [1, 13])
    #expect(functions.first?.2 == 2)  // `when`; the `while` after the early end belongs to the file
}

@Test func rubyCognitiveComplexity() {
    let functions = ruby(
        """
        def walk(items)
          items.each do |item|
            if item > 0 && item < 10 || item == 42
              puts item
            elsif item < 0
              puts "neg"
            else
              puts "zero"
            end
          end
          return 1 if items.empty?
          while true
            break unless ready
          end
        end
        """)
    // each block nests; if +2, `&& ||` +2, elsif +1, else +1, modifier if +1, while +1, nested modifier unless +2.
    #expect(functions.first?.3 == 10)
}

@Test func rubyRescueAndTernary() {
    let functions = ruby(
        """
        def load(path)
          begin
            File.read(path)
          rescue IOError
            retry if tries > 0 ? true : false
          end
        end
        """)
    // rescue +1 (CCN +1), if +1, ternary +1 (CCN +1 for `?`).
    #expect(functions.first?.2 == 4)
    #expect(functions.first?.3 == 3)
}

@Test func rubyInterpolationAndPercentLiteralsFollowLizard() {
    let functions = ruby(
        """
        def label(x)
          names = %w[it if for]
          "value: #{x > 0 ? "pos" : "neg"} (#{names.size})"
        end
        """)
    // lizard reads the interpolated code (its `?` counts) and `%w[…]` as one token (its words do not).
    #expect(functions.map(\.2) == [2])
}
