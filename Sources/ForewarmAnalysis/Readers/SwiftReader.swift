/// Swift: a port of lizard's `SwiftReader` (swift.py on golike.py).
///
/// lizard's Go-like machine starts a fresh copy of itself at every `{` (and for every function body) that
/// returns at the matching `}`; each copy is a `SwiftFrame` on an explicit stack. The reader also redoes
/// what lizard's tokenizer and preprocessing do differently from our lexer (see `SwiftTokenAdapter`).
struct SwiftReader: AdaptedTokenReader {
    var frames = ScratchArray<SwiftFrame>([SwiftFrame(endsFunction: false)])
    var adapter = SwiftTokenAdapter(labels: [
        "if", "for", "while", "catch", "guard", "case", "init", "subscript", "deinit",
    ])

    init() {}

    mutating func endOfFile(_ context: inout ReadingContext) {
        flushAdapter(&context)
    }

    /// Gives a token to the innermost machine, as lizard's nested `__call__`s do.
    mutating func feed(_ token: Token, _ context: inout ReadingContext) {
        guard var queue = step(token, &context) else { return }
        var index = 0
        while index < queue.count {
            if let more = step(queue[index], &context) { queue.insert(contentsOf: more, at: index + 1) }
            index += 1
        }
    }

    /// One token for the innermost machine; returns tokens it wants read again.
    mutating func step(_ token: Token, _ context: inout ReadingContext) -> [Token]? {
        let depth = frames.count - 1
        switch frames[depth].read(token, &context) {
        case .none:
            break
        case .push(let endsFunction):
            frames.append(SwiftFrame(endsFunction: endsFunction))
        case .exit:
            guard depth > 0 else { break }
            let ended = frames.removeLast()
            frames[depth - 1].state = .global
            if ended.endsFunction { context.endOfFunction() }
        case .replay(let tokens):
            return tokens
        }
        return nil
    }
}

/// One of lizard's `SwiftStates` machines.
struct SwiftFrame: GoLikeSignatureStates {
    enum State {
        case global, functionName, expectFunctionDeclaration, functionDeclaration, memberFunction,
            skipTypeParameters, expectFunctionBody, accessorHead, expectDeclarationName, `protocol`
    }
    enum AccessorStep { case name, parameter, parameterName, parameterEnd, effects, errorType }
    enum Action {
        case none, exit
        /// A new machine for a `{…}` block; `endsFunction` when the block is a function body.
        case push(endsFunction: Bool)
        /// Tokens to read again from the global state (a rejected accessor head).
        case replay([Token])
    }

    let endsFunction: Bool
    var state = State.global
    var bracketCount = 0
    var previous: TokenKey? = nil
    var typeParameterOpen: TokenKey = "<"
    var typeParameterClose: TokenKey = ">"
    var accessor: TokenKey = ""
    var accessorLine = 0
    var accessorStep = AccessorStep.name
    var accessorTokens: [Token] = []

    init(endsFunction: Bool) { self.endsFunction = endsFunction }

    mutating func read(_ token: Token, _ context: inout ReadingContext) -> Action {
        switch state {
        case .global:
            let action = global(token, &context)
            previous = token.key
            return action
        case .functionName:
            return functionName(token, &context)
        case .expectFunctionDeclaration:
            expectFunctionDeclaration(token, &context)
        case .functionDeclaration:
            functionDeclaration(token, &context)
        case .memberFunction:
            memberFunction(token)
        case .skipTypeParameters:
            skipTypeParameters(token)
        case .expectFunctionBody:
            if token.key == "{" { return .push(endsFunction: true) }
        case .accessorHead:
            return accessorHead(token, &context)
        case .expectDeclarationName:
            previous = token.key
            state = .global
        case .protocol:
            skipDeclarationBody(token)
        }
        return .none
    }

    mutating func enter(_ shared: GoLikeSignatureState) {
        switch shared {
        case .global: state = .global
        case .functionName: state = .functionName
        case .expectFunctionDeclaration: state = .expectFunctionDeclaration
        case .functionDeclaration: state = .functionDeclaration
        case .skipTypeParameters: state = .skipTypeParameters
        case .expectFunctionBody: state = .expectFunctionBody
        }
    }

    mutating func global(_ token: Token, _ context: inout ReadingContext) -> Action {
        let afterDot = previous == "."
        if !afterDot, token.key == "init" || token.key == "subscript" {
            context.pushNewFunction(named: "")
            return functionName(token, &context)
        }
        switch token.key {
        case "get", "set", "willSet", "didSet", "deinit":
            guard !afterDot else { break }  // `x.get` is a member, not an accessor (as lizard has it)
            accessor = token.key
            accessorLine = context.currentLine
            accessorStep = .name
            accessorTokens.removeAll()
            state = .accessorHead
        case "protocol":
            state = .protocol
        case "let", "var", "case", ",":
            state = .expectDeclarationName
        case "func":
            state = .functionName
            context.pushNewFunction(named: "")
        case "{":
            return .push(endsFunction: false)
        case "}":
            return .exit
        default:
            break
        }
        return .none
    }

    mutating func functionName(_ token: Token, _ context: inout ReadingContext) -> Action {
        guard token.key != "`" else { return .none }
        if token.key == "(" {
            if let top = context.stacked.last, top != 0 {
                state = .functionDeclaration
                functionDeclaration(token, &context)
            } else {
                state = .memberFunction
                return read(token, &context)
            }
        } else if token.key == "{" {
            state = .expectFunctionBody
            return .push(endsFunction: true)
        } else {
            context.addToFunctionName(token)
            state = .expectFunctionDeclaration
        }
        return .none
    }

    /// `get {`, `set(newValue) {`, `get async throws(E) {`: anything else is an expression and is read again.
    mutating func accessorHead(_ token: Token, _ context: inout ReadingContext) -> Action {
        accessorTokens.append(token)
        if token.key == "{", accessorStep == .name || accessorStep == .parameterEnd || accessorStep == .effects {
            context.pushNewFunction(named: accessorName)
            context.functions[context.current].startLine = accessorLine
            state = .expectFunctionBody
            accessorTokens.removeAll()
            return .push(endsFunction: true)
        }
        if let step = nextAccessorStep(token) {
            accessorStep = step
            return .none
        }
        let tokens = accessorTokens
        accessorTokens.removeAll()
        state = .global
        return .replay(tokens)
    }

    var accessorName: String {
        switch accessor {
        case "get": "get"
        case "set": "set"
        case "willSet": "willSet"
        case "didSet": "didSet"
        default: "deinit"
        }
    }

    func nextAccessorStep(_ token: Token) -> AccessorStep? {
        switch accessorStep {
        case .name where token.key == "(" && accessor != "get" && accessor != "deinit":
            return .parameter
        case .parameter where token.kind == .word:
            return .parameterName
        case .parameterName where token.key == ")":
            return .parameterEnd
        case .name where accessor == "get" && (token.key == "async" || token.key == "throws"),
            .effects where accessor == "get" && (token.key == "async" || token.key == "throws"):
            return .effects
        case .effects where token.key == "(":
            return .errorType
        case .errorType where token.key != "{" && token.key != "}":
            return token.key == ")" ? .effects : .errorType
        default:
            return nil
        }
    }
}
