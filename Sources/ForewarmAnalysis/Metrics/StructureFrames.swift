/// The per-function state every structure tracker keeps: which function a frame measures, and rolling a
/// nested function's cognitive score into its parent when it ends, shifted by the nesting it sat at.
struct StructureFrame<Block> {
    var function: Int
    /// The parent's nesting when this function began, plus one (Sonar: nested functions add nesting).
    var offset: Int
    var blocks: [Block] = []
    var nesting = 0
    var loopDepth = 0
    /// Logical-operator sequence per parenthesis depth: 0 none, 1 and, 2 or.
    var lastLogical: [UInt8] = [0]

    /// Forgets logical-operator runs at a statement or block boundary (keeps the array's storage).
    mutating func resetLogical() {
        lastLogical.removeAll(keepingCapacity: true)
        lastLogical.append(0)
    }
}

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

/// Shared bookkeeping for switching frames as the reader moves between functions.
struct FrameStack<Block> {
    var frames: [StructureFrame<Block>] = [StructureFrame(function: 0, offset: 0)]
    /// Where each function's frame sits, so finding it is O(1) however many frames are open.
    private var positions: [Int: Int] = [0: 0]

    /// Makes the top frame the one for `context.current`: pushes a frame for a new function, pops (and rolls up)
    /// frames of functions that have ended.
    @inline(__always)
    mutating func sync(_ context: inout ReadingContext) {
        let current = context.current
        if frames[frames.count - 1].function == current { return }
        if let index = positions[current], index < frames.count, frames[index].function == current {
            while frames.count > index + 1 { popFrame(&context) }
        } else {
            let parentNesting = frames[frames.count - 1].nesting
            frames.append(StructureFrame(function: current, offset: parentNesting + 1))
            positions[current] = frames.count - 1
        }
    }

    mutating func popFrame(_ context: inout ReadingContext) {
        let child = frames.removeLast()
        if positions[child.function] == frames.count { positions[child.function] = nil }
        let parent = frames[frames.count - 1].function
        if parent != 0, context.functions[child.function].confirmed {
            context.rollUp(child: child.function, into: parent, offset: child.offset)
        }
    }

    mutating func finish(_ context: inout ReadingContext) {
        while frames.count > 1 { popFrame(&context) }
    }
}
