/// A block a structure tracker opens: whether it adds a level of nesting, and of loop nesting.
protocol StructureBlock: Equatable {
    var nests: Bool { get }
    var loops: Bool { get }
}

/// The per-function frames of a structure tracker (``BraceTracker``, ``KeywordBlockTracker``): which function each
/// measures, its open blocks and logical-operator runs, and rolling a nested function's cognitive score into its
/// parent when it ends, shifted by the nesting it sat at.
///
/// Laid out for the per-token path: the innermost frame is a stored value, and the frames' open blocks and
/// logical-operator runs share two stacks instead of each frame owning arrays. Reading the innermost frame so costs
/// no bounds or uniqueness check, and entering or leaving a function allocates nothing.
struct FrameStack<Block: StructureBlock> {
    struct Frame {
        var function: Int
        /// The parent's nesting when this function began, plus one (Sonar: nested functions add nesting).
        var offset: Int
        var nesting = 0
        var loopDepth = 0
        /// Where the frame's open blocks begin in `blocks`.
        var blockBase: Int
        /// Where the frame's outer logical-operator runs begin in `outerLogical`.
        var logicalBase: Int
        /// The frame's innermost run while a nested function's frame is above it.
        var savedLogical: UInt8 = 0
    }

    /// The frame of the function being read.
    private(set) var top = Frame(function: 0, offset: 0, blockBase: 0, logicalBase: 0)
    /// The frames below `top`, outermost first.
    private var below = ScratchArray<Frame>()
    /// Open blocks of every frame, each frame's above its parent's.
    private var blocks = ScratchArray<Block>(capacity: 32)
    /// Logical-operator run per parenthesis depth (0 none, 1 and, 2 or), innermost depth of the top frame in
    /// `logical`, the outer depths of every frame in `outerLogical`.
    var logical: UInt8 = 0
    private var outerLogical = ScratchArray<UInt8>(capacity: 32)
    /// Position of each function's frame (`below.count` for `top`), -1 for none: finding it is O(1) however
    /// many frames are open.
    private var positions = ScratchArray<Int>([0])

    /// Makes `top` the frame for `context.current`: pushes a frame for a new function, pops (and rolls up)
    /// frames of functions that have ended.
    @inline(__always)
    mutating func sync(_ context: inout ReadingContext) {
        if top.function != context.current { switchFrame(&context) }
    }

    private mutating func switchFrame(_ context: inout ReadingContext) {
        let current = context.current
        let index = current < positions.count ? positions[current] : -1
        if index >= 0, index < below.count, below[index].function == current {
            while below.count > index { popFrame(&context) }
        } else {
            top.savedLogical = logical
            let parentNesting = top.nesting
            below.append(top)
            top = Frame(
                function: current, offset: parentNesting + 1, blockBase: blocks.count, logicalBase: outerLogical.count)
            logical = 0
            while positions.count <= current { positions.append(-1) }
            positions[current] = below.count
        }
    }

    private mutating func popFrame(_ context: inout ReadingContext) {
        let child = top
        top = below.removeLast()
        logical = top.savedLogical
        blocks.removeSuffix(from: child.blockBase)
        outerLogical.removeSuffix(from: child.logicalBase)
        if positions[child.function] == below.count + 1 { positions[child.function] = -1 }
        if top.function != 0, context.functions[child.function].confirmed {
            context.rollUp(child: child.function, into: top.function, offset: child.offset)
        }
    }

    mutating func finish(_ context: inout ReadingContext) {
        while !below.isEmpty { popFrame(&context) }
    }

    // MARK: The top frame

    /// How many frames are open (the file's included).
    var depth: Int { below.count + 1 }

    /// The innermost open block of the top frame, if any.
    var lastBlock: Block? { blocks.count > top.blockBase ? blocks[blocks.count - 1] : nil }

    /// Opens a block in the top frame and forgets its logical-operator runs.
    mutating func openBlock(_ kind: Block) {
        blocks.append(kind)
        if kind.nests { top.nesting += 1 }
        if kind.loops { top.loopDepth += 1 }
        resetLogical()
    }

    /// Closes the top frame's innermost block and forgets its logical-operator runs; nil (and nothing forgotten)
    /// when it has no block open.
    mutating func closeBlock() -> Block? {
        guard blocks.count > top.blockBase else { return nil }
        let kind = blocks.removeLast()
        if kind.nests { top.nesting -= 1 }
        if kind.loops { top.loopDepth -= 1 }
        resetLogical()
        return kind
    }

    mutating func openParenthesis() {
        outerLogical.append(logical)
        logical = 0
    }

    mutating func closeParenthesis() {
        if outerLogical.count > top.logicalBase { logical = outerLogical.removeLast() }
    }

    /// Forgets logical-operator runs at a block boundary.
    mutating func resetLogical() {
        if outerLogical.count > top.logicalBase { outerLogical.removeSuffix(from: top.logicalBase) }
        logical = 0
    }
}
