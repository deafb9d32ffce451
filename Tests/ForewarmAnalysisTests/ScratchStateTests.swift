import Testing

@testable import ForewarmAnalysis

/// The analyzer's per-token storage: scratch arrays and the four-word token.
@Suite struct ScratchStateTests {
    /// Counts live instances, to see that a scratch array releases exactly what it holds.
    final class Tracked {
        nonisolated(unsafe) static var live = 0
        let value: Int
        init(_ value: Int) {
            self.value = value
            Tracked.live += 1
        }
        deinit { Tracked.live -= 1 }
    }

    @Test func appendsPastItsCapacityAndKeepsOrder() {
        let array = ScratchArray<Int>(capacity: 2)
        for value in 0..<100 { array.append(value) }
        #expect(array.count == 100)
        #expect((0..<100).allSatisfy { array[$0] == $0 })
        #expect(array.last == 99)
        #expect(Array(array.slice(10..<13)) == [10, 11, 12])
    }

    @Test func writesInPlaceAndRemovesFromTheEnd() {
        let array = ScratchArray<Int>([1, 2, 3, 4, 5])
        array[1] += 40
        #expect(array[1] == 42)
        #expect(array.removeLast() == 5)
        array.removeSuffix(from: 2)
        #expect(array.count == 2)
        #expect(array.last == 42)
        array.removeAll()
        #expect(array.isEmpty)
        #expect(array.last == nil)
        array.append(7)
        #expect(array[0] == 7)
    }

    @Test func releasesEveryElementOnceWhateverRemovedIt() {
        Tracked.live = 0
        do {
            let array = ScratchArray<Tracked>(capacity: 1)
            for value in 0..<50 { array.append(Tracked(value)) }
            #expect(Tracked.live == 50)
            _ = array.removeLast()
            array.removeSuffix(from: 40)
            #expect(Tracked.live == 40)
            array[0] = Tracked(-1)
            #expect(Tracked.live == 40)
            #expect(array[0].value == -1)
        }
        #expect(Tracked.live == 0)
    }

    @Test func aTokenKeepsItsOffsetsAndLinesInFourWords() {
        #expect(MemoryLayout<Token>.size <= 25)
        let limit = Token.maximumOffset
        var token = Token(kind: .string, key: "\"", start: limit - 9, end: limit, line: 1 << 31, innerNewlines: 7)
        #expect(token.start == limit - 9)
        #expect(token.end == limit)
        #expect(token.length == 9)
        #expect(token.line == 1 << 31)
        #expect(token.innerNewlines == 7)
        token.start = 3
        token.end = 11
        token.line = 12
        token.innerNewlines = 0
        #expect((token.start, token.end, token.line, token.innerNewlines) == (3, 11, 12, 0))
        #expect(token.kind == .string)
        #expect(token.key == "\"")
    }

    @Test func packedKeysEqualTheByteByByteKeys() {
        // The lexer packs keys of up to seven bytes from one 8-byte load when eight bytes remain, else byte by
        // byte; both must give the keys literals fold to.
        var source = "if x1 else_ whileLoop ab\u{e9}c i"
        let keys = source.withUTF8 { bytes in
            var lexer = Lexer(source: bytes, language: .python)
            var keys: [TokenKey] = []
            while let token = lexer.next() { keys.append(token.key) }
            return keys
        }
        #expect(keys == ["if", "x1", "else_", TokenKey("whileLoop"), TokenKey("ab\u{e9}c"), "i"])
    }
}
