/// Java: a port of lizard's `JavaReader` (java.py, java_body_states.py).
///
/// lizard nests state machines: the file's `JavaStates` hands each class body to a `JavaClassBodyStates`,
/// which hands each method body to a `JavaFunctionBodyStates`, which may hand an anonymous class body to
/// another class-body machine, and so on. Each machine here is a `JavaFrame` on an explicit stack; the top
/// frame reads each token. The namespace/brace nesting machine runs alongside, as in lizard.
struct JavaReader: LanguageReader {
    var frames = ScratchArray<JavaFrame>([JavaFrame(kind: .file)])
    var nesting = CLikeNestingStates()
    var tokenIndex = 0
    var previous: Token? = nil

    init() {}

    mutating func read(_ token: Token, _ traits: TokenTraits, _ context: inout ReadingContext) {
        tokenIndex += 1
        while frames.count > 0 {
            let depth = frames.count - 1
            switch frames[depth].read(token, previous: previous, tokenIndex: tokenIndex, &context) {
            case .none:
                break
            case .push(let start, let callback):
                push(start, callback, below: depth)
                continue
            case .exit:
                if depth > 0 {
                    frames.removeLast()
                    frames[depth - 1].resume()
                }
            }
            break
        }
        nesting.read(token, &context)
        previous = token
    }

    /// Out of line: building a frame inline gave every token's `read` a kilobyte of stack to set up.
    @inline(never)
    mutating func push(_ start: JavaFrame.Start, _ callback: JavaFrame.Callback, below depth: Int) {
        var child = JavaFrame(start)
        child.bornAt = tokenIndex
        frames[depth].callback = callback
        frames.append(child)
    }
}

/// One of lizard's Java state machines (`JavaStates` and its body subclasses).
struct JavaFrame {
    enum Kind: Equatable {
        case file, classBody
        /// A method or initializer body `{…}` (`exitsAtBrace`), or the arguments `(…)` of `new T(…)`.
        case functionBody(exitsAtBrace: Bool)
    }
    enum State {
        case global, clike, decorator, postDecorator, annotationArguments, classDeclaration, recordParameters,
            recordCompactConstructor, recordConstructorBody, new, newParameters, dummy
    }
    /// What the parent does when a child machine returns (lizard's `sub_state` callbacks).
    enum Callback { case none, method, classBody, anonymousClass, block }
    enum Action {
        case none, exit
        case push(Start, Callback)
    }
    /// What a child machine starts with. `Action` carries this rather than a whole frame: an action is returned
    /// for every token, and one as large as a frame cost a copy and a clear of hundreds of bytes each time.
    struct Start {
        var kind: Kind
        /// Only the class name's key is ever compared, so only it is kept: with a whole token, an action was too
        /// large to return in registers.
        var className: TokenKey? = nil
        var hasClassName = false
        var isRecord = false
    }

    let kind: Kind
    var state = State.global
    var clike = CLikeFunctionStates()
    var callback = Callback.none
    var bornAt = 0
    /// lizard's `br_count`, shared by every bracket-counting state of the machine.
    var bracketCount = 0
    var className: TokenKey? = nil
    var hasClassName = false
    var isRecord = false
    var inRecordConstructor = false
    var inMethodBody = false
    var handlingDotClass = false
    var handlingMethodRef = false
    var afterUnqualifiedAnnotation = false
    var newGenericDepth = 0
    var blockBrace = 0
    var classBodyBrace = 0
    var afterStatic: Token? = nil

    init(kind: Kind) {
        self.kind = kind
        clike.hosted = true
        clike.hostReadsBody = true
        clike.minimalOldCParameters = true
        clike.detectsLambdas = false
        if case .functionBody = kind { inMethodBody = true }
    }

    init(_ start: Start) {
        self.init(kind: start.kind)
        className = start.className
        hasClassName = start.hasClassName
        isRecord = start.isRecord
    }

    /// Reads the `tokenIndex`th token as the innermost machine. A machine created for this token has not seen a
    /// token yet (`last_token` is None). Asked of the frame in place: reading `bornAt` out of the reader's array
    /// would copy the whole frame.
    mutating func read(_ token: Token, previous: Token?, tokenIndex: Int, _ context: inout ReadingContext) -> Action {
        read(token, last: bornAt == tokenIndex ? nil : previous, &context)
    }

    mutating func read(_ token: Token, last: Token?, _ context: inout ReadingContext) -> Action {
        switch state {
        case .global:
            return global(token, last: last, &context)
        case .clike:
            clike.bracketCount = bracketCount
            clike.read(token, &context)
            bracketCount = clike.bracketCount
            if clike.enteredBody {
                clike.enteredBody = false
                inMethodBody = true
                return .push(Start(kind: .functionBody(exitsAtBrace: true)), .method)
            }
            if let handoff = clike.handoff {
                clike.handoff = nil
                state = .global
                return global(handoff, last: last, &context)
            }
            if clike.state == .global { state = .global }
        case .decorator:
            state = .postDecorator
        case .postDecorator:
            if token.key == "." {
                state = .decorator
            } else if token.key == "(" {
                state = .annotationArguments
                annotationArguments(token)
            } else {
                afterUnqualifiedAnnotation = true
                state = .global
            }
        case .annotationArguments:
            annotationArguments(token)
        case .classDeclaration:
            if token.key == "{" {
                return .push(
                    Start(kind: .classBody, className: className, hasClassName: hasClassName, isRecord: isRecord),
                    .classBody)
            } else if token.key == "(" {
                state = .recordParameters
            } else if isLetter(token, context.source), !hasClassName {
                className = token.key
                hasClassName = true
            }
        case .recordParameters:
            if token.key == ")" { state = .classDeclaration }
        case .recordCompactConstructor:
            if token.key == "{" {
                state = .recordConstructorBody
            } else {
                state = .global
                return global(token, last: last, &context)
            }
        case .recordConstructorBody:
            if token.key == "}" {
                inRecordConstructor = false
                state = .global
            }
        case .new:
            newGenericDepth = 0
            state = .newParameters
        case .newParameters:
            return newParameters(token, last: last, &context)
        case .dummy:
            break
        }
        return .none
    }

    /// After a child machine returns: lizard restores the saved state, then runs the callback.
    mutating func resume() {
        switch callback {
        case .none: state = .newParameters
        case .method:
            inMethodBody = false
            state = .global
        case .classBody, .anonymousClass: state = .global
        case .block:
            state = .global
            classBodyBrace -= 1
        }
        callback = .none
    }

    mutating func annotationArguments(_ token: Token) {
        countBrackets(token, open: "(", close: ")")
        if bracketCount == 0 { state = .global }
    }

    @inline(__always)
    mutating func countBrackets(_ token: Token, open: TokenKey, close: TokenKey) {
        if token.key == open { bracketCount += 1 } else if token.key == close { bracketCount -= 1 }
    }

    /// Takes the source, not the reading context: passing the `inout` context by value copied it per token.
    @inline(__always)
    func firstByte(_ token: Token, _ source: UnsafeBufferPointer<UInt8>) -> UInt8 {
        token.start < source.count ? source[token.start] : 0
    }

    /// Python's `token[0].isalpha()` (non-ASCII bytes count as letters).
    @inline(__always)
    func isLetter(_ token: Token, _ source: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = firstByte(token, source)
        return (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= 0x80
    }

    mutating func global(_ token: Token, last: Token?, _ context: inout ReadingContext) -> Action {
        switch kind {
        case .file:
            javaGlobal(token, last: last, &context)
            return .none
        case .classBody:
            return classBodyGlobal(token, last: last, &context)
        case .functionBody(let exitsAtBrace):
            return functionBodyGlobal(token, exitsAtBrace: exitsAtBrace, last: last, &context)
        }
    }

    /// `JavaStates._state_global`.
    mutating func javaGlobal(_ token: Token, last: Token?, _ context: inout ReadingContext) {
        if consumeExpressionToken(token) { return }
        let afterAnnotation = afterUnqualifiedAnnotation
        if token.key != "record" { afterUnqualifiedAnnotation = false }
        if token.key == "@" {
            state = .decorator
            return
        }
        if startsClass(token, afterAnnotation: afterAnnotation, last: last, context.source) { return }
        if javaStatementKeywords.contains(token.key) || inRecordConstructor { return }
        // CLikeStates._state_global: a name may start a function.
        let byte = firstByte(token, context.source)
        if token.kind == .word,
            isLetter(token, context.source) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
        {
            tryNewFunction(token, &context)
        }
    }

    mutating func tryNewFunction(_ token: Token, _ context: inout ReadingContext) {
        if isRecord, hasClassName, token.key == className {
            inRecordConstructor = true
            state = .recordCompactConstructor
            return
        }
        context.tryNewFunction(token)
        clike.state = .function
        state = .clike
    }

    /// Skips `Foo.class` and `Type::method`, which declare nothing.
    @inline(__always)
    mutating func consumeExpressionToken(_ token: Token) -> Bool {
        if token.key == "::" {
            handlingMethodRef = true
            return true
        }
        if handlingMethodRef {
            handlingMethodRef = false
            return true
        }
        if token.key == ".", !handlingDotClass {
            handlingDotClass = true
            return true
        }
        if handlingDotClass {
            handlingDotClass = false
            if token.key == "class" { return true }
        }
        return false
    }

    /// Whether `token` starts a class, enum or record declaration (then the machine reads it).
    @inline(__always)
    mutating func startsClass(_ token: Token, afterAnnotation: Bool, last: Token?, _ source: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        // Most tokens are none of the three words: answered here, without a call.
        guard token.key == "class" || token.key == "enum" || token.key == "record" else { return false }
        return startsDeclaration(token, afterAnnotation: afterAnnotation, last: last, source)
    }

    mutating func startsDeclaration(
        _ token: Token, afterAnnotation: Bool, last: Token?, _ source: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        if token.key == "class" || token.key == "enum" {
            isRecord = false
        } else if token.key == "record" {
            if inMethodBody { return false }
            afterUnqualifiedAnnotation = false
            if !recordBeginsDeclaration(last: last, afterAnnotation: afterAnnotation, source) { return false }
            isRecord = true
        } else {
            return false
        }
        afterUnqualifiedAnnotation = false
        className = nil
        hasClassName = false
        inRecordConstructor = false
        state = .classDeclaration
        return true
    }

    /// `_java_record_begins_type_declaration`: `record` is a keyword unless it names a field or method.
    func recordBeginsDeclaration(last: Token?, afterAnnotation: Bool, _ source: UnsafeBufferPointer<UInt8>) -> Bool {
        if afterAnnotation { return true }
        guard let last else { return true }
        if javaTypeKeywords.contains(last.key) || last.key == "]" || last.key == ">" { return false }
        let byte = firstByte(last, source)
        if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "$") { return false }
        if isLetter(last, source) {
            if byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z"), javaClassModifiers.contains(last.key) {
                return true
            }
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { return false }
        }
        switch last.key {
        case "}", ";", ")", "@": return true
        default: return false
        }
    }
}

let javaClassModifiers: TokenKeySet = [
    "public", "private", "protected", "static", "final", "strictfp", "abstract", "synchronized", "native",
    "default", "transient", "volatile", "sealed", "non-sealed",
]
let javaTypeKeywords: TokenKeySet = [
    "void", "boolean", "byte", "char", "short", "int", "long", "float", "double", "var",
]
let javaStatementKeywords: TokenKeySet = [
    "if", "else", "for", "while", "do", "switch", "catch", "try", "finally", "synchronized", "return", "throw",
    "assert", "break", "continue", "instanceof",
]
