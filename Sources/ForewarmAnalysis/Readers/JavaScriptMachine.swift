/// One of lizard's `TypeScriptStates` (or `TypeScriptTypeAnnotationStates`) instances.
///
/// lizard nests these through `sub_state`; here they live in the reader's pool and refer to each other by index.
struct JSMachine {
    var state = JSState.global
    /// The machine that delegated to this one (its `sub`), or that feeds it (its initializer reader).
    var parent = 0
    /// Fed by `parent` as its parameter initializer reader rather than delegated to.
    var fed = false
    /// Machines between this one and the root (the root's is 0).
    var level = 0
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
    /// The token that ended a type annotation, replayed by its owner.
    var savedToken: Token? = nil

    @inline(__always)
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
///
/// A built text lives in the reader's `texts` table, so machines hold no references (copying or resetting one
/// costs no reference counting). A name owns the first `textLength` bytes of its entry: appending extends the
/// entry in place when nothing else has extended it, and copies the owned prefix otherwise (value semantics).
struct JSName {
    var start = 0
    var end = 0
    /// The key when the name is one token; empty otherwise.
    var key: TokenKey = ""
    /// Index of the built text in `texts`, -1 for a source range.
    var text = -1
    var textLength = 0

    init() {}

    init(_ token: Token) {
        start = token.start
        end = token.end
        key = token.key
    }

    /// A name for a built text, added to `texts`.
    init(text: String, _ texts: inout [String]) {
        texts.append(text)
        self.text = texts.count - 1
        textLength = text.utf8.count
    }

    var isText: Bool { text >= 0 }

    var isEmpty: Bool { isText ? textLength == 0 : start == end }

    func firstByte(_ source: UnsafeBufferPointer<UInt8>, _ texts: [String]) -> UInt8 {
        if isText { return textLength > 0 ? texts[text].utf8.first ?? 0 : 0 }
        return start < end ? source[start] : 0
    }

    /// lizard's `name[0].isalpha() or name[0] in ('_', '$', '#')`.
    func isIdentifier(_ source: UnsafeBufferPointer<UInt8>, _ texts: [String]) -> Bool {
        JSName.startsIdentifier(firstByte(source, texts))
    }

    static func startsIdentifier(_ byte: UInt8) -> Bool {
        isAlpha(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "#")
    }

    static func isAlpha(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= 0x80
    }

    /// `last_tokens += token`.
    mutating func append(_ token: Token, _ source: UnsafeBufferPointer<UInt8>, _ texts: inout [String]) {
        if isText {
            let piece = String(decoding: UnsafeBufferPointer(rebasing: source[token.start..<token.end]), as: UTF8.self)
            if texts[text].utf8.count != textLength {
                texts.append(ownedText(texts))
                text = texts.count - 1
            }
            texts[text] += piece
            textLength += piece.utf8.count
        } else if isEmpty {
            self = JSName(token)
        } else {
            end = token.end
            key = ""
        }
    }

    /// The owned prefix of the entry (it ends where an appended piece did, so it is valid UTF-8).
    private func ownedText(_ texts: [String]) -> String {
        let entry = texts[text]
        return entry.utf8.count == textLength
            ? entry : String(decoding: Array(entry.utf8.prefix(textLength)), as: UTF8.self)
    }

    func string(_ source: UnsafeBufferPointer<UInt8>, _ texts: [String]) -> String {
        isText ? ownedText(texts) : String(decoding: UnsafeBufferPointer(rebasing: source[start..<end]), as: UTF8.self)
    }

    func equals(_ other: JSName, _ source: UnsafeBufferPointer<UInt8>, _ texts: [String]) -> Bool {
        if isText || other.isText { return string(source, texts) == other.string(source, texts) }
        guard end - start == other.end - other.start else { return false }
        var offset = 0
        while offset < end - start {
            if source[start + offset] != source[other.start + offset] { return false }
            offset += 1
        }
        return true
    }
}
