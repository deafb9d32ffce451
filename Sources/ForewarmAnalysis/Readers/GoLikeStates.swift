/// lizard's `GoLikeStates` (golike.py) with the `GoStates` (go.py) and `RustStates` (rust.py) refinements.
///
/// lizard opens a fresh clone of the state machine for every `{` (`sub_state`) and resumes the parent at the
/// matching `}`; here each clone is a `Frame` on an explicit stack, so nesting depth never becomes call depth.
struct GoLikeStates {
    enum Dialect { case go, rust }

    enum State {
        case global, typeDefinition, afterTypeName, structDefinition, interfaceDefinition, functionName,
            expectFunctionDeclaration, skipTypeParameters, memberFunction, functionDeclaration,
            expectFunctionImplementation, functionImplementation,
            // Go
            functionType, literalSignature, variableDeclaration, variableInitializer,
            // Rust
            matchSubject
    }

    /// What a parent does when the clone it started returns.
    enum Callback { case none, endFunction, ifBodyClosed, endMatch }

    /// One lizard state machine instance.
    struct Frame {
        var state = State.global
        var savedState = State.global
        var callback = Callback.none
        var lastToken: TokenKey? = nil
        var bracketCount = 0
        var toExit = false
        var typeParameterOpen: TokenKey = "<"
        var typeParameterClose: TokenKey = ">"
        // Go
        var signatureTokens = 0
        var parameterTokens = 0
        var variableName: Token? = nil
        // Rust
        var inMatchArms = false
        var seenMatchArm = false
        var matchSubjectNesting = 0
        var ifBodyDepths: [Int] = []
        var elsePending = false
        var parenDepth = 0
    }

    let dialect: Dialect
    var frames = ScratchArray<Frame>([Frame()])
    var anonymousCount = 0

    init(dialect: Dialect) {
        self.dialect = dialect
    }

    var functionKeyword: TokenKey { dialect == .go ? "func" : "fn" }

    /// lizard's `CodeStateMachine.__call__` for the whole stack of clones.
    mutating func read(_ token: Token, _ context: inout ReadingContext) {
        let depthBefore = frames.count
        dispatch(token, &context)
        let top = frames.count - 1
        if top > 0, frames[top].toExit {
            frames.removeLast()
            let parent = top - 1
            frames[parent].state = frames[parent].savedState
            let callback = frames[parent].callback
            frames[parent].callback = .none
            switch callback {
            case .none: break
            case .endFunction:
                frames[parent].state = .global
                context.endOfFunction()
            case .ifBodyClosed: frames[parent].elsePending = true
            case .endMatch: frames[parent].state = .global
            }
        }
        // Every machine that saw this token remembers it; a clone started by it has seen nothing yet.
        frames[min(depthBefore, frames.count) - 1].lastToken = token.key
    }

    /// Starts a clone (lizard's `sub_state(self.statemachine_clone(), callback)`).
    mutating func subState(_ callback: Callback, matchArms: Bool = false) {
        let top = frames.count - 1
        frames[top].savedState = frames[top].state
        frames[top].callback = callback
        var clone = Frame()
        clone.inMatchArms = matchArms
        frames.append(clone)
    }

    var top: Frame {
        get { frames[frames.count - 1] }
        _modify { yield &frames[frames.count - 1] }
    }

    /// Runs the top machine's current state on `token` (lizard's `next(state, token)` re-enters here).
    mutating func dispatch(_ token: Token, _ context: inout ReadingContext) {
        switch top.state {
        case .global: global(token, &context)
        case .typeDefinition: top.state = .afterTypeName
        case .afterTypeName:
            switch token.key {
            case "struct": top.state = .structDefinition
            case "interface": top.state = .interfaceDefinition
            default: top.state = .global
            }
        case .structDefinition, .interfaceDefinition:
            // read_inside_brackets_then("{}", "_state_global")
            countBrackets(token, open: "{", close: "}")
            if top.bracketCount == 0 { top.state = .global }
        case .functionName: functionName(token, &context)
        case .expectFunctionDeclaration:
            if token.key == "(" {
                top.state = .functionDeclaration
                dispatch(token, &context)
            } else if token.key == "<" || token.key == "[" {
                top.state = .skipTypeParameters
                dispatch(token, &context)
            } else {
                top.state = .global
            }
        case .skipTypeParameters:
            if top.bracketCount == 0 {
                top.typeParameterOpen = token.key
                top.typeParameterClose = token.key == "<" ? ">" : "]"
            }
            countBrackets(token, open: top.typeParameterOpen, close: top.typeParameterClose)
            if top.bracketCount == 0 { top.state = .expectFunctionDeclaration }
        case .memberFunction:
            // read_inside_brackets_then("()", "_function_name"); the receiver only lengthens the long name.
            countBrackets(token, open: "(", close: ")")
            if top.bracketCount == 0 { top.state = .functionName }
        case .functionDeclaration:
            countBrackets(token, open: "(", close: ")")
            if token.key != "(" && token.key != ")" { context.parameter(token) }
            if top.bracketCount == 0 { top.state = .expectFunctionImplementation }
        case .expectFunctionImplementation:
            if token.key == "{" && top.lastToken != "interface" {
                top.state = .functionImplementation
                dispatch(token, &context)
            }
        case .functionImplementation:
            subState(.endFunction)
        case .functionType:
            top.signatureTokens -= 1
            if top.signatureTokens == 0 { top.state = .global }
        case .literalSignature:
            if top.parameterTokens > 0 {
                top.parameterTokens -= 1
                if token.key != "(" && token.key != ")" { context.parameter(token) }
            }
            top.signatureTokens -= 1
            if top.signatureTokens == 0 { top.state = .expectFunctionImplementation }
        case .variableDeclaration:
            top.signatureTokens -= 1
            if top.signatureTokens == 0 { top.state = top.variableName == nil ? .global : .variableInitializer }
        case .variableInitializer:
            top.state = .global
            if token.key == "func" {
                startGoFunction(token, named: top.variableName, &context)
            } else {
                global(token, &context)
            }
        case .matchSubject: matchSubject(token)
        }
    }

    @inline(__always)
    mutating func countBrackets(_ token: Token, open: TokenKey, close: TokenKey) {
        if token.key == open { top.bracketCount += 1 } else if token.key == close { top.bracketCount -= 1 }
    }

    mutating func global(_ token: Token, _ context: inout ReadingContext) {
        switch dialect {
        case .go: goGlobal(token, &context)
        case .rust: rustGlobal(token, &context)
        }
    }

    /// golike.py's `_state_global`.
    mutating func goLikeGlobal(_ token: Token, _ context: inout ReadingContext) {
        switch token.key {
        case functionKeyword:
            top.state = .functionName
            context.pushNewFunction(named: "")
        case "type": top.state = .typeDefinition
        case "{": subState(.none)
        case "}": top.toExit = true
        default: break
        }
    }

    mutating func functionName(_ token: Token, _ context: inout ReadingContext) {
        switch token.key {
        case "`": break
        case "(":
            // A `(` right after the keyword is a method receiver at top level, parameters inside a function.
            top.state = (context.stacked.last ?? 0) != 0 ? .functionDeclaration : .memberFunction
            dispatch(token, &context)
        case "{":
            top.state = .expectFunctionImplementation
            dispatch(token, &context)
        default:
            context.addToFunctionName(token)
            top.state = .expectFunctionDeclaration
        }
    }
}
