/// lizard's `JavaClassBodyStates`, `JavaFunctionBodyStates` and the `new T(…) {…}` states.
extension JavaFrame {
    /// `JavaClassBodyStates._state_global`: static and instance initializer blocks, field initializers.
    mutating func classBodyGlobal(_ token: Token, last: Token?, _ context: inout ReadingContext) -> Action {
        if let staticToken = afterStatic {
            afterStatic = nil
            if token.key == "{" {
                classBodyBrace += 1
                return .push(Start(kind: .functionBody(exitsAtBrace: true)), .block)
            }
            javaGlobal(staticToken, last: last, &context)
            javaGlobal(token, last: last, &context)
            return token.key == "}" && classBodyBrace == 0 ? .exit : .none
        }
        if token.key == "static" {
            afterStatic = token
            return .none
        }
        if token.key == "{", let last, last.key == "{" || last.key == "}" || last.key == ";" {
            classBodyBrace += 1
            return .push(Start(kind: .functionBody(exitsAtBrace: true)), .block)
        }
        if token.key == "new" {
            state = .new
            return .none
        }
        javaGlobal(token, last: last, &context)
        if token.key == "{" { classBodyBrace += 1 } else if token.key == "}" { classBodyBrace -= 1 }
        return token.key == "}" && classBodyBrace == 0 ? .exit : .none
    }

    /// `JavaFunctionBodyStates._state_global`, under its two `read_inside_brackets_then` decorators: braces and
    /// parentheses both count in `br_count`, and the machine goes dead (`_state_dummy`) when it reaches zero.
    @inline(__always)
    mutating func functionBodyGlobal(
        _ token: Token, exitsAtBrace: Bool, last: Token?,
        _ context: inout ReadingContext
    ) -> Action {
        countBrackets(token, open: "{", close: "}")
        countBrackets(token, open: "(", close: ")")
        let action = functionBodyToken(token, exitsAtBrace: exitsAtBrace, last: last, &context)
        if bracketCount == 0 { state = .dummy }
        return action
    }

    @inline(__always)
    private mutating func functionBodyToken(
        _ token: Token, exitsAtBrace: Bool, last: Token?,
        _ context: inout ReadingContext
    ) -> Action {
        if consumeExpressionToken(token) { return .none }
        let afterAnnotation = afterUnqualifiedAnnotation
        if token.key != "record" { afterUnqualifiedAnnotation = false }
        if token.key == "@" {
            state = .decorator
            return .none
        }
        if startsClass(token, afterAnnotation: afterAnnotation, last: last, context.source) { return .none }
        if token.key == "new" {
            state = .new
            return .none
        }
        if exitsAtBrace {
            if token.key == "{" || token.key == "}" {
                blockBrace += token.key == "{" ? 1 : -1
                if blockBrace == 0 { return .exit }
            }
        } else if bracketCount == 0 {
            return .exit
        }
        return .none
    }

    /// `_state_new_parameters`: after `new Type`, arguments `(…)` or an anonymous class body `{…}`.
    mutating func newParameters(_ token: Token, last: Token?, _ context: inout ReadingContext) -> Action {
        let source = context.source
        let byte = firstByte(token, source)
        if newGenericDepth > 0 || byte == UInt8(ascii: "<") {
            // Skips the type's generic arguments (`new ThreadLocal<Long>()`, `<? super T>`).
            var index = token.start
            while index < token.end, index < source.count {
                if source[index] == UInt8(ascii: "<") {
                    newGenericDepth += 1
                } else if source[index] == UInt8(ascii: ">") {
                    newGenericDepth -= 1
                }
                index += 1
            }
            return .none
        }
        if token.key == "(" {
            return .push(Start(kind: .functionBody(exitsAtBrace: false)), .none)
        }
        if token.key == "{" {
            return .push(Start(kind: .classBody, hasClassName: true), .anonymousClass)
        }
        if token.key == "." || isLetter(token, source) || byte == UInt8(ascii: "_") { return .none }
        state = .global
        return global(token, last: last, &context)
    }
}
