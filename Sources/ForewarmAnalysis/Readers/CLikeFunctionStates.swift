/// lizard's `CLikeStates`: recognises `name(params) … { body }` as a function, with C++'s operators,
/// templates, qualified names, initializer lists, trailing return types, attributes, K&R parameters and lambdas.
struct CLikeFunctionStates {
    enum State {
        case global, function, templateInName, `operator`, operatorNext, nameWithSpace, declaration,
            declarationToImplementation, `throw`, `throws`, noexcept, trailingReturn, oldCParameters,
            initializationList, oneInitialization, initializationValue1, initializationValue2, implementation,
            attribute, lambdaCheck, lambdaParameters, lambdaParameterList, lambdaBody, lambdaBodySkip, lambdaCapture,
            expressionBody
    }

    var state = State.global
    var bracketCount = 0
    var bracketStack: [TokenKey] = []
    var savedTokens: [Token] = []
    /// Java has no `[](…){…}` lambdas; its reader turns this off.
    var detectsLambdas = true
    /// Set by readers that subclass lizard's `CLikeStates` (Java, C#): the host runs its own `_state_global`.
    /// A token that would go back to the global state is left in `handoff` instead, and entering a function
    /// body sets `enteredBody` (in Java the host reads the body) after confirming the function.
    var hosted = false
    var handoff: Token? = nil
    /// Hosted: K&R-parameter tokens to read again from the host's global state.
    var replay: [Token] = []
    var enteredBody = false
    /// Java reads function bodies with its own state machine.
    var hostReadsBody = false
    /// Java's `_state_old_c_params`: only `{` after the parameters matters.
    var minimalOldCParameters = false
    /// C#'s expression-bodied members: `name(…) => expression;`.
    var expressionBodies = false

    mutating func read(_ token: Token, _ context: inout ReadingContext) {
        switch state {
        case .global: global(token, &context)
        case .function: function(token, &context)
        case .templateInName:
            // read_inside_brackets_then("<>", "_state_function")
            countBrackets(token, open: "<", close: ">")
            context.addToFunctionName(token)
            if bracketCount == 0 { state = .function }
        case .operator:
            if token.key != "(" { state = .operatorNext }
            context.addToFunctionName(" " + context.text(of: token))
        case .operatorNext:
            if token.key == "(" {
                function(token, &context)
            } else if token.key == ";" || token.key == "{" || token.key == "}" {
                state = .global
                global(token, &context)
            } else {
                context.addToFunctionName(" " + context.text(of: token))
            }
        case .nameWithSpace:
            state = token.key == "operator" ? .operator : .function
            context.addToFunctionName(token)
        case .declaration: declaration(token, &context)
        case .declarationToImplementation: declarationToImplementation(token, &context)
        case .throw:
            // read_inside_brackets_then("()") without an end state: acts only when balanced.
            countBrackets(token, open: "(", close: ")")
            if bracketCount == 0 { state = .declarationToImplementation }
        case .throws, .trailingReturn:
            if token.key == ";" || token.key == "{" {
                state = .declarationToImplementation
                declarationToImplementation(token, &context)
            }
        case .noexcept:
            if token.key == "(" {
                state = .throw
                read(token, &context)
            } else {
                state = .declarationToImplementation
                declarationToImplementation(token, &context)
            }
        case .oldCParameters: oldCParameters(token, &context)
        case .expressionBody:
            if token.key == ";" {
                context.endOfFunction()
                state = .global
            }
        case .initializationList:
            state = .oneInitialization
            if token.key == "{" { enterImplementation(token, &context) }
        case .oneInitialization:
            if token.key == "(" {
                state = .initializationValue1
                read(token, &context)
            } else if token.key == "{" {
                state = .initializationValue2
                read(token, &context)
            }
        case .initializationValue1:
            countBrackets(token, open: "(", close: ")")
            if bracketCount == 0 { state = .initializationList }
        case .initializationValue2:
            countBrackets(token, open: "{", close: "}")
            if bracketCount == 0 { state = .initializationList }
        case .implementation:
            countBrackets(token, open: "{", close: "}")
            if bracketCount == 0 { state = .global }
        case .attribute:
            countBrackets(token, open: "[", close: "]")
            if bracketCount == 0 { state = .declarationToImplementation }
        case .lambdaCheck:
            if token.key == "]" {
                state = .lambdaParameters
            } else if token.key == "[" {
                state = .attribute
            } else {
                state = .lambdaCapture
            }
        case .lambdaCapture:
            if token.key == "]" { state = .lambdaParameters }
        case .lambdaParameters:
            if token.key == "(" {
                bracketStack.append("(")
                state = .lambdaParameterList
            } else {
                state = .lambdaBody
                read(token, &context)
            }
        case .lambdaParameterList: lambdaParameterList(token)
        case .lambdaBody:
            if token.key == "{" {
                bracketStack.append("{")
                state = .lambdaBodySkip
            } else if token.key == ";" || token.key == "," || token.key == ")" {
                state = .global
                global(token, &context)
            }
        case .lambdaBodySkip:
            if token.key == "{" {
                bracketStack.append("{")
            } else if token.key == "}", bracketStack.last == "{" {
                bracketStack.removeLast()
                if bracketStack.isEmpty { state = .global }
            }
        }
    }

    @inline(__always)
    mutating func countBrackets(_ token: Token, open: TokenKey, close: TokenKey) {
        if token.key == open { bracketCount += 1 } else if token.key == close { bracketCount -= 1 }
    }

    mutating func tryNewFunction(_ token: Token, _ context: inout ReadingContext) {
        context.tryNewFunction(token)
        state = token.key == "operator" ? .operator : .function
    }

    mutating func global(_ token: Token, _ context: inout ReadingContext) {
        if hosted {
            handoff = token
            return
        }
        if token.kind == .word {
            tryNewFunction(token, &context)
        } else if token.key == "[", detectsLambdas {
            state = .lambdaCheck
        }
    }

    mutating func function(_ token: Token, _ context: inout ReadingContext) {
        switch token.key {
        case "(":
            state = .declaration
            declaration(token, &context)
        case "::":
            context.addToFunctionName(token)
            state = .nameWithSpace
        case "<":
            state = .templateInName
            read(token, &context)
        default:
            state = .global
            global(token, &context)
        }
    }

    mutating func declaration(_ token: Token, _ context: inout ReadingContext) {
        // read_inside_brackets_then("()", "_state_dec_to_imp"): the body runs for every token.
        countBrackets(token, open: "(", close: ")")
        defer { if bracketCount == 0 { state = .declarationToImplementation } }
        if token.key == "(" || token.key == "<" {
            bracketStack.append(token.key)
        } else if token.key == ")" || token.key == ">" {
            if bracketStack.popLast() == nil { state = .global }
        } else if bracketStack.count == 1 {
            if token.key != "void" { context.parameter(token) }
        }
    }

    mutating func declarationToImplementation(_ token: Token, _ context: inout ReadingContext) {
        if expressionBodies, token.key == "=>" {
            context.confirmNewFunction()
            state = .expressionBody
            return
        }
        switch token.key {
        case "const", "&", "&&": break
        case "throw": state = .throw
        case "throws": state = .throws
        case "->": state = .trailingReturn
        case "noexcept": state = .noexcept
        case "(":
            context.tryNewFunction(named: context.name(of: context.current))
            state = .function
            function(token, &context)
        case "{": enterImplementation(token, &context)
        case ":": state = .initializationList
        case "[":
            state = .attribute
            read(token, &context)
        default:
            if token.kind != .word {
                state = .global
                global(token, &context)
            } else {
                state = .oldCParameters
                savedTokens = [token]
            }
        }
    }

    mutating func oldCParameters(_ token: Token, _ context: inout ReadingContext) {
        if minimalOldCParameters {
            if token.key == "{" { declarationToImplementation(token, &context) }
            return
        }
        savedTokens.append(token)
        if token.key == ";" {
            savedTokens.removeAll()
            state = .declarationToImplementation
        } else if token.key == "{" {
            if savedTokens.count == 2 {
                savedTokens.removeAll()
                declarationToImplementation(token, &context)
                return
            }
            replaySaved(&context)
        } else if token.key == "(" {
            replaySaved(&context)
        }
    }

    private mutating func replaySaved(_ context: inout ReadingContext) {
        state = .global
        let tokens = savedTokens
        savedTokens.removeAll()
        if hosted {
            replay = tokens
            return
        }
        for saved in tokens { read(saved, &context) }
    }

    mutating func enterImplementation(_ token: Token, _ context: inout ReadingContext) {
        context.confirmNewFunction()
        if hostReadsBody {
            enteredBody = true
            state = .implementation
            return
        }
        state = .implementation
        read(token, &context)
    }

    mutating func lambdaParameterList(_ token: Token) {
        switch token.key {
        case "(":
            bracketStack.append("(")
        case ")":
            if bracketStack.last == "(" {
                bracketStack.removeLast()
                if bracketStack.isEmpty { state = .lambdaBody }
            }
        case "<", "[":
            bracketStack.append(token.key)
        case ">":
            if bracketStack.last == "<" { bracketStack.removeLast() }
        case "]":
            if bracketStack.last == "[" { bracketStack.removeLast() }
        default:
            break
        }
    }
}
