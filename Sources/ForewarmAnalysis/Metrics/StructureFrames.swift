/// The per-function state every structure tracker keeps: which function a frame measures, and rolling a
/// nested function's cognitive score into its parent when it ends, shifted by the nesting it sat at.
///
/// A frame is plain data: its open blocks and logical-operator runs live in the ``FrameStack``'s flat stacks from
/// `blockBase` and `logicalBase` on, so reading or updating the top frame copies no arrays.
struct StructureFrame {
    var function: Int
    /// The parent's nesting when this function began, plus one (Sonar: nested functions add nesting).
    var offset: Int
    var nesting = 0
    var loopDepth = 0
    /// Where this frame's entries start in the stack's `blocks` and `logical`.
    var blockBase: Int
    var logicalBase: Int
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

/// Shared bookkeeping for switching frames as the reader moves between functions, and the open blocks and
/// logical-operator runs of each frame, in two flat stacks (the top frame's entries are on top).
struct FrameStack<Block> {
    private(set) var frames: [StructureFrame] = [StructureFrame(function: 0, offset: 0, blockBase: 0, logicalBase: 0)]
    /// Open blocks of every frame, innermost last.
    private var blocks: [Block] = []
    /// Logical-operator sequence per parenthesis depth (0 none, 1 and, 2 or); each frame starts with one entry.
    private var logical: [UInt8] = [0]
    /// Where each function's frame sits, so finding it is O(1) however many frames are open.
    private var positions: [Int: Int] = [0: 0]

    /// The current function's frame.
    var top: StructureFrame {
        get { frames[frames.count - 1] }
        _modify { yield &frames[frames.count - 1] }
    }

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
            let frame = StructureFrame(
                function: current, offset: parentNesting + 1, blockBase: blocks.count, logicalBase: logical.count)
            frames.append(frame)
            logical.append(0)
            positions[current] = frames.count - 1
        }
    }

    mutating func popFrame(_ context: inout ReadingContext) {
        let child = frames.removeLast()
        blocks.removeSubrange(child.blockBase...)
        logical.removeSubrange(child.logicalBase...)
        if positions[child.function] == frames.count { positions[child.function] = nil }
        let parent = frames[frames.count - 1].function
        if parent != 0, context.functions[child.function].confirmed {
            context.rollUp(child: child.function, into: parent, offset: child.offset)
        }
    }

    mutating func finish(_ context: inout ReadingContext) {
        while frames.count > 1 { popFrame(&context) }
    }

    // MARK: The top frame's blocks

    /// The innermost open block of the top frame, if any.
    var lastBlock: Block? { blocks.count > top.blockBase ? blocks[blocks.count - 1] : nil }

    mutating func pushBlock(_ block: Block) { blocks.append(block) }

    /// Closes the top frame's innermost block, if it has one.
    mutating func popBlock() -> Block? { blocks.count > top.blockBase ? blocks.removeLast() : nil }

    // MARK: The top frame's logical-operator runs

    /// The run at the current parenthesis depth: 0 none, 1 `and`, 2 `or`.
    var logicalRun: UInt8 {
        get { logical[logical.count - 1] }
        set { logical[logical.count - 1] = newValue }
    }

    /// A `(`: a new depth whose run starts empty.
    mutating func openParenthesis() { logical.append(0) }

    /// A `)`: back to the enclosing depth (the frame's outermost depth is never dropped).
    mutating func closeParenthesis() {
        if logical.count - 1 > top.logicalBase { logical.removeLast() }
    }

    /// Forgets the frame's runs at every depth, at a block boundary.
    mutating func resetLogical() {
        let base = top.logicalBase
        if logical.count > base + 1 { logical.removeSubrange((base + 1)...) }
        logical[base] = 0
    }
}
