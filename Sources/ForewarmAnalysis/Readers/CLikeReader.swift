/// C and C++ (and the base of the other C-family readers): a port of lizard's `CLikeReader`, which runs three
/// state machines side by side: function recognition, the namespace/brace nesting stack, and the correction
/// for C++ rvalue references (`T&& x = …` is not a logical and).
struct CLikeReader: LanguageReader {
    var functions = CLikeFunctionStates()
    var nesting = CLikeNestingStates()
    var rvalue = CppRValueRefStates()

    init() {}

    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        functions.read(token, &context)
        nesting.read(token, &context)
        rvalue.read(token, &context)
    }
}

/// lizard's `CLikeNestingStackStates`: braces, namespaces, classes and templates.
struct CLikeNestingStates {
    enum State { case global, dot, readNamespace, namespaceName, template, attribute }
    var state = State.global
    var bracketCount = 0
    var saved: [Token] = []
    /// Words after which a class name ends (`class A : B`, `class A<T>`, `class A extends B`).
    var separators: [TokenKey] = ["<", ":", "final", "[", "extends", "implements"]

    mutating func read(_ token: Token, _ context: inout ReadingContext) {
        switch state {
        case .global:
            switch token.key {
            case "template": state = .template
            case ".": state = .dot
            case "{": context.addBareNesting()
            case "}": context.popNesting()
            case "struct", "class", "namespace", "union": state = .readNamespace  // words that open a named scope
            default: break
            }
        case .dot:
            state = .global
        case .readNamespace:
            if token.key == "[" {
                state = .attribute
                readAttribute(token, &context)
            } else {
                state = .namespaceName
                readNamespaceName(token, &context)
            }
        case .namespaceName:
            readNamespaceName(token, &context)
        case .template:
            if token.key == "<" { bracketCount += 1 } else if token.key == ">" { bracketCount -= 1 }
            if bracketCount == 0 { state = .global }
        case .attribute:
            readAttribute(token, &context)
        }
    }

    mutating func readAttribute(_ token: Token, _ context: inout ReadingContext) {
        if token.key == "[" { bracketCount += 1 } else if token.key == "]" { bracketCount -= 1 }
        if bracketCount == 0 { state = .readNamespace }
    }

    mutating func readNamespaceName(_ token: Token, _ context: inout ReadingContext) {
        switch token.key {
        case ")", "(", "{", ";":
            state = .global
            if token.key == "{" {
                var name = ""
                for part in saved {
                    if separators.contains(part.key) { break }
                    name += context.text(of: part)
                }
                context.addNamespace(name)
            }
            saved.removeAll(keepingCapacity: true)
        default:
            saved.append(token)
        }
    }
}

/// lizard's `CppRValueRefStates`: takes back the condition counted for `&&` when it declares a reference.
struct CppRValueRefStates {
    enum State { case global, rvalueRef, typedef }
    var state = State.global
    var ands = 0

    mutating func read(_ token: Token, _ context: inout ReadingContext) {
        switch state {
        case .global:
            if token.key == "&&" {
                state = .rvalueRef
            } else if token.key == "typedef" {
                state = .typedef
                ands = 0
            }
        case .rvalueRef:
            switch token.key {
            case "=", ";", "{", "}", ")":
                if token.key == "=" { context.addCondition(-1) }
                state = .global
            default: break
            }
        case .typedef:
            if token.key == ";" {
                context.addCondition(-ands)
                state = .global
            } else if token.key == "&&" {
                ands += 1
            }
        }
    }
}
