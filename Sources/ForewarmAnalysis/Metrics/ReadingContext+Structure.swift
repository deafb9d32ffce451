/// What the structure trackers record in the function records: cognitive increments, a nested function's roll-up,
/// nesting depths, and whether a call names its own function.
extension ReadingContext {
    /// Adds a structural increment (with nesting penalty) to function `index`.
    mutating func addStructural(_ index: Int, nesting: Int) {
        functions[index].structure.cognitive += 1 + nesting
        functions[index].structure.nestedIncrements += 1
    }

    /// Adds a hybrid or fundamental increment (no nesting penalty).
    mutating func addFlat(_ index: Int) {
        functions[index].structure.cognitive += 1
    }

    /// Folds a finished nested function's cognitive score into its parent.
    mutating func rollUp(child: Int, into parent: Int, offset: Int) {
        let childCounts = functions[child].structure
        functions[parent].structure.cognitive += childCounts.cognitive + offset * childCounts.nestedIncrements
        functions[parent].structure.nestedIncrements += childCounts.nestedIncrements
    }

    @inline(__always)
    mutating func noteNesting(_ index: Int, nesting: Int, loopDepth: Int) {
        if nesting > functions[index].structure.maxNesting { functions[index].structure.maxNesting = nesting }
        if loopDepth > functions[index].structure.maxLoopDepth { functions[index].structure.maxLoopDepth = loopDepth }
    }

    /// Whether the token's text equals the simple name (last identifier) of function `index`.
    func isOwnName(_ token: Token, of index: Int) -> Bool {
        // Field by field: copying the whole record would retain its strings and arrays.
        let nameStart = functions[index].nameStart
        let length = functions[index].nameEnd - nameStart
        guard index != 0, length > 0, token.start != nameStart, token.length == length else { return false }
        for offset in 0..<length where source[token.start + offset] != source[nameStart + offset] {
            return false
        }
        return true
    }
}
