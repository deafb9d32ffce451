/// Port of lizard's `PythonStates`: finds `def name(params):` and reads its parameters, PEP 695 type parameters,
/// subscripted annotations, defaults and lambdas, and drops a docstring's lines from NLOC.
///
/// It also keeps what lizard reads off the function's long name: whether it ends with `)`, which decides whether
/// indentation is tracked (it is not inside an open parameter list).
struct PythonFunctionStates {
    enum State { case global, function, typeParameters, parameters, defaultValue, colon, firstLine, annotation }
    var state = State.global
    var bracketCount = 0
    var lambdaHeads = 0
    /// Per function index: its long name ends with `)`.
    var endsWithParen: [Bool] = [false]

    var isAtFirstLine: Bool { state == .firstLine }

    /// lizard's `current_function.name == '*global*' or current_function.long_name.endswith(')')`.
    func tracksIndentation(_ context: ReadingContext) -> Bool {
        context.current == 0 || (context.current < endsWithParen.count && endsWithParen[context.current])
    }

    mutating func read(_ token: Token, _ context: inout ReadingContext) {
        switch state {
        case .global:
            if token.key == "def" { state = .function }
        case .function:
            readFunction(token, &context)
        case .typeParameters:
            if token.key == "def" || token.key == "class" {
                bracketCount = 0
                state = .global
                read(token, &context)
                return
            }
            appendToLongName(token, &context)
            countSquare(token)
            if bracketCount == 0 { state = .function }
        case .parameters:
            readParameter(token, &context)
        case .defaultValue:
            readDefaultValue(token, &context)
        case .colon:
            state = token.key == ":" ? .firstLine : .global
        case .firstLine:
            state = .global
            if PythonReader.isTripleQuoted(token, context.source, allowPrefix: false) {
                context.addNloc(-token.innerNewlines - 1)
            }
            if token.key == "def" { state = .function }
        case .annotation:
            appendToLongName(token, &context)
            countSquare(token)
            if bracketCount == 0 { state = .parameters }
        }
    }

    mutating func readFunction(_ token: Token, _ context: inout ReadingContext) {
        if token.key == "[" {
            bracketCount = 0
            state = .typeParameters
            read(token, &context)
        } else if token.key != "(" {
            context.restartNewFunction(token)
            setEndsWithParen(token.key == ")", context)
        } else {
            setEndsWithParen(false, context)
            state = .parameters
        }
    }

    mutating func readParameter(_ token: Token, _ context: inout ReadingContext) {
        switch token.key {
        case ")":
            state = .colon
            appendToLongName(token, &context)
        case "[":
            bracketCount = 1
            state = .annotation
            appendToLongName(token, &context)
        case "(", "{", "lambda":
            bracketCount = 0
            lambdaHeads = 0
            state = .defaultValue
            readDefaultValue(token, &context)
        default:
            context.parameter(token)
            setEndsWithParen(token.key == ")", context)
        }
    }

    mutating func readDefaultValue(_ token: Token, _ context: inout ReadingContext) {
        if token.key != "," { context.parameter(token) }
        setEndsWithParen(token.key == ")", context)
        switch token.key {
        case "(", "[", "{": bracketCount += 1
        case ")", "]", "}": bracketCount -= 1
        case "lambda" where bracketCount == 0: lambdaHeads += 1
        case ":" where bracketCount == 0 && lambdaHeads > 0: lambdaHeads -= 1
        default: break
        }
        if bracketCount < 0 || (bracketCount == 0 && lambdaHeads == 0) { state = .parameters }
    }

    mutating func countSquare(_ token: Token) {
        if token.key == "[" { bracketCount += 1 } else if token.key == "]" { bracketCount -= 1 }
    }

    mutating func appendToLongName(_ token: Token, _ context: inout ReadingContext) {
        setEndsWithParen(token.key == ")", context)
    }

    mutating func setEndsWithParen(_ value: Bool, _ context: ReadingContext) {
        let index = context.current
        guard index > 0 else { return }
        if index >= endsWithParen.count {
            endsWithParen.append(contentsOf: repeatElement(false, count: index + 1 - endsWithParen.count))
        }
        endsWithParen[index] = value
    }
}
