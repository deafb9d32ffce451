/// PHP: a port of lizard's `PHPReader` (php.py, php_states.py).
///
/// One flat state machine: `function name(…) { … }` and closures are functions (nothing nested inside a body
/// is), classes and traits only qualify names, and outside functions a `match` adds one per arm after the first.
struct PHPReader: LanguageReader {
    enum State {
        case global, use, classDeclaration, traitDeclaration, functionName, functionArguments,
            argumentsContinue, returnTypeOrBody, bodyOrReturnType, body, conditionExpected, conditionContinue,
            matchExpression, matchExpressionContinue
    }

    var state = State.global
    var functionName: Token? = nil
    var qualifier: Token? = nil
    var className: Token? = nil
    var traitName: Token? = nil
    var inClass = false
    var inTrait = false
    var bracketLevel = 0
    var braceLevel = 0
    var functionBraceLevel = 0
    var startedFunction = false
    /// lizard's `last_tokens`: the last token that is no punctuation (nil for lizard's '').
    var lastTokens: Token? = nil
    /// Names assigned to (`$f = function …`), most recent last; nil for an empty name.
    var assignments: [Token?] = []
    var inMatch = false
    var matchCaseCount = 0

    init() {}

    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        switch state {
        case .global: global(token, &context)
        case .use: if token.key == ";" { state = .global }
        case .classDeclaration, .traitDeclaration:
            switch token.key {
            case "{":
                braceLevel += 1
                state = .global
            case "(":
                break
            case "extends" where state == .classDeclaration, "implements" where state == .classDeclaration:
                break
            default:
                if state == .classDeclaration {
                    className = token
                    inClass = true
                } else {
                    traitName = token
                    inTrait = true
                }
                state = .global
            }
        case .functionName: readFunctionName(token, &context)
        case .functionArguments:
            guard token.key == "(" else { return }
            bracketLevel = 1
            startFunction(&context)
            state = .argumentsContinue
        case .argumentsContinue:
            if token.key == "(" {
                bracketLevel += 1
            } else if token.key == ")" {
                bracketLevel -= 1
                if bracketLevel == 0 { state = .returnTypeOrBody }
            } else if context.source[token.start] == UInt8(ascii: "$"), startedFunction {
                context.parameter(token)
            }
        case .returnTypeOrBody:
            switch token.key {
            case ":": state = .bodyOrReturnType
            case "{": enterBody()
            case ";":
                endFunction(&context)
                state = .global
            default: break
            }
        case .bodyOrReturnType: if token.key == "{" { enterBody() }
        case .body:
            if token.key == "{" {
                braceLevel += 1
            } else if token.key == "}" {
                braceLevel -= 1
                if braceLevel == functionBraceLevel {
                    endFunction(&context)
                    state = .global
                }
            }
        case .conditionExpected, .matchExpression:
            guard token.key == "(" else { return }
            bracketLevel = 1
            state = state == .conditionExpected ? .conditionContinue : .matchExpressionContinue
        case .conditionContinue, .matchExpressionContinue:
            if token.key == "(" {
                bracketLevel += 1
            } else if token.key == ")" {
                bracketLevel -= 1
                if bracketLevel == 0 { state = .global }
            }
        }
    }

    mutating func global(_ token: Token, _ context: inout ReadingContext) {
        switch token.key {
        case "use": state = .use
        case "class": state = .classDeclaration
        case "trait": state = .traitDeclaration
        case "function": state = .functionName
        case "match":
            inMatch = true
            matchCaseCount = 0
            state = .matchExpression
        case "if", "switch", "for", "foreach", "while", "catch": state = .conditionExpected
        case "=>": if inMatch { matchCaseCount += 1 }
        case "}" where inMatch:
            inMatch = false
            if matchCaseCount > 1 { context.addCondition(matchCaseCount - 1) }
            matchCaseCount = 0
        case "=":
            functionName = lastTokens
            assignments.append(lastTokens)
        case "{": braceLevel += 1
        case "}":
            braceLevel -= 1
            if braceLevel == 0 {
                if inClass { (inClass, className) = (false, nil) }
                if inTrait { (inTrait, traitName) = (false, nil) }
            }
        default: break
        }
        switch token.key {
        case "=": break
        case ";", "{", "}", "(", ")", ",": lastTokens = nil
        default: lastTokens = token
        }
    }

    mutating func readFunctionName(_ token: Token, _ context: inout ReadingContext) {
        if token.key != "(" {
            functionName = token
            qualifier = inClass && className != nil ? className : inTrait && traitName != nil ? traitName : nil
            state = .functionArguments
            return
        }
        // An anonymous function: named after the variable it is assigned to, if any.
        qualifier = inClass ? className : inTrait ? traitName : nil
        functionName = nil
        if !inClass && !inTrait, let last = assignments.last, let name = last {
            assignments.removeLast()
            functionName = name
        }
        bracketLevel = 1
        state = .argumentsContinue
        startFunction(&context)
    }

    mutating func startFunction(_ context: inout ReadingContext) {
        if qualifier == nil, let functionName {
            context.pushNewFunction(functionName)
        } else {
            let owner = qualifier.map { context.text(of: $0) + "::" } ?? ""
            context.pushNewFunction(named: owner + (functionName.map { context.text(of: $0) } ?? "(anonymous)"))
        }
        startedFunction = true
    }

    mutating func enterBody() {
        functionBraceLevel = braceLevel
        braceLevel += 1
        state = .body
    }

    mutating func endFunction(_ context: inout ReadingContext) {
        guard startedFunction else { return }
        context.endOfFunction()
        startedFunction = false
    }
}
