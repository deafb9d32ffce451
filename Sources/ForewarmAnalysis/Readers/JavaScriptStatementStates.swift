/// lizard's smaller TypeScript states: statements, fields, computed names, and the type syntax it skips.
extension JavaScriptReader {
    mutating func expectingCondition(_ machine: Int, _ token: Token, _ context: inout ReadingContext) {
        if token.key == "await" { return }
        if token.key != "(" {
            next(machine, .global, token, &context)
            return
        }
        if machines[machine].conditionKind == "catch" {
            readBindingCandidate(machine, ")", use: .catchClause, track: false, &context)
            return
        }
        subState(machine, makeMachine(), .afterCondition)
    }

    mutating func expectingStatementOrBlock(_ machine: Int, _ token: Token, _ context: inout ReadingContext) {
        if token.key == "{" {
            subState(machine, makeMachine(), .afterBlock)
        } else {
            next(machine, .global, token, &context)
        }
    }

    mutating func field(_ machine: Int, _ token: Token, _ context: inout ReadingContext) {
        if token.key == "(" || token.key == "[" {
            machines[machine].functionName = JSName()
            setPreviousDot(machine)
            next(machine, .global, token, &context)
            return
        }
        machines[machine].lastTokens.append(token, context.source, &texts)
        machines[machine].state = .global
    }

    /// `obj[...]` member names in object literals and classes; lizard joins and camel-cases them.
    mutating func collectComputed(_ machine: Int, _ token: Token, _ source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.key == "]" else {
            computedParts[machine].append(token)
            return false
        }
        var bytes: [UInt8] = []
        for part in computedParts[machine] {
            for byte in source[part.start..<part.end] {
                switch byte {
                case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "+"), UInt8(ascii: " "): break
                default: bytes.append(byte)
                }
            }
        }
        if let first = bytes.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") { bytes[0] = first | 0x20 }
        machines[machine].lastTokens = JSName(text: String(decoding: bytes, as: UTF8.self), &texts)
        computedParts[machine].removeAll(keepingCapacity: true)
        machines[machine].state = .global
        return true
    }

    mutating func skipDeclaredFunction(_ machine: Int, _ token: Token) -> Bool {
        guard token.key == ";" || newline else { return false }
        machines[machine].state = .global
        return true
    }

    mutating func skipInterface(_ machine: Int, _ token: Token) -> Bool {
        if token.key == "{" {
            machines[machine].interfaceStarted = true
            machines[machine].interfaceBraces += 1
        } else if token.key == "}", machines[machine].interfaceStarted {
            machines[machine].interfaceBraces -= 1
            if machines[machine].interfaceBraces == 0 {
                machines[machine].state = .global
                return true
            }
        }
        return false
    }

    /// `type Name<…> = …`: skipped up to `;`, the end of the line, or the end of a `{ … }` type.
    mutating func typeAlias(_ machine: Int, _ token: Token, _ context: inout ReadingContext) -> Bool {
        let key = token.key
        switch machines[machine].aliasPhase {
        case 0:
            if JSName.isAlpha(context.source[token.start]) {
                machines[machine].aliasPhase = 1
            } else {
                if let keyword = machines[machine].aliasKeyword { machines[machine].lastTokens = JSName(keyword) }
                machines[machine].state = .global
                stateGlobal(machine, token, &context)
                return true
            }
        case 1:
            if key == "<" {
                machines[machine].aliasGenerics = 1
                machines[machine].aliasPhase = 3
            } else if key == "=" {
                machines[machine].aliasPhase = 2
            } else if key == ";" {
                machines[machine].state = .global
                return true
            }
        case 2:
            if key == "{" {
                machines[machine].aliasBraces = 1
                machines[machine].aliasPhase = 4
            } else if key == ";" || newline {
                machines[machine].state = .global
                if key != ";" { stateGlobal(machine, token, &context) }
                return true
            }
        case 3:
            if key == "<" {
                machines[machine].aliasGenerics += 1
            } else if key == ">" {
                machines[machine].aliasGenerics -= 1
                if machines[machine].aliasGenerics == 0 { machines[machine].aliasPhase = 1 }
            }
        default:
            if key == "{" {
                machines[machine].aliasBraces += 1
            } else if key == "}" {
                machines[machine].aliasBraces -= 1
                if machines[machine].aliasBraces == 0 {
                    machines[machine].state = .global
                    return true
                }
            }
        }
        return false
    }

    mutating func consumeGenericParameters(_ machine: Int) {
        machines[machine].genericDepth = 1
        machines[machine].state = .consumeGeneric
    }

    mutating func consumeGeneric(_ machine: Int, _ token: Token) {
        if token.key == "<" {
            machines[machine].genericDepth += 1
        } else if token.key == ">" {
            machines[machine].genericDepth -= 1
            if machines[machine].genericDepth == 0 { machines[machine].state = .global }
        }
    }

    mutating func consumeTypeAnnotation(_ machine: Int) {
        let child = makeMachine(.typeGlobal)
        subState(machine, child, .typeAnnotation(child: child))
    }

    /// lizard's `TypeScriptTypeAnnotationStates`: reads a type up to the token that ends it, saved for replay.
    mutating func typeAnnotation(_ machine: Int, _ token: Token, _ context: inout ReadingContext) {
        let key = token.key
        switch machines[machine].state {
        case .typeGlobal:
            next(machine, key == "{" ? .typeInline : .typeSimple, token, &context)
        case .typeSimple:
            switch key {
            case "<":
                next(machine, .typeGeneric, token, &context)
            case "{", "=", ";", ")", "=>":
                machines[machine].savedToken = token
                setExit(machine)
            case "(":
                next(machine, .typeFunction, token, &context)
            default:
                break
            }
        case .typeInline: readInsideBrackets(machine, key, "{", "}")
        case .typeGeneric: readInsideBrackets(machine, key, "<", ">")
        case .typeFunction: readInsideBrackets(machine, key, "(", ")")
        default: break
        }
    }

    private mutating func readInsideBrackets(_ machine: Int, _ key: TokenKey, _ open: TokenKey, _ close: TokenKey) {
        if key == open {
            machines[machine].bracketCount += 1
        } else if key == close {
            machines[machine].bracketCount -= 1
        }
        if machines[machine].bracketCount == 0 { setExit(machine) }
    }
}
