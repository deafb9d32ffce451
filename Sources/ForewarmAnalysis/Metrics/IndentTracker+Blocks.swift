/// Logical lines open, continue and close blocks; closed blocks fold their scores into their parents.
extension IndentTracker {
    mutating func finishLine(_ context: inout ReadingContext) {
        guard !line.isEmpty else { return }
        defer {
            line.removeAll()
            scoringWords = 0
            depth = 0
        }
        closeBlocks(atOrRightOf: lineColumn, &context)
        let (kind, keywordLength) = classify()
        let parent = blocks.count - 1
        if !continues(kind, blocks[parent].pending) {
            IndentTracker.settle(&blocks[parent])
            if kind != .decorator {
                blocks[parent].statements += 1
                if blocks[parent].statements == 1 { blocks[parent].firstIsIf = line[0].key == "if" }
                if blocks[parent].statements == 2 { blocks[parent].secondIsReturn = line[0].key == "return" }
            }
        }
        let isCase = kind == .plain && line[0].key == "case"
        guard let kind else {
            blocks[parent].score += scoreLine(0..<line.count, skipFirst: false, isCase: false)
            return
        }
        if kind == .decorator {
            decorators += scoreLine(0..<line.count, skipFirst: true, isCase: false)
            return
        }
        var block = Block(kind: kind, column: lineColumn)
        if kind == .function {
            let colon = headerColon()
            block.header = decorators + scoreLine(0..<colon, skipFirst: true, isCase: false)
            block.score = scoreLine(min(colon + 1, line.count)..<line.count, skipFirst: false, isCase: false)
            block.isFirstPlainDef = keywordLength == 1 && blocks[parent].statements == 1
            if let name = defName, let record = defRecord, record != 0, record < context.functions.count,
                context.functions[record].nameStart == name.start
            {
                block.record = record
                block.name = (name.start, name.end)
            }
        } else {
            block.score = scoreLine((keywordLength - 1)..<line.count, skipFirst: true, isCase: isCase)
        }
        decorators = LevelScore()
        defName = nil
        defRecord = nil
        open(block, parent: parent, &context)
    }

    /// Scores `range` of the buffered line. Only `and`, `or` and `if` add to a score, so when the range holds none
    /// that the scorer reads (most lines), it scores 0 without the walk.
    mutating func scoreLine(_ range: Range<Int>, skipFirst: Bool, isCase: Bool) -> LevelScore {
        let skipped = skipFirst && !range.isEmpty && PythonLineScorer.canScore(line[range.lowerBound]) ? 1 : 0
        guard scoringWords > skipped else { return LevelScore() }
        return scorer.score(line.slice(range), skipFirst: skipFirst, isCase: isCase)
    }

    /// The statement kind of the buffered line and how many keyword tokens start it (`async for` has two).
    func classify() -> (Kind?, Int) {
        let second = line.count > 1 ? line[1].key : ""
        switch line[0].key {
        case "if", "elif": return (.ifClause, 1)
        case "else": return (.elseClause, 1)
        case "for", "while": return (.loop, 1)
        case "try": return (.tryClause, 1)
        case "except": return (.except, 1)
        case "finally": return (.finally, 1)
        case "with", "class": return (.plain, 1)
        case "def": return (.function, 1)
        case "@": return (.decorator, 1)
        case "async":
            switch second {
            case "def": return (.function, 2)
            case "for": return (.asyncLoop, 2)
            case "with": return (.plain, 2)
            default: return (nil, 1)
            }
        case "match", "case":
            guard line.count > 1, line[0].kind == .word, !PythonReader.variableNext.contains(line[1].key) else {
                return (nil, 1)
            }
            return headerColon() < line.count ? (.plain, 1) : (nil, 1)
        default:
            return (nil, 1)
        }
    }

    /// Index of the first `:` outside brackets (the end of a compound statement's header), or `line.count`.
    func headerColon() -> Int {
        var depth = 0
        var lambdas = 0
        for index in 0..<line.count where line[index].kind == .symbol || line[index].key == "lambda" {
            let token = line[index]
            switch token.key {
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            case "lambda": if depth == 0 { lambdas += 1 }
            case ":" where depth == 0:
                if lambdas == 0 { return index }
                lambdas -= 1
            default: break
            }
        }
        return line.count
    }

    /// Whether a clause continues the compound statement its parent is reading.
    func continues(_ kind: Kind?, _ pending: Compound) -> Bool {
        switch (kind, pending) {
        case (.ifClause, .ifChain(_, _, let orElse, _)): line[0].key == "elif" && orElse == nil
        case (.elseClause, .ifChain(_, _, let orElse, _)): orElse == nil
        case (.elseClause, .loop(_, let orElse, _)): orElse == nil
        case (.elseClause, .tryChain), (.except, .tryChain), (.finally, .tryChain): true
        default: false
        }
    }

    mutating func open(_ block: Block, parent: Int, _ context: inout ReadingContext) {
        var block = block
        switch block.kind {
        case .ifClause where line[0].key == "if":
            blocks[parent].pending = .ifChain(head: LevelScore(), last: nil, orElse: nil, orElseIsIf: false)
        case .loop:
            blocks[parent].pending = .loop(body: LevelScore(), orElse: nil, counted: true)
        case .asyncLoop:
            blocks[parent].pending = .loop(body: LevelScore(), orElse: nil, counted: false)
        case .tryClause:
            blocks[parent].pending = .tryChain(LevelScore())
        default:
            break
        }
        if block.kind == .function {
            block.nesting = 0
            block.loopDepth = 0
        } else {
            block.nesting = blocks[parent].nesting
            block.loopDepth = blocks[parent].loopDepth
            switch block.kind {
            case .ifClause, .elseClause, .except: block.nesting += 1
            case .loop, .asyncLoop:
                block.nesting += 1
                block.loopDepth += 1
            default: break
            }
            if let function = functionBlocks.last, let record = blocks[function].record {
                if block.kind == .loop || block.kind == .asyncLoop { context.functions[record].structure.loops += 1 }
                context.noteNesting(record, nesting: block.nesting, loopDepth: block.loopDepth)
            }
        }
        blocks.append(block)
        if block.kind == .function { functionBlocks.append(blocks.count - 1) }
    }

    mutating func closeBlocks(atOrRightOf column: Int, _ context: inout ReadingContext) {
        while blocks.count > 1, blocks[blocks.count - 1].column >= column {
            var block = blocks.removeLast()
            if block.kind == .function { functionBlocks.removeLast() }
            IndentTracker.settle(&block)
            fold(block, into: blocks.count - 1, &context)
        }
    }

    mutating func fold(_ block: Block, into parent: Int, _ context: inout ReadingContext) {
        let score = block.score
        switch (block.kind, blocks[parent].pending) {
        case (.ifClause, .ifChain(var head, let last, let orElse, let isIf)):
            if let last { head += LevelScore(k: 0, n: 1, z: 1) + last }
            blocks[parent].pending = .ifChain(head: head, last: score, orElse: orElse, orElseIsIf: isIf)
        case (.elseClause, .ifChain(let head, let last, _, _)):
            let isIf = block.statements == 1 && block.firstIsIf
            blocks[parent].pending = .ifChain(head: head, last: last, orElse: score, orElseIsIf: isIf)
        case (.elseClause, .loop(let body, _, let counted)):
            blocks[parent].pending = .loop(body: body, orElse: score, counted: counted)
        case (.loop, .loop(_, let orElse, let counted)), (.asyncLoop, .loop(_, let orElse, let counted)):
            blocks[parent].pending = .loop(body: score, orElse: orElse, counted: counted)
        case (.tryClause, .tryChain(let sum)), (.elseClause, .tryChain(let sum)), (.finally, .tryChain(let sum)):
            blocks[parent].pending = .tryChain(sum + score)
        case (.except, .tryChain(let sum)):
            blocks[parent].pending = .tryChain(sum + LevelScore(k: 1, n: 1, z: 0) + score.shifted)
        case (.function, _):
            let standalone: Int
            if block.statements == 2, let inner = block.firstDef, block.secondIsReturn {
                standalone = inner  // the package's decorator rule: `def wrapper…; return wrapper`
            } else {
                standalone = score.at(0) + (block.recursive ? 1 : 0)
            }
            if let record = block.record { scores.append((record, standalone)) }
            if block.isFirstPlainDef { blocks[parent].firstDef = standalone }
            blocks[parent].score += (block.header + score).shifted
        default:
            blocks[parent].score += score
        }
    }

    /// Folds a block's unfinished compound statement into its score.
    static func settle(_ block: inout Block) {
        switch block.pending {
        case .none:
            return
        case .ifChain(let head, let last, let orElse, let orElseIsIf):
            guard let last else { break }
            let elifHead = LevelScore(k: 0, n: 1, z: 1)
            block.score += head
            if let orElse {
                block.score +=
                    orElseIsIf
                    ? elifHead + last + orElse : LevelScore(k: 2, n: 1, z: 0) + last.shifted + orElse.shifted
            } else {
                block.score += LevelScore(k: 1, n: 1, z: 0) + last.shifted
            }
        case .loop(let body, let orElse, let counted):
            if !counted {
                block.score += body + (orElse ?? LevelScore())
            } else if let orElse {
                block.score += LevelScore(k: 2, n: 1, z: 0) + body.shifted + orElse.shifted
            } else {
                block.score += LevelScore(k: 1, n: 1, z: 0) + body.shifted
            }
        case .tryChain(let sum):
            block.score += sum
        }
        block.pending = .none
    }
}
