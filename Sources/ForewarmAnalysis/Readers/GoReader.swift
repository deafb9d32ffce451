/// Go: a port of lizard's `GoReader` (go.py, go_function.py, golike.py).
///
/// lizard looks ahead after each `func` and `var` to tell declarations, function literals and function types
/// apart; `GoSignatureScanner` repeats that lookahead on a second lexer, so the main token stream is untouched.
struct GoReader: LanguageReader {
    var states = GoLikeStates(dialect: .go)

    init() {}

    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        states.read(token, &context)
    }
}

extension GoLikeStates {
    /// go.py's `GoStates._state_global`.
    mutating func goGlobal(_ token: Token, _ context: inout ReadingContext) {
        switch token.key {
        case "func":
            startGoFunction(token, named: nil, &context)
        case "type":
            if top.lastToken != "(" { top.state = .typeDefinition }
        case "var":
            var scanner = GoSignatureScanner(source: context.source, after: token)
            let (name, count) = scanner.variableDeclaration()
            top.variableName = name
            top.signatureTokens = count
            if count > 0 { top.state = .variableDeclaration }
        case "{": subState(.none)
        case "}": top.toExit = true
        default: break
        }
    }

    /// go.py's `_start_function`: a declaration, a literal (a function to read) or a function type (skipped).
    mutating func startGoFunction(_ token: Token, named name: Token?, _ context: inout ReadingContext) {
        var scanner = GoSignatureScanner(source: context.source, after: token)
        let (kind, count, parameters) = scanner.functionSignature()
        switch kind {
        case .literal where top.lastToken == "]" || top.lastToken == "chan" || top.lastToken == "*":
            fallthrough  // a literal right after `]`, `chan` or `*` is a function type
        case .type:
            top.signatureTokens = count
            if count > 0 { top.state = .functionType }
        case .literal:
            if let name {
                context.pushNewFunction(name)
            } else {
                context.pushNewFunction(named: "anonymous__\(anonymousCount)")
                anonymousCount += 1
            }
            top.signatureTokens = count
            top.parameterTokens = parameters
            top.state = .literalSignature
        case .declaration:
            context.pushNewFunction(named: "")
            top.state = .functionName
        }
    }
}

/// go_function.py's `_SignatureTokens`: counts the tokens of a signature without consuming them.
struct GoSignatureScanner {
    enum Kind { case declaration, literal, type }

    /// A looked-ahead token; `kind` is nil at the end of the input.
    struct Peeked {
        var key: TokenKey
        var kind: TokenKind?
        var token: Token?
        var isIdentifier: Bool { kind == .word }
    }

    var lexer: Lexer
    var pending: Peeked? = nil
    var count = 0

    init(source: UnsafeBufferPointer<UInt8>, after token: Token) {
        lexer = Lexer(source: source, language: .go)
        lexer.position = token.end
        lexer.line = token.line
        lexer.atLineStart = false
    }

    mutating func peek(_ newlines: Bool = false) -> Peeked {
        while true {
            if let pending {
                if newlines, pending.kind == .newline {
                    self.pending = nil
                    continue
                }
                return pending
            }
            guard let token = lexer.next() else {
                pending = Peeked(key: "", kind: nil, token: nil)
                continue
            }
            var kind = token.kind
            if kind == .comment {
                guard token.innerNewlines > 0 else { continue }
                kind = .newline
            }
            if kind == .newline, newlines { continue }
            pending = Peeked(key: kind == .newline ? "\n" : token.key, kind: kind, token: token)
        }
    }

    @discardableResult
    mutating func take(_ newlines: Bool = false) -> Peeked {
        let token = peek(newlines)
        pending = nil
        if token.kind != nil, token.kind != .newline { count += 1 }
        return token
    }

    static func closing(_ key: TokenKey) -> TokenKey? {
        switch key {
        case "(": ")"
        case "[": "]"
        case "{": "}"
        default: nil
        }
    }

    /// Takes a bracketed group, counting every token in it.
    mutating func balanced() {
        guard let first = Self.closing(take(true).key) else { return }
        var stack: [TokenKey] = [first]
        while let token = lexer.next() {
            if token.kind == .comment || token.kind == .newline { continue }
            count += 1
            if let close = Self.closing(token.key) {
                stack.append(close)
            } else if token.key == stack[stack.count - 1] {
                stack.removeLast()
                if stack.isEmpty { return }
            }
        }
    }

    /// lizard's `read_type`, with its tail recursion as a loop.
    mutating func readType(_ newlines: Bool = false) {
        var newlines = newlines
        while true {
            let token = peek(newlines)
            switch token.key {
            case "*", "**", "<", "chan":
                take()
                if peek(true).key == "<" { take() }
                if peek(true).key == "-" { take() }
                newlines = true
            case "(", "[":
                balanced()
                guard token.key == "[" else { return }
                newlines = false
            case "map":
                take()
                guard peek().key == "[" else { return }
                balanced()
                newlines = false
            case "struct", "interface":
                take()
                if peek(true).key == "{" { balanced() }
                return
            case "func":
                take()
                guard peek(true).key == "(" else { return }
                balanced()
                newlines = false
            case "const", "var", "type", "return", "if", "for", "switch":
                return
            default:
                guard token.isIdentifier else { return }
                take()
                if peek().key == "." {
                    take()
                    take()
                }
                if peek().key == "[" { balanced() }
                return
            }
        }
    }

    /// lizard's `function_signature`: what follows a `func` that does not start a declaration.
    mutating func functionSignature() -> (Kind, count: Int, parameters: Int) {
        let first = peek(true)
        if first.key != "(" {
            return (first.isIdentifier && first.key != "func" ? .declaration : .type, 0, 0)
        }
        balanced()
        let parameters = count
        readType()
        let following = peek()
        if following.key == "(" { return (.declaration, 0, 0) }
        return (following.key == "{" ? .literal : .type, count, parameters)
    }

    /// lizard's `variable_declaration`: the name of `var name T = …` and how many tokens precede the value.
    mutating func variableDeclaration() -> (name: Token?, count: Int) {
        let name = peek()
        guard name.isIdentifier else { return (nil, 0) }
        take()
        readType()
        if peek().key == "=" {
            take()
            return (name.token, count)
        }
        return (nil, count)
    }
}
