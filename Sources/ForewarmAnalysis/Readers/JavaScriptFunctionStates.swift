/// lizard's `javascript_functions.py` and `javascript_bindings.py`: signatures, bodies, arrows and the bindings
/// whose defaults count toward the function that owns them.
extension JavaScriptReader {
    mutating func pushFunction(_ machine: Int, _ context: inout ReadingContext) {
        if machines[machine].inAbstractContext { return }
        machines[machine].startedFunction = true
        let name = machines[machine].functionName
        context.pushNewFunction(named: name.isEmpty ? "(anonymous)" : name.string(context.source, texts))
    }

    mutating func popFunction(_ machine: Int, _ context: inout ReadingContext) {
        if machines[machine].startedFunction { context.endOfFunction() }
        machines[machine].startedFunction = false
        machines[machine].inPropertyValue = false
    }

    /// Discards an optimistic signature that proved to be an expression (lizard's `forgive`).
    mutating func abandonFunction(_ machine: Int, _ context: inout ReadingContext) {
        let current = context.current
        context.endOfFunction()
        if current != 0, context.finished.last == current { context.finished.removeLast() }
        machines[machine].startedFunction = false
    }

    mutating func arrowFunction(_ machine: Int, _ token: Token, _ context: inout ReadingContext) {
        pushArrowFunction(machine, &context)
        machines[machine].functionName = JSName()
        machines[machine].asyncSeen = false
        machines[machine].staticSeen = false
        next(machine, .global, token, &context)
    }

    /// lizard's `_function`, also called with a name rather than the current token.
    mutating func function(_ machine: Int, _ name: JSName, _ context: inout ReadingContext) {
        switch name.key {
        case "*":
            return
        case "<":
            consumeGenericParameters(machine)
        case "(":
            if !machines[machine].startedFunction { pushFunction(machine, &context) }
            machines[machine].genericDepthInDeclaration = 0
            machines[machine].parameterBindings = JSBindings(closing: ")")
            machines[machine].state = .declaration
        default:
            machines[machine].functionName = name.isIdentifier(context.source, texts) ? name : JSName()
            machines[machine].staticSeen = false
            machines[machine].asyncSeen = false
        }
    }

    /// lizard's `_dec`: the parameter list. Tokens of a default value go on to its initializer reader.
    mutating func declaration(_ machine: Int, _ token: Token, _ context: inout ReadingContext) -> Outcome {
        let key = token.key
        let bindings = machines[machine].parameterBindings ?? JSBindings(closing: ")")
        if key == "(", bindings.atStart {
            abandonFunction(machine, &context)
            machines[machine].state = .global
            readBindingCandidate(machine, ")", &context)
            return .returned(false)
        }
        if key == "function", bindings.defaults == 0 {
            abandonFunction(machine, &context)
            next(machine, .global, token, &context)
            return .returned(false)
        }
        let event = machines[machine].parameterBindings?.read(key, &spills) ?? JSBindings.Event(ended: true)
        var outcome = Outcome.returned(false)
        if event.initializerStarted {
            context.addCondition()
            if let old = machines[machine].initializerReader { release(old) }
            let reader = makeMachine()
            machines[reader].parent = machine
            machines[reader].fed = true
            machines[reader].level = machines[machine].level + 1
            machines[machine].initializerReader = reader
        } else if event.inExpression, let reader = machines[machine].initializerReader {
            if event.initializerEnded {
                beforeReturn(reader, &context)
                release(reader)
                machines[machine].initializerReader = nil
            } else {
                outcome = .feed(reader)
            }
        }
        if event.ended {
            machines[machine].state = .expectingFunctionBody
        } else if !event.inExpression || event.rootSeparator, key != "(" {
            let depth = machines[machine].genericDepthInDeclaration
            switch key {
            case ",":
                if event.rootSeparator, depth == 0 { context.parameter(token) }
            case "<":
                machines[machine].genericDepthInDeclaration = depth + 1
            case ">":
                if depth > 0 { machines[machine].genericDepthInDeclaration = depth - 1 }
            case "string", "number", "boolean", "void", "any", "object", "unknown", "never",
                "*", "+", "-", "/", "%", "=", ".":
                break
            default:
                if depth == 0, token.kind == .word, JSName.isAlpha(context.source[token.start]) {
                    context.parameter(token)
                }
            }
        }
        return outcome
    }

    /// lizard's `_expecting_func_opening_bracket`.
    mutating func expectingFunctionBody(_ machine: Int, _ token: Token, _ context: inout ReadingContext) {
        let key = token.key
        if key == ":" {
            machines[machine].state = .global
            consumeTypeAnnotation(machine)
            return
        } else if key == ";", machines[machine].asObject, machines[machine].inAbstractContext {
            if machines[machine].startedFunction { popFunction(machine, &context) }
            machines[machine].inAbstractContext = false
            machines[machine].state = .global
        } else if key != "{", key != "=>" {
            if machines[machine].startedFunction { abandonFunction(machine, &context) }
        }
        next(machine, .global, token, &context)
    }

    // MARK: Bindings

    mutating func resolvePendingBindings(_ machine: Int, _ token: Token, _ context: inout ReadingContext) {
        guard machines[machine].pendingBindings != nil, let pending = machines[machine].pendingBindings else { return }
        machines[machine].pendingBindings = nil
        switch token.key {
        case "=", "of", "in":
            if machines[machine].bindingCandidate != nil {
                machines[machine].confirmedBindingDefaults += pending.defaults
            } else {
                context.addCondition(pending.defaults)
            }
        case "=>":
            machines[machine].pendingBindings = pending
        default:
            context.addCondition(pending.confirmedDefaults)
        }
    }

    /// lizard's `_read_binding_candidate`: reads a bracketed expression that may turn out to be a binding pattern.
    @discardableResult
    mutating func readBindingCandidate(
        _ machine: Int, _ closing: TokenKey, use: JSBindingUse = .keep, asObject: Bool = false, track: Bool = true,
        _ context: inout ReadingContext
    ) -> Int {
        let candidate = makeMachine()
        machines[candidate].asObject = asObject
        machines[candidate].bindingCandidate = JSBindings(closing: closing)
        let function = context.current
        subState(
            machine, candidate,
            .binding(
                candidate: candidate, function: function, complexity: context.functions[function].cyclomatic,
                track: track, then: use))
        return candidate
    }

    mutating func pushArrowFunction(_ machine: Int, _ context: inout ReadingContext) {
        let pending = machines[machine].pendingBindings
        machines[machine].pendingBindings = nil
        if machines[machine].startedFunction { return }
        if let pending { context.addCondition(-pending.expressionComplexity) }
        pushFunction(machine, &context)
        if let pending { context.addCondition(pending.defaults + pending.expressionComplexity) }
    }
}
