/// Kotlin: a port of lizard's `KotlinReader` (kotlin.py on golike.py).
///
/// Like Swift's, lizard's Kotlin machine starts a fresh copy of itself at every `{` and returns at the matching
/// `}`; `when { … }` bodies get a copy that counts each `->` as a condition. Each copy is a `KotlinFrame`.
/// Quirks kept: `get`/`set` anywhere start a function that waits for the next `=` or `{`, and a lambda's `->`
/// starts an anonymous function whose body is the next `{` block.
struct KotlinReader: AdaptedTokenReader {
    var frames = ScratchArray<KotlinFrame>([KotlinFrame(inWhenCases: false, callback: .none)])
    var adapter = SwiftTokenAdapter(labels: ["if", "for", "while", "catch"])
    var previous: Token? = nil

    init() {}

    mutating func endOfFile(_ context: inout ReadingContext) {
        flushAdapter(&context)
        // statemachine_before_return of the file's machine.
        if frames[0].state == .expressionBody { context.endOfFunction() }
    }

    mutating func feed(_ token: Token, _ context: inout ReadingContext) {
        let depth = frames.count - 1
        let last = frames[depth].seen ? previous : nil
        frames[depth].seen = true
        previous = token
        switch frames[depth].read(token, last: last, &context) {
        case .none:
            break
        case .push(let inWhenCases, let callback):
            frames.append(KotlinFrame(inWhenCases: inWhenCases, callback: callback))
        case .exit:
            guard depth > 0 else { break }
            let ended = frames.removeLast()
            switch ended.callback {
            case .none:
                frames[depth - 1].state = .global
            case .function:
                frames[depth - 1].state = .global
                context.endOfFunction()
            case .whenCases:
                context.addCondition(-1)
                frames[depth - 1].state = frames[depth - 1].whenReturnsToExpression ? .expressionBody : .global
            }
        }
    }
}

/// One of lizard's `KotlinStates` machines.
struct KotlinFrame: GoLikeSignatureStates {
    enum State {
        case global, functionName, template, expectFunctionDeclaration, functionDeclaration, memberFunction,
            skipTypeParameters, expectFunctionBody, expectLambdaBody, expressionBody, expectDeclarationName,
            interface, typeDefinition, afterTypeName, structDefinition, whenCases
    }
    /// What the parent does when this machine returns.
    enum Callback { case none, function, whenCases }
    enum Action {
        case none, exit
        case push(inWhenCases: Bool, Callback)
    }

    let inWhenCases: Bool
    let callback: Callback
    var state = State.global
    /// Whether this machine has read a token (lizard's `last_token` is None before).
    var seen = false
    var bracketCount = 0
    var expressionNesting = 0
    var whenReturnsToExpression = false
    var typeParameterOpen: TokenKey = "<"
    var typeParameterClose: TokenKey = ">"

    init(inWhenCases: Bool, callback: Callback) {
        self.inWhenCases = inWhenCases
        self.callback = callback
    }

    mutating func read(_ token: Token, last: Token?, _ context: inout ReadingContext) -> Action {
        switch state {
        case .global:
            return global(token, &context)
        case .functionName:
            if token.key == "<" {
                state = .template
                return read(token, last: last, &context)
            }
            return functionName(token, &context)
        case .template:
            if token.key == "<" { bracketCount += 1 } else if token.key == ">" { bracketCount -= 1 }
            if bracketCount == 0 { state = .functionName }
        case .expectFunctionDeclaration:
            expectFunctionDeclaration(token, &context)
        case .functionDeclaration:
            functionDeclaration(token, &context)
        case .memberFunction:
            memberFunction(token)
        case .skipTypeParameters:
            skipTypeParameters(token)
        case .expectFunctionBody:
            // KotlinStates._expect_function_impl
            if token.key == "=" {
                expressionNesting = 0
                state = .expressionBody
            } else if token.key == "{" {
                return .push(inWhenCases: false, .function)
            }
        case .expectLambdaBody:
            // GoLikeStates._expect_function_impl
            if token.key == "{", last?.key != "interface" { return .push(inWhenCases: false, .function) }
        case .expressionBody:
            return expressionBody(token, last: last, &context)
        case .expectDeclarationName:
            state = .global
        case .interface:
            skipDeclarationBody(token)
        case .typeDefinition:
            state = .afterTypeName
        case .afterTypeName:
            state = token.key == "struct" || token.key == "interface" ? .structDefinition : .global
        case .structDefinition:
            if token.key == "{" { bracketCount += 1 } else if token.key == "}" { bracketCount -= 1 }
            if bracketCount == 0 { state = .global }
        case .whenCases:
            if token.key == "{" { return .push(inWhenCases: true, .whenCases) }
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
        switch token.key {
        case "get", "set":
            context.pushNewFunction(token)
            state = .expectFunctionBody
        case "->":
            if inWhenCases {
                context.addCondition()
            } else {
                context.pushNewFunction(named: "(anonymous)")
                state = .expectLambdaBody
            }
        case "val", "var", ",":
            state = .expectDeclarationName
        case "interface":
            state = .interface
        case "when":
            whenReturnsToExpression = false
            state = .whenCases
        case "fun":
            state = .functionName
            context.pushNewFunction(named: "")
        case "type":
            state = .typeDefinition
        case "{":
            return .push(inWhenCases: false, .none)
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
                bracketCount += 1
            }
        } else if token.key == "{" {
            state = .expectFunctionBody
            return .push(inWhenCases: false, .function)
        } else {
            context.addToFunctionName(token)
            state = .expectFunctionDeclaration
        }
        return .none
    }

    /// `fun f() = expression`: ends at `}` or a declaration keyword outside brackets.
    mutating func expressionBody(_ token: Token, last: Token?, _ context: inout ReadingContext) -> Action {
        switch token.key {
        case "when":
            whenReturnsToExpression = true
            state = .whenCases
        case "{", "(", "[":
            expressionNesting += 1
        case ")", "]", "}":
            if expressionNesting > 0 {
                expressionNesting -= 1
            } else if token.key == "}" {
                context.endOfFunction()
                state = .global
                return global(token, &context)
            }
        case "fun", "class", "interface", "val", "var", "get", "set":
            guard expressionNesting == 0, !(token.key == "class" && last?.key == "::") else { break }
            context.endOfFunction()
            state = .global
            return global(token, &context)
        default:
            break
        }
        return .none
    }
}
