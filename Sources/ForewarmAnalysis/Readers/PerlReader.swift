/// Perl: a port of lizard's `PerlStates` (perl.py), quirks included.
///
/// One flat state machine with shared brace and parenthesis counters. Kept from lizard: `?` and `:` inside a
/// sub body count twice (once as conditions, once by the reader), an anonymous sub passed as an argument or a
/// named sub nested in a body replaces the enclosing function instead of stacking on it, a forward declaration
/// `sub f;` is a function of its own, and braces inside a call's parentheses are not counted.
struct PerlReader: LanguageReader {
    enum State: UInt8 {
        case global, packageDec, variable, assignment, functionCall, anonSub, functionDec, functionPrototype
        case anonBraceSearch, functionBody, nestedSubDec, nestedNamedSubBraceSearch, nestedSubBody, nestedCall
        case nestedAnonSearch, nestedAnonBody
    }

    var state = State.global
    var braceCount = 0
    var parenCount = 0
    var inAttribute = false
    var packageName = ""
    var functionName: Token? = nil
    var variableName: Token? = nil

    init() {}

    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        let key = token.key
        switch state {
        case .global:
            switch key {
            case "package": state = .packageDec
            case "sub":
                functionName = nil
                state = .functionDec
            case "{": braceCount += 1
            case "}": braceCount -= 1
            case "(":
                parenCount += 1
                state = .functionCall
            case "my", "our", "local":
                variableName = nil
                state = .variable
            default:
                if isScalar(token, context) {
                    // lizard reads `$name` as `$` then `name`.
                    variableName = token.length > 1 ? token : nil
                    state = .variable
                }
            }
        case .packageDec:
            packageName = context.text(of: token)
            state = .global
        case .variable:
            if key == "$" {
                break
            } else if isAssignment(token) {
                state = .assignment
            } else if key == ";" {
                variableName = nil
                state = .global
            } else if variableName == nil {
                variableName = token
            }
        case .assignment:
            if key == "sub" {
                state = .anonSub
            } else if key == ";" {
                variableName = nil
                state = .global
            }
        case .functionCall, .nestedCall:
            if key == "sub" {
                startFunction(named: "<anonymous>", &context)
                state = state == .functionCall ? .anonBraceSearch : .nestedAnonSearch
            } else if key == ")" {
                parenCount -= 1
                if parenCount == 0 { state = state == .functionCall ? .global : .functionBody }
            } else if key == "(" {
                parenCount += 1
            }
        case .anonSub:
            if key == "{" {
                braceCount = 1
                if let variable = variableName {
                    startFunction(named: "$" + context.text(of: variable).drop { $0 == "$" }, &context)
                } else {
                    startFunction(named: "<anonymous>", &context)
                }
                state = .functionBody
            }
        case .functionDec:
            functionDeclaration(token, &context)
        case .functionPrototype:
            if key == ")" {
                parenCount -= 1
                if parenCount == 0 { state = .functionDec }
            } else if key == "(" {
                parenCount += 1
            }
        case .anonBraceSearch:
            if key == "{" {
                braceCount = 1
                state = .functionBody
            } else if key == "(" {
                parenCount += 1
            } else if key == ")" {
                parenCount -= 1
                if parenCount == 0 { state = .global }
            }
        case .functionBody:
            functionBody(token, &context)
        case .nestedSubDec:
            if key == "{" {
                braceCount += 1
                context.addCondition()  // lizard counts a nested anonymous sub as a condition
                state = .functionBody
            } else {
                startFunction(named: context.text(of: token), &context)
                state = .nestedNamedSubBraceSearch
            }
        case .nestedNamedSubBraceSearch:
            if key == "{" {
                braceCount = 1
                state = .nestedSubBody
            } else if key == ":" {
                inAttribute = true
            } else if key == ";" {
                context.endOfFunction()
                state = .functionBody
            }
        case .nestedSubBody:
            if key == "{" {
                braceCount += 1
            } else if key == "}" {
                braceCount -= 1
                if braceCount == 0 {
                    context.endOfFunction()
                    state = .functionBody
                }
            }
        case .nestedAnonSearch:
            if key == "{" {
                braceCount += 1
                state = .nestedAnonBody
            } else if key == "(" {
                parenCount += 1
            } else if key == ")" {
                parenCount -= 1
                if parenCount == 0 { state = .functionBody }
            }
        case .nestedAnonBody:
            if key == "{" {
                braceCount += 1
            } else if key == "}" {
                braceCount -= 1
                if braceCount == 1 {
                    context.endOfFunction()
                    state = .functionBody
                }
            }
        }
    }

    mutating func functionDeclaration(_ token: Token, _ context: inout ReadingContext) {
        switch token.key {
        case "{":
            braceCount = 1
            if let name = functionName { startFunction(named: context.text(of: name), &context) }
            state = .functionBody
        case ":":
            inAttribute = true
        case ";":
            if let name = functionName {  // forward declaration
                startFunction(named: context.text(of: name), &context)
                context.endOfFunction()
            }
            state = .global
        case "(":
            parenCount = 1
            state = .functionPrototype
        case "sub":
            startFunction(named: "<anonymous>", &context)
            state = .anonBraceSearch
        default:
            if !inAttribute {
                functionName = token
            } else {
                inAttribute = false
            }
        }
    }

    mutating func functionBody(_ token: Token, _ context: inout ReadingContext) {
        switch token.key {
        case "{":
            braceCount += 1
        case "}":
            braceCount -= 1
            if braceCount == 0 {
                context.endOfFunction()
                state = .global
            }
        case "?", ":":
            context.addCondition()
        case "sub":
            state = .nestedSubDec
        case "(":
            parenCount += 1
            state = .nestedCall
        default:
            break
        }
    }

    /// lizard's `try_new_function` + `confirm_new_function` (no stacking: the current function is replaced).
    mutating func startFunction(named name: String, _ context: inout ReadingContext) {
        context.tryNewFunction(named: packageName.isEmpty ? name : packageName + "::" + name)
        context.confirmNewFunction()
    }

    func isScalar(_ token: Token, _ context: ReadingContext) -> Bool {
        token.key == "$" || token.kind == .word && token.firstByteIs(in: context.source, "$")
    }

    /// lizard splits `=~`, `.=`, `||=` and the like (but not `+=`, `-=`…) so that their `=` reads as an assignment.
    func isAssignment(_ token: Token) -> Bool {
        switch token.key {
        case "=", "=~", ".=", "||=", "&&=", "x=", "**=", "%=": return true
        default: return false
        }
    }
}
