/// The part of lizard's Go-like machines (golike.py) that the Swift and Kotlin readers share: after `func`/`fun`
/// and a name, optional type parameters, the parameter list (whose tokens are parameters), then the body.
protocol GoLikeSignatureStates {
    /// lizard's `br_count`.
    var bracketCount: Int { get set }
    var typeParameterOpen: TokenKey { get set }
    var typeParameterClose: TokenKey { get set }
    /// Moves the machine to one of the shared states.
    mutating func enter(_ state: GoLikeSignatureState)
}

enum GoLikeSignatureState {
    case global, functionName, expectFunctionDeclaration, functionDeclaration,
        skipTypeParameters, expectFunctionBody
}

extension GoLikeSignatureStates {
    /// `_expect_function_dec`: `(` opens the parameters, `<` or `[` type parameters; anything else ends the try.
    mutating func expectFunctionDeclaration(_ token: Token, _ context: inout ReadingContext) {
        if token.key == "(" {
            enter(.functionDeclaration)
            functionDeclaration(token, &context)
        } else if token.key == "<" || token.key == "[" {
            enter(.skipTypeParameters)
            skipTypeParameters(token)
        } else {
            enter(.global)
        }
    }

    /// `read_inside_brackets_then("()", "_expect_function_impl")` over the parameter list.
    mutating func functionDeclaration(_ token: Token, _ context: inout ReadingContext) {
        if token.key == "(" { bracketCount += 1 } else if token.key == ")" { bracketCount -= 1 }
        if token.key != "(" && token.key != ")" { context.parameter(token) }
        if bracketCount == 0 { enter(.expectFunctionBody) }
    }

    /// Type parameters in `<…>` or `[…]`, whichever opened them.
    mutating func skipTypeParameters(_ token: Token) {
        if bracketCount == 0 {
            typeParameterOpen = token.key
            typeParameterClose = token.key == "<" ? ">" : "]"
        }
        if token.key == typeParameterOpen {
            bracketCount += 1
        } else if token.key == typeParameterClose {
            bracketCount -= 1
        }
        if bracketCount == 0 { enter(.expectFunctionDeclaration) }
    }

    /// `read_inside_brackets_then("()", "_function_name")`: a receiver before the name, read and passed over.
    mutating func memberFunction(_ token: Token) {
        if token.key == "(" { bracketCount += 1 } else if token.key == ")" { bracketCount -= 1 }
        if bracketCount == 0 { enter(.functionName) }
    }

    /// A protocol or interface body: skipped to its closing `}`.
    mutating func skipDeclarationBody(_ token: Token) {
        if token.key == "{" { bracketCount += 1 } else if token.key == "}" { bracketCount -= 1 }
        if bracketCount == 0, token.key == "}" { enter(.global) }
    }
}

/// A reader whose tokens first pass through ``SwiftTokenAdapter`` (Swift, Kotlin).
protocol AdaptedTokenReader: LanguageReader {
    var adapter: SwiftTokenAdapter { get set }
    /// Gives one adapted token to the state machines.
    mutating func feed(_ token: Token, _ context: inout ReadingContext)
}

extension AdaptedTokenReader {
    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        let (first, second) = adapter.adapt(token, traits, &context)
        if let first { feed(first, &context) }
        if let second { feed(second, &context) }
    }

    /// Feeds a label the adapter still holds at the end of the file.
    mutating func flushAdapter(_ context: inout ReadingContext) {
        if let held = adapter.flush() { feed(held, &context) }
    }
}
