/// JavaScript and TypeScript: a port of lizard's `TypeScriptReader` (`typescript_states.py` and the
/// `javascript_*` mixins), which JavaScript's reader inherits unchanged.
///
/// lizard nests state machines through `sub_state`; here they live in `machines` and `dispatch` walks the active
/// chain down, then back up through each machine's `parent`, so deeply nested brackets cost memory, not call depth.
struct JavaScriptReader: LanguageReader {
    var machines = JSMachinePool(JSMachine())
    var freeMachines: [Int] = []
    /// Machines other than the root whose `toExit` is set. While there are none, a machine that did not return
    /// cannot make any machine above it return, so `dispatch` stops climbing there.
    var exiting = 0
    /// Entries of binding candidates' bracket stacks nested too deep for their integers.
    var spills: [[UInt8]] = []
    /// Built names (``JSName/text``).
    var texts: [String] = []
    /// `obj[…]` tokens collected by the machine of that index (lizard's computed member names).
    var computedParts: [[Token]] = []
    /// lizard's `context.newline`: the current token is the first code on its line (or spans a line break).
    var newline = true
    var lastEndLine = 0
    var releaseWork: [Int] = []
    /// Bracket depth of the input; past `depthLimit` the machines see nothing until it comes back.
    var bracketDepth = 0

    /// lizard's machines walk their whole chain on every token, so each bracket level costs every later token;
    /// no real code nests this deep, and the cap keeps hostile input (100,000 nested brackets) linear.
    static let depthLimit = 200

    enum Outcome {
        case returned(Bool)
        case feed(Int)
    }

    init() {}

    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        machines.makeUnique()
        if token.kind == .symbol {
            switch token.key {
            case "(", "[", "{":
                bracketDepth += 1
                if bracketDepth > Self.depthLimit { return }
            case ")", "]", "}":
                bracketDepth -= 1
                if bracketDepth >= Self.depthLimit { return }
            default:
                if bracketDepth > Self.depthLimit { return }
            }
        } else if bracketDepth > Self.depthLimit {
            return
        }
        newline = token.line > lastEndLine || token.innerNewlines > 0
        lastEndLine = token.line + token.innerNewlines
        if token.kind == .string, feedTemplate(token, &context) { return }
        // lizard's tokenizer reads `1.5` as `1` `.` `5`, and a `.` matters to the state machine.
        if token.kind == .number, let dot = firstDot(token, context.source) {
            var start = token.start
            var cut = dot
            while start < token.end {
                if cut > start { feed(piece(token, start, cut, context.source), &context) }
                if cut < token.end { feed(piece(token, cut, cut + 1, context.source), &context) }
                start = cut + 1
                cut = start
                while cut < token.end, context.source[cut] != UInt8(ascii: ".") { cut += 1 }
            }
            return
        }
        _ = dispatch(0, token, &context)
    }

    private mutating func feed(_ token: Token, _ context: inout ReadingContext) {
        _ = dispatch(0, token, &context)
        newline = false
    }

    private func firstDot(_ token: Token, _ source: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = token.start
        while index < token.end {
            if source[index] == UInt8(ascii: ".") { return index }
            index += 1
        }
        return nil
    }

    private func piece(_ token: Token, _ start: Int, _ end: Int, _ source: UnsafeBufferPointer<UInt8>) -> Token {
        var piece = token
        piece.start = start
        piece.end = end
        piece.key = TokenKey(bytes: UnsafeBufferPointer(rebasing: source[start..<end]))
        piece.kind = source[start] == UInt8(ascii: ".") ? .symbol : .number
        return piece
    }

    mutating func endOfFile(_ context: inout ReadingContext) {
        machines.makeUnique()
        beforeReturn(0, &context)
    }

    // MARK: lizard's CodeStateMachine

    /// `machine(token)`: runs the machine's state (descending through sub-machines) and reports `to_exit`.
    mutating func dispatch(_ start: Int, _ token: Token, _ context: inout ReadingContext) -> Bool {
        var machine = start
        var result = false
        while true {
            // Down the `sub` links. Nothing here adds machines, so the storage stays put and is read unchecked.
            let base = machines.elements
            while true {
                if base[machine].bindingCandidate != nil {
                    base[machine].bindingCandidate!.observe(token.key, &spills)
                }
                guard case .sub(let child) = base[machine].state else { break }
                machine = child
            }
            switch run(machine, token, &context) {
            case .returned(let returned):
                result = finish(machine, returned, &context)
            case .feed(let reader):
                machine = reader
                continue
            }
            break
        }
        while machine != start {
            if !result, exiting == 0 {
                // Every `finish` above would read a false `toExit` and do nothing else.
                break
            }
            let parent = machines[machine].parent
            if machines[machine].fed {
                // The owner ignores its initializer reader's result.
                result = machines[parent].toExit
            } else {
                result = finish(parent, result, &context)
            }
            machine = parent
        }
        return result
    }

    /// The end of `__call__`: a state (or sub-machine) that returned true restores the saved state and calls back.
    @inline(__always)
    private mutating func finish(_ machine: Int, _ returned: Bool, _ context: inout ReadingContext) -> Bool {
        if returned {
            var child: Int? = nil
            if case .sub(let index) = machines[machine].state { child = index }
            machines[machine].state = machines[machine].savedState
            let callback = machines[machine].callback
            machines[machine].callback = .none
            perform(callback, machine, &context)
            if let child { release(child) }
        }
        return machines[machine].toExit
    }

    /// `next(state, token)`.
    mutating func next(_ machine: Int, _ state: JSState, _ token: Token? = nil, _ context: inout ReadingContext) {
        machines[machine].state = state
        if let token { _ = dispatch(machine, token, &context) }
    }

    mutating func subState(_ machine: Int, _ child: Int, _ callback: JSCallback = .none) {
        // Machines that never return (unbalanced input such as `void a(){{.}}` repeated) would otherwise deepen the
        // chain every token walks; past the limit the machine keeps its state instead. The machine's level is
        // lizard's call depth: `dispatch` runs a state only on the machine it has descended to.
        if machines[machine].level >= Self.depthLimit {
            release(child)
            return
        }
        machines[child].parent = machine
        machines[child].fed = false
        machines[child].level = machines[machine].level + 1
        machines[machine].savedState = machines[machine].state
        machines[machine].callback = callback
        machines[machine].state = .sub(child)
    }

    mutating func statemachineReturn(_ machine: Int, _ context: inout ReadingContext) {
        setExit(machine)
        beforeReturn(machine, &context)
    }

    /// lizard's `to_exit = True`, counted in `exiting`.
    @inline(__always)
    mutating func setExit(_ machine: Int) {
        if machines[machine].toExit { return }
        machines[machine].toExit = true
        if machine != 0 { exiting += 1 }
    }

    mutating func beforeReturn(_ machine: Int, _ context: inout ReadingContext) {
        if machines[machine].startedFunction { popFunction(machine, &context) }
    }

    mutating func makeMachine(_ state: JSState = .global) -> Int {
        if !freeMachines.isEmpty {
            let index = freeMachines.removeLast()
            machines.reset(index, state: state)
            return index
        }
        machines.append(JSMachine(state: state))
        return machines.count - 1
    }

    /// Returns a machine no one can reach any more, with the machines only it reaches, to the pool.
    ///
    /// Depth first, an initializer reader before a sub-machine; only a machine with both defers one to
    /// `releaseWork`, so the common chain (each machine at most one of them) needs no work list.
    mutating func release(_ machine: Int) {
        var index = machine
        while true {
            var child: Int? = nil
            if case .sub(let sub) = machines[index].state { child = sub }
            let reader = machines[index].initializerReader
            // No other reset: nothing refers to the machine any more, and `makeMachine` starts it afresh.
            if machines[index].toExit {
                machines[index].toExit = false
                exiting -= 1
            }
            freeMachines.append(index)
            if let reader {
                if let child { releaseWork.append(child) }
                index = reader
            } else if let child {
                index = child
            } else if !releaseWork.isEmpty {
                index = releaseWork.removeLast()
            } else {
                return
            }
        }
    }

    private mutating func perform(_ callback: JSCallback, _ machine: Int, _ context: inout ReadingContext) {
        switch callback {
        case .none:
            break
        case .popFunction:
            popFunction(machine, &context)
        case .afterCondition:
            machines[machine].state = .expectingStatementOrBlock
        case .afterBlock:
            setPrevious(machine, nil, context.source)
            machines[machine].state = .global
        case .binding(let candidate, let function, let complexity, let track, let use):
            let summary = JSBindingSummary(
                defaults: machines[candidate].bindingCandidate?.defaults ?? 0,
                expressionComplexity: track ? context.functions[function].cyclomatic - complexity : 0,
                confirmedDefaults: track ? machines[candidate].confirmedBindingDefaults : 0)
            switch use {
            case .keep:
                machines[machine].pendingBindings = summary
            case .object:
                machines[machine].pendingBindings = summary
                machines[machine].state = .global
            case .catchClause:
                context.addCondition(summary.defaults)
                machines[machine].state = .expectingStatementOrBlock
            }
        case .typeAnnotation(let child):
            if let saved = machines[child].savedToken { _ = dispatch(machine, saved, &context) }
        }
    }

    /// Runs the machine's current (non-sub) state on the token.
    @inline(__always)
    private mutating func run(_ machine: Int, _ token: Token, _ context: inout ReadingContext) -> Outcome {
        switch machines[machine].state {
        case .global: stateGlobal(machine, token, &context)
        case .expectingCondition: expectingCondition(machine, token, &context)
        case .expectingStatementOrBlock: expectingStatementOrBlock(machine, token, &context)
        case .field: field(machine, token, &context)
        case .templateLiteral: if token.key == "`" { machines[machine].state = .global }
        case .function: function(machine, JSName(token), &context)
        case .declaration: return declaration(machine, token, &context)
        case .expectingFunctionBody: expectingFunctionBody(machine, token, &context)
        case .arrowFunction: arrowFunction(machine, token, &context)
        case .skipDeclaredFunction: return .returned(skipDeclaredFunction(machine, token))
        case .typeAlias: return .returned(typeAlias(machine, token, &context))
        case .skipInterface: return .returned(skipInterface(machine, token))
        case .consumeGeneric: consumeGeneric(machine, token)
        case .collectComputed: return .returned(collectComputed(machine, token, context.source))
        case .sub: break
        case .typeGlobal, .typeSimple, .typeInline, .typeGeneric, .typeFunction:
            typeAnnotation(machine, token, &context)
        }
        return .returned(false)
    }

    /// Sets `_prev_token` (nil for the empty string).
    @inline(__always)
    mutating func setPrevious(_ machine: Int, _ token: Token?, _ source: UnsafeBufferPointer<UInt8>) {
        if let token {
            machines[machine].previousKey = token.key
            machines[machine].previousFirst = source[token.start]
        } else {
            machines[machine].previousKey = ""
            machines[machine].previousFirst = 0
        }
    }

    mutating func setPreviousDot(_ machine: Int) {
        machines[machine].previousKey = "."
        machines[machine].previousFirst = UInt8(ascii: ".")
    }
}

typealias TypeScriptReader = JavaScriptReader
