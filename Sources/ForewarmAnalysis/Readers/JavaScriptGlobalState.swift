/// lizard's `TypeScriptStates._state_global` and the object-member and declaration handlers it consults.
extension JavaScriptReader {
    mutating func stateGlobal(_ machine: Int, _ token: Token, _ context: inout ReadingContext) {
        let source = context.source
        if machines[machine].pendingBindings != nil { resolvePendingBindings(machine, token, &context) }
        let key = token.key
        // Other keys only clear `declareSeen`: skip the call while it is clear.
        if machines[machine].declareSeen || key == "declare" || key == "type" || key == "interface"
            || key == "abstract"
        {
            if handleTypeDeclaration(machine, token) { return }
        }
        switch key {
        case "static", "async":
            if key == "static" { machines[machine].staticSeen = true } else { machines[machine].asyncSeen = true }
            setPrevious(machine, token, source)
            return
        case "new":
            setPrevious(machine, token, source)
            return
        case "?":
            machines[machine].ternaryDepth += 1
        case ":" where machines[machine].ternaryDepth > 0:
            machines[machine].ternaryDepth -= 1
            machines[machine].lastTokens = JSName(token)
            setPrevious(machine, token, source)
            return
        default:
            break
        }
        if machines[machine].asObject, handleObjectMember(machine, token, &context) { return }
        let previous = machines[machine].previousKey
        switch key {
        case ".", "?.":
            machines[machine].state = .field
            machines[machine].lastTokens.append(token, source, &texts)
            setPreviousDot(machine)
            return
        case "function":
            if machines[machine].startedFunction, !machines[machine].asObject { popFunction(machine, &context) }
            machines[machine].state = .function
        case "if", "switch", "for", "while", "catch":
            machines[machine].conditionKind = key
            machines[machine].state = .expectingCondition
        case "else", "do", "try", "final":
            machines[machine].state = .expectingStatementOrBlock
        case "=>":
            machines[machine].state = .arrowFunction
        case "=":
            let name = machines[machine].lastTokens
            if name.isIdentifier(source, texts) { machines[machine].functionName = name }
        case "(":
            openParenthesis(machine, token, previous, &context)
        case "[" where previous != "." && previous != ")" && previous != "]" && previous != "}":
            let first = machines[machine].previousFirst
            // `previous[0].isalnum() or previous[0] in '_$#\'"`'`
            let operand =
                JSName.startsIdentifier(first) || first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")
                || first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") || first == UInt8(ascii: "`")
            switch previous {
            case "const", "let", "var", "return", "throw", "yield", "await":
                readBindingCandidate(machine, "]", &context)
            default:
                if !operand { readBindingCandidate(machine, "]", &context) }
            }
        case "{":
            if machines[machine].startedFunction {
                subState(machine, makeMachine(), .popFunction)
            } else {
                readObject(machine, &context)
            }
        case "}", ")":
            statemachineReturn(machine, &context)
        case "]" where machines[machine].bindingCandidate != nil:
            statemachineReturn(machine, &context)
        default:
            if newline || key == ";" {
                machines[machine].functionName = JSName()
                // `popFunction` does nothing else that the lines below leave undone.
                if machines[machine].startedFunction { popFunction(machine, &context) }
                machines[machine].staticSeen = false
                machines[machine].asyncSeen = false
                machines[machine].inAbstractContext = false
                machines[machine].inPropertyValue = false
                setPrevious(machine, nil, source)
            }
        }
        if key == "`" { machines[machine].state = .templateLiteral }
        if !machines[machine].asObject, key == ":" {
            consumeTypeAnnotation(machine)
            setPrevious(machine, token, source)
            return
        }
        if machines[machine].asObject, key == "," { machines[machine].inPropertyValue = false }
        machines[machine].lastTokens = JSName(token)
        let kept = machines[machine].previousKey
        if kept != "new", kept != "." { setPrevious(machine, token, source) }
    }

    /// The `(` branch of `_state_global`: a call, a parenthesized binding, or a function's parameters.
    private mutating func openParenthesis(
        _ machine: Int, _ token: Token, _ previous: TokenKey, _ context: inout ReadingContext
    ) {
        if previous == "." || previous == "new" {
            subState(machine, makeMachine())
        } else if let candidate = machines[machine].bindingCandidate, candidate.inExpression {
            readBindingCandidate(machine, ")", &context)
        } else if !machines[machine].functionName.isEmpty {
            if !namesMatch(machine, context.source), previous != "=", previous != "async", previous != ">" {
                machines[machine].functionName = JSName()
                subState(machine, makeMachine())
            } else {
                if !machines[machine].startedFunction { function(machine, machines[machine].functionName, &context) }
                next(machine, .function, token, &context)
            }
        } else {
            readBindingCandidate(machine, ")", &context)
        }
    }

    /// `last_tokens == function_name`, read in place.
    private func namesMatch(_ machine: Int, _ source: UnsafeBufferPointer<UInt8>) -> Bool {
        machines[machine].lastTokens.equals(machines[machine].functionName, source, texts)
    }

    /// lizard's `_handle_object_member`, for object literals and class bodies.
    mutating func handleObjectMember(_ machine: Int, _ token: Token, _ context: inout ReadingContext) -> Bool {
        guard machines[machine].asObject else { return false }
        let source = context.source
        let key = token.key
        if key == "get" || key == "set" {
            machines[machine].getterSetterPrefix = token
            return true
        }
        if let prefix = machines[machine].getterSetterPrefix {
            var name = JSName(prefix)
            name.end = token.end
            name.key = ""
            machines[machine].lastTokens = name
            machines[machine].getterSetterPrefix = nil
            return true
        }
        switch key {
        case "[":
            while computedParts.count <= machine { computedParts.append([]) }
            computedParts[machine].removeAll(keepingCapacity: true)
            machines[machine].state = .collectComputed
            return true
        case ":":
            let name = machines[machine].lastTokens
            if name.isIdentifier(source, texts) { machines[machine].functionName = name }
            machines[machine].inPropertyValue = true
            return true
        case "<":
            consumeGenericParameters(machine)
            return true
        case "(":
            let previous = machines[machine].previousKey
            if previous == "." || previous == "new" {
                subState(machine, makeMachine())
                setPrevious(machine, token, source)
                return true
            }
            if machines[machine].inPropertyValue,
                machines[machine].functionName.isEmpty || !namesMatch(machine, source)
            {
                subState(machine, makeMachine())
                setPrevious(machine, token, source)
                return true
            }
            if !machines[machine].startedFunction {
                if machines[machine].lastTokens.key == "=", !machines[machine].functionName.isEmpty {
                    function(machine, machines[machine].functionName, &context)
                } else {
                    function(machine, machines[machine].lastTokens, &context)
                }
            }
            next(machine, .function, token, &context)
            return true
        default:
            break
        }
        if machines[machine].asyncSeen || machines[machine].staticSeen, key != "*", key != "function", key != "=>" {
            if key == "=" {
                machines[machine].staticSeen = false
                machines[machine].asyncSeen = false
            } else {
                machines[machine].lastTokens = JSName(token)
                return true
            }
        }
        return false
    }

    mutating func readObject(_ machine: Int, _ context: inout ReadingContext) {
        let object = readBindingCandidate(machine, "}", use: .object, asObject: true, track: false, &context)
        machines[object].staticSeen = machines[machine].staticSeen
        machines[object].asyncSeen = machines[machine].asyncSeen
        machines[machine].staticSeen = false
        machines[machine].asyncSeen = false
    }

    /// lizard's `_handle_type_declaration`: `declare`, `type` aliases, interfaces and `abstract`.
    @inline(__always)
    mutating func handleTypeDeclaration(_ machine: Int, _ token: Token) -> Bool {
        let key = token.key
        if key == "declare" {
            machines[machine].declareSeen = true
            return true
        }
        if key == "function", machines[machine].declareSeen {
            machines[machine].declareSeen = false
            machines[machine].state = .skipDeclaredFunction
            return true
        }
        machines[machine].declareSeen = false
        if key == "type", !machines[machine].asObject {
            machines[machine].aliasPhase = 0
            machines[machine].aliasBraces = 0
            machines[machine].aliasGenerics = 0
            machines[machine].aliasKeyword = token
            machines[machine].state = .typeAlias
            return true
        }
        if key == "interface" {
            machines[machine].interfaceBraces = 0
            machines[machine].interfaceStarted = false
            machines[machine].state = .skipInterface
            return true
        }
        if key == "abstract", machines[machine].asObject {
            machines[machine].inAbstractContext = true
            return true
        }
        return false
    }
}
