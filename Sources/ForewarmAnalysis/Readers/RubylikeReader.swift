/// Ruby and Lua: a port of lizard's `RubylikeStateMachine` (rubylike.py) and `LuaStateMachine` (lua.py).
///
/// lizard opens a cloned state machine (`sub_state`) for every block and lets the clone run until it reads the
/// `end` or `}` that closes it; here each clone is a frame on an explicit stack, and only the top frame reads.
/// Quirks kept on purpose: `case`/`until` blocks open no frame (their `end` closes the enclosing one), a
/// `while`/`for` body starts with (and swallows) the first token of the next line, and `it` waits for a block.
struct RubylikeStates {
    enum State: UInt8 {
        case global, def, it, defContinue, defClassMethod, defParameters, ifHeader, forWhile
        case assigning, anonymousDef
        /// Delegating to the frame above.
        case child
    }

    struct Frame {
        var state = State.global
        var saved = State.global
        /// lizard's callback: the frame above is a function body, so end the function when it returns.
        var endsFunction = false
        var exiting = false
        /// The last token this machine read (nil before its first, like lizard's `last_token = None`).
        var last: Token? = nil
        /// Lua: the token before a possible `= function`.
        var probableName: Token? = nil
    }

    let lua: Bool
    var frames = ScratchArray<Frame>([Frame()])
    /// Line on which the previous code token ended, for lizard's `context.newline`.
    var previousEndLine = 0
    var newline = true

    init(lua: Bool) {
        self.lua = lua
    }

    mutating func read(_ token: Token, _ context: inout ReadingContext) {
        newline = token.line > previousEndLine || token.innerNewlines > 0
        previousEndLine = token.line + token.innerNewlines
        let top = frames.count - 1
        if call(top, token, &context), top > 0 {
            returnFromChild(top - 1, &context)
            frames[top - 1].last = token
        }
    }

    /// lizard's `CodeStateMachine.__call__` for the machine of frame `index`; true when it returned.
    mutating func call(_ index: Int, _ token: Token, _ context: inout ReadingContext) -> Bool {
        handle(index, token, &context)
        frames[index].last = token
        return frames[index].exiting
    }

    mutating func returnFromChild(_ index: Int, _ context: inout ReadingContext) {
        frames.removeSuffix(from: index + 1)
        frames[index].state = frames[index].saved
        if frames[index].endsFunction {
            frames[index].endsFunction = false
            context.endOfFunction()
            frames[index].state = .global
        }
    }

    /// lizard's `sub_state(statemachine_clone(), callback, token)`.
    mutating func subState(
        _ index: Int, endsFunction: Bool = false, _ token: Token? = nil,
        _ context: inout ReadingContext
    ) {
        frames[index].saved = frames[index].state
        frames[index].endsFunction = endsFunction
        frames[index].state = .child
        frames.append(Frame())
        if let token, call(index + 1, token, &context) {
            returnFromChild(index, &context)
        }
    }

    func isNewline(_ index: Int) -> Bool {
        newline || frames[index].last?.key == ";"
    }

    mutating func handle(_ index: Int, _ token: Token, _ context: inout ReadingContext) {
        switch frames[index].state {
        case .global: global(index, token, &context)
        case .def: def(index, token, &context)
        case .it:
            if token.key == "do" || token.key == "{" {
                if let name = frames[index].last {
                    context.pushNewFunction(name)
                } else {
                    context.pushNewFunction(named: "(anonymous)")
                }
                frames[index].state = .defContinue
            }
        case .defContinue:
            switch token.key {
            case ".":
                context.addToFunctionName(".")
                frames[index].state = .defClassMethod
            case "(":
                frames[index].state = .defParameters
            default:
                subState(index, endsFunction: true, token, &context)
            }
        case .defClassMethod:
            context.addToFunctionName(token)
            frames[index].state = .defContinue
        case .defParameters:
            if token.key == ")" {
                frames[index].state = .defContinue
            } else {
                context.parameter(token)
            }
        case .ifHeader:
            if isNewline(index) {
                frames[index].state = .global
                global(index, token, &context)
            } else if token.key == "then" {
                frames[index].state = .global
                subState(index, nil, &context)
            }
        case .forWhile:
            if isNewline(index) || token.key == "do" {
                frames[index].state = .global
                if token.key != "end" { subState(index, nil, &context) }
            }
        case .assigning:
            if token.key == "function" {
                frames[index].state = .anonymousDef
            } else {
                frames[index].state = .global
                global(index, token, &context)
            }
        case .anonymousDef:
            if token.key != "(" {
                frames[index].state = .def
                def(index, token, &context)
            } else {
                if let name = frames[index].probableName {
                    context.pushNewFunction(name)
                } else {
                    context.pushNewFunction(named: "(anonymous)")
                }
                frames[index].state = .defParameters
            }
        case .child:
            break  // only the top frame reads
        }
    }

    mutating func global(_ index: Int, _ token: Token, _ context: inout ReadingContext) {
        if lua {
            if token.key == "=" {
                frames[index].state = .assigning
                return
            }
            frames[index].probableName = token
        }
        switch token.key {
        case "end", "}":
            frames[index].exiting = true
        case "def" where !lua, "function" where lua:
            frames[index].state = .def
        case "it":
            frames[index].state = .it
        case "begin", "do", "class", "module", "{":
            if frames[index].last?.key != "." { subState(index, nil, &context) }
        case "while", "for":
            if isNewline(index) { frames[index].state = .forWhile }
        case "if", "unless":
            if isNewline(index) {
                subState(index, nil, &context)
            } else {
                frames[index].state = .ifHeader
            }
        default:
            break
        }
    }

    mutating func def(_ index: Int, _ token: Token, _ context: inout ReadingContext) {
        if token.key == "(" {
            context.pushNewFunction(named: "(anonymous)")
            frames[index].state = .defParameters
        } else {
            context.pushNewFunction(token)
            frames[index].state = .defContinue
        }
    }
}

/// Ruby: lizard's `RubyReader`.
struct RubyReader: LanguageReader {
    var states = RubylikeStates(lua: false)

    init() {}

    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        states.read(token, &context)
    }
}

/// Lua: lizard's `LuaReader`, the Ruby machine with `function` for `def` and `name = function(…)` definitions.
struct LuaReader: LanguageReader {
    var states = RubylikeStates(lua: true)

    init() {}

    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        states.read(token, &context)
    }
}
