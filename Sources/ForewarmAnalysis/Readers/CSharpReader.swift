/// C#: a port of lizard's `CSharpReader` (csharp.py): the C-like function states, plus class declarations
/// (whose primary-constructor parameters are skipped) and expression-bodied members (`name(…) => expr;`).
struct CSharpReader: LanguageReader {
    enum State { case global, clike, classDeclaration, primaryConstructor }

    var state = State.global
    var functions = CLikeFunctionStates()
    var nesting = CLikeNestingStates()
    /// lizard's `br_count` for the primary-constructor state.
    var bracketCount = 0
    var hasClassName = false
    var inPrimaryConstructor = false

    init() {
        functions.hosted = true
        functions.expressionBodies = true
        functions.detectsLambdas = false
    }

    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        readFunctions(token, &context)
        // Tokens the C-like states saved and now read again (`_state_old_c_params`), without recursion.
        if !functions.replay.isEmpty {
            var queue = functions.replay
            functions.replay.removeAll()
            var index = 0
            while index < queue.count {
                readFunctions(queue[index], &context)
                if !functions.replay.isEmpty {
                    queue.insert(contentsOf: functions.replay, at: index + 1)
                    functions.replay.removeAll()
                }
                index += 1
            }
        }
        nesting.read(token, &context)
    }

    mutating func readFunctions(_ token: Token, _ context: inout ReadingContext) {
        switch state {
        case .global:
            global(token, &context)
        case .clike:
            functions.read(token, &context)
            if let handoff = functions.handoff {
                functions.handoff = nil
                state = .global
                global(handoff, &context)
            } else if functions.state == .global {
                state = .global
            }
        case .classDeclaration:
            if token.key == "(" {
                inPrimaryConstructor = true
                state = .primaryConstructor
            } else if token.key == "{" {
                state = .global
            } else if isLetter(token, context.source) {
                hasClassName = true
            }
        case .primaryConstructor:
            // read_inside_brackets_then("()", "_state_class_declaration"); the `(` itself was not counted.
            if token.key == "(" { bracketCount += 1 } else if token.key == ")" { bracketCount -= 1 }
            inPrimaryConstructor = false
            if bracketCount == 0 { state = .classDeclaration }
        }
    }

    mutating func global(_ token: Token, _ context: inout ReadingContext) {
        switch token.key {
        case "class", "struct", "record":
            hasClassName = false
            state = .classDeclaration
        default:
            // CLikeStates._state_global (no lambda detection: CSharpStates has a `class_name`).
            guard token.kind == .word, !inPrimaryConstructor, token.start < context.source.count else { return }
            let byte = context.source[token.start]
            guard isLetter(token, context.source) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") else {
                return
            }
            context.tryNewFunction(token)
            functions.state = token.key == "operator" ? .operator : .function
            state = .clike
        }
    }

    /// Python's `token[0].isalpha()` (non-ASCII bytes count as letters).
    /// Takes the source, not the reading context: passing the `inout` context by value copied it per token.
    func isLetter(_ token: Token, _ source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.start < source.count else { return false }
        let byte = source[token.start]
        return (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= 0x80
    }
}
