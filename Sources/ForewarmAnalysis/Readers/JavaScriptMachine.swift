/// One of lizard's `TypeScriptStates` (or `TypeScriptTypeAnnotationStates`) instances.
///
/// lizard nests these through `sub_state`; here they live in the reader's pool and refer to each other by index.
struct JSMachine {
    var state = JSState.global
    var savedState = JSState.global
    var callback = JSCallback.none
    var toExit = false
    /// `read_inside_brackets_then`'s counter (type annotations).
    var bracketCount = 0
    var lastTokens = JSName()
    var functionName = JSName()
    var startedFunction = false
    var asObject = false
    var getterSetterPrefix: Token? = nil
    var declareSeen = false
    var staticSeen = false
    var asyncSeen = false
    /// `_prev_token`: its key and first byte (0 when empty).
    var previousKey: TokenKey = ""
    var previousFirst: UInt8 = 0
    var inPropertyValue = false
    var inAbstractContext = false
    var conditionKind: TokenKey = ""
    var ternaryDepth = 0
    var bindingCandidate: JSBindings? = nil
    var pendingBindings: JSBindingSummary? = nil
    var initializerReader: Int? = nil
    var confirmedBindingDefaults = 0
    var parameterBindings: JSBindings? = nil
    var genericDepthInDeclaration = 0
    /// Variables of lizard's closure states (type aliases, interfaces, generics, computed names).
    var aliasPhase = 0
    var aliasBraces = 0
    var aliasGenerics = 0
    var aliasKeyword: Token? = nil
    var interfaceBraces = 0
    var interfaceStarted = false
    var genericDepth = 0
    var computedParts: [Token] = []
    /// The token that ended a type annotation, replayed by its owner.
    var savedToken: Token? = nil

    init(state: JSState = .global) {
        self.state = state
        savedState = state
    }

    var previousIsEmpty: Bool { previousFirst == 0 }
}

/// The states of lizard's TypeScript machines; `sub` delegates to a nested machine until it returns.
enum JSState: Equatable {
    case global, expectingCondition, expectingStatementOrBlock, field, templateLiteral
    case function, declaration, expectingFunctionBody, arrowFunction
    case skipDeclaredFunction, typeAlias, skipInterface, consumeGeneric, collectComputed
    case sub(Int)
    case typeGlobal, typeSimple, typeInline, typeGeneric, typeFunction
}

/// What a machine does when its sub-machine returns (lizard's `sub_state` callbacks).
enum JSCallback {
    case none
    case popFunction
    case afterCondition
    case afterBlock
    case binding(candidate: Int, function: Int, complexity: Int, track: Bool, then: JSBindingUse)
    case typeAnnotation(child: Int)
}

enum JSBindingUse { case keep, catchClause, object }

struct JSBindingSummary {
    var defaults: Int
    var expressionComplexity: Int
    var confirmedDefaults: Int
}

/// lizard's `last_tokens` / `function_name`: a source range (tokens joined), or a built text for computed names.
struct JSName {
    var start = 0
    var end = 0
    /// The key when the name is one token; empty otherwise.
    var key: TokenKey = ""
    var text: String? = nil

    init() {}

    init(_ token: Token) {
        start = token.start
        end = token.end
        key = token.key
    }

    var isEmpty: Bool { text.map(\.isEmpty) ?? (start == end) }

    func firstByte(_ source: UnsafeBufferPointer<UInt8>) -> UInt8 {
        if let text { return text.utf8.first ?? 0 }
        return start < end ? source[start] : 0
    }

    /// lizard's `name[0].isalpha() or name[0] in ('_', '$', '#')`.
    func isIdentifier(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        JSName.startsIdentifier(firstByte(source))
    }

    static func startsIdentifier(_ byte: UInt8) -> Bool {
        isAlpha(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "#")
    }

    static func isAlpha(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= 0x80
    }

    /// `last_tokens += token`.
    mutating func append(_ token: Token, _ source: UnsafeBufferPointer<UInt8>) {
        if text != nil {
            text! += String(decoding: UnsafeBufferPointer(rebasing: source[token.start..<token.end]), as: UTF8.self)
        } else if isEmpty {
            self = JSName(token)
        } else {
            end = token.end
            key = ""
        }
    }

    func string(_ source: UnsafeBufferPointer<UInt8>) -> String {
        text ?? String(decoding: UnsafeBufferPointer(rebasing: source[start..<end]), as: UTF8.self)
    }

    func equals(_ other: JSName, _ source: UnsafeBufferPointer<UInt8>) -> Bool {
        if text != nil || other.text != nil { return string(source) == other.string(source) }
        guard end - start == other.end - other.start else { return false }
        var offset = 0
        while offset < end - start {
            if source[start + offset] != source[other.start + offset] { return false }
            offset += 1
        }
        return true
    }
}

/// lizard's `JavaScriptBindings`: defaults in binding patterns, apart from their initializer expressions.
struct JSBindings {
    struct Frame {
        var closing: TokenKey
        var initializing = false
    }

    struct Event {
        var ended = false
        var inExpression = false
        var initializerStarted = false
        var initializerEnded = false
        var rootSeparator = false
    }

    var frames: [Frame]
    var expressionBrackets: [TokenKey] = []
    var previous: TokenKey = ""
    var defaults = 0

    init(closing: TokenKey) { frames = [Frame(closing: closing)] }

    var inExpression: Bool { (frames.last?.initializing ?? false) || !expressionBrackets.isEmpty }
    var atStart: Bool { previous == "" }

    static func closing(of key: TokenKey) -> TokenKey? {
        switch key {
        case "(": ")"
        case "[": "]"
        case "{", "${": "}"
        default: nil
        }
    }

    mutating func read(_ key: TokenKey) -> Event {
        guard let frame = frames.last else { return Event(ended: true) }
        let initializing = inExpression
        var event = Event()
        event.inExpression = initializing
        event.initializerEnded = initializing && expressionBrackets.isEmpty && (key == "," || key == frame.closing)
        event.rootSeparator = key == "," && frames.count == 1 && expressionBrackets.isEmpty
        let before = defaults
        if let expected = expressionBrackets.last {
            if let closing = JSBindings.closing(of: key) {
                expressionBrackets.append(closing)
            } else if key == expected {
                expressionBrackets.removeLast()
            }
        } else if key == frame.closing {
            frames.removeLast()
        } else if key == "," {
            frames[frames.count - 1].initializing = false
        } else if frame.initializing || key == "("
            || (key == "[" && frame.closing == "}" && (previous == "" || previous == "{" || previous == ","))
        {
            if let closing = JSBindings.closing(of: key) { expressionBrackets.append(closing) }
        } else if key == "[" || key == "{" {
            frames.append(Frame(closing: key == "[" ? "]" : "}"))
        } else if key == "=" {
            defaults += 1
            frames[frames.count - 1].initializing = true
        }
        event.ended = frames.isEmpty
        if !event.ended { previous = key }
        event.initializerStarted = defaults != before
        return event
    }
}
