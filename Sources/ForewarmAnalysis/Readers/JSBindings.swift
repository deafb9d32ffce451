/// lizard's `JavaScriptBindings`: defaults in binding patterns, apart from their initializer expressions.
///
/// Every binding candidate on the machine chain reads every token, so its two bracket stacks are packed into
/// integers (``JSCodeStack``) rather than arrays: no allocation, no uniqueness check per token.
struct JSBindings {
    struct Event {
        var ended = false
        var inExpression = false
        var initializerStarted = false
        var initializerEnded = false
        var rootSeparator = false
    }

    /// Frames of the pattern: a closing code (``closingCode(of:)``) plus 4 while a default's initializer is read.
    var frames = JSCodeStack()
    /// Closing codes of the brackets open inside an initializer expression.
    var expressionBrackets = JSCodeStack()
    var previous: TokenKey = ""
    var defaults = 0

    static let frameWidth = 3
    static let bracketWidth = 2
    static let initializingFlag: UInt8 = 4

    init(closing: TokenKey) {
        frames.packed = UInt64(JSBindings.closingCode(of: closing))
        frames.count = 1
    }

    var inExpression: Bool {
        (frames.count > 0 && frames.top(width: JSBindings.frameWidth) & JSBindings.initializingFlag != 0)
            || expressionBrackets.count > 0
    }

    var atStart: Bool { previous == "" }

    /// 1 for `)`, 2 for `]`, 3 for `}`, 0 for anything else.
    @inline(__always)
    static func closingCode(of key: TokenKey) -> UInt8 {
        switch key {
        case ")": 1
        case "]": 2
        case "}": 3
        default: 0
        }
    }

    /// The closing code of an opening bracket (`${` closes with `}`), 0 for anything else.
    @inline(__always)
    static func openingCode(of key: TokenKey) -> UInt8 {
        switch key {
        case "(": 1
        case "[": 2
        case "{", "${": 3
        default: 0
        }
    }

    /// ``read(_:_:)`` for a machine chain's walk, which ignores the event: a token that is no bracket, `,` or `=`
    /// only becomes `previous` (the commonest case, decided from the key's bits without a call).
    @inline(__always)
    mutating func observe(_ key: TokenKey, _ spills: inout [[UInt8]]) {
        if JSBindings.isPlain(key) {
            if frames.count > 0 { previous = key }
        } else {
            advance(key, &spills)
        }
    }

    /// Whether `read` does nothing with the key but remember it: neither a bracket (`${` included) nor `,` or `=`.
    @inline(__always)
    static func isPlain(_ key: TokenKey) -> Bool {
        let interpolation: TokenKey = "${"
        let raw = key.raw
        if raw >> 56 != 1 { return raw != interpolation.raw }
        switch UInt8(truncatingIfNeeded: raw) {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: "="):
            return false
        default:
            return true
        }
    }

    /// Reads one token; `spills` holds the stacks' entries that do not fit in their integers.
    mutating func read(_ key: TokenKey, _ spills: inout [[UInt8]]) -> Event {
        guard frames.count > 0 else { return Event(ended: true) }
        let frameClosing = frames.top(width: JSBindings.frameWidth) & 3
        let keyClosing = JSBindings.closingCode(of: key)
        var event = Event()
        event.inExpression = inExpression
        event.initializerEnded =
            event.inExpression && expressionBrackets.count == 0
            && (key == "," || keyClosing == frameClosing && keyClosing != 0)
        event.rootSeparator = key == "," && frames.count == 1 && expressionBrackets.count == 0
        let before = defaults
        advance(key, &spills)
        event.ended = frames.count == 0
        event.initializerStarted = defaults != before
        return event
    }

    /// ``read(_:_:)`` without the event, which a machine chain's walk ignores.
    mutating func advance(_ key: TokenKey, _ spills: inout [[UInt8]]) {
        guard frames.count > 0 else { return }
        let frame = frames.top(width: JSBindings.frameWidth)
        let frameClosing = frame & 3
        let frameInitializing = frame & JSBindings.initializingFlag != 0
        let keyClosing = JSBindings.closingCode(of: key)
        if expressionBrackets.count > 0 {
            let expected = expressionBrackets.top(width: JSBindings.bracketWidth)
            let opening = JSBindings.openingCode(of: key)
            if opening != 0 {
                expressionBrackets.push(opening, width: JSBindings.bracketWidth, &spills)
            } else if keyClosing == expected {
                expressionBrackets.pop(width: JSBindings.bracketWidth, &spills)
            }
        } else if keyClosing != 0 && keyClosing == frameClosing {
            frames.pop(width: JSBindings.frameWidth, &spills)
        } else if key == "," {
            frames.setTop(frameClosing, width: JSBindings.frameWidth)
        } else if frameInitializing || key == "("
            || (key == "[" && frameClosing == 3 && (previous == "" || previous == "{" || previous == ","))
        {
            let opening = JSBindings.openingCode(of: key)
            if opening != 0 { expressionBrackets.push(opening, width: JSBindings.bracketWidth, &spills) }
        } else if key == "[" || key == "{" {
            frames.push(key == "[" ? 2 : 3, width: JSBindings.frameWidth, &spills)
        } else if key == "=" {
            defaults += 1
            frames.setTop(frameClosing | JSBindings.initializingFlag, width: JSBindings.frameWidth)
        }
        if frames.count > 0 { previous = key }
    }
}

/// A stack of small codes (`width` bits each) packed into one integer, its top in the low bits. Entries below
/// what the integer holds move to `spills[spill]` (only nesting deeper than real code reaches it), so the stack is
/// as deep as the input makes it.
struct JSCodeStack {
    var packed: UInt64 = 0
    var count = 0
    /// Index of this stack's overflow in the reader's spill table; -1 until it first overflows.
    var spill = -1

    @inline(__always)
    static func capacity(_ width: Int) -> Int { 64 / width }

    @inline(__always)
    static func mask(_ width: Int) -> UInt64 { (1 << UInt64(width)) - 1 }

    @inline(__always)
    func top(width: Int) -> UInt8 { UInt8(truncatingIfNeeded: packed & JSCodeStack.mask(width)) }

    @inline(__always)
    mutating func setTop(_ code: UInt8, width: Int) {
        packed = packed & ~JSCodeStack.mask(width) | UInt64(code)
    }

    @inline(__always)
    mutating func push(_ code: UInt8, width: Int, _ spills: inout [[UInt8]]) {
        let capacity = JSCodeStack.capacity(width)
        if count >= capacity { spillBottom(width: width, &spills) }
        packed = packed << UInt64(width) | UInt64(code)
        if width * capacity < 64 { packed &= (1 << UInt64(width * capacity)) - 1 }
        count += 1
    }

    @inline(__always)
    mutating func pop(width: Int, _ spills: inout [[UInt8]]) {
        count -= 1
        packed >>= UInt64(width)
        if count >= JSCodeStack.capacity(width) { unspillBottom(width: width, &spills) }
    }

    /// Moves the deepest packed entry to the spill, making room for a push.
    private mutating func spillBottom(width: Int, _ spills: inout [[UInt8]]) {
        let capacity = JSCodeStack.capacity(width)
        let bottom = UInt8(truncatingIfNeeded: (packed >> UInt64(width * (capacity - 1))) & JSCodeStack.mask(width))
        if spill < 0 {
            spills.append([])
            spill = spills.count - 1
        }
        if count == capacity { spills[spill].removeAll(keepingCapacity: true) }
        spills[spill].append(bottom)
    }

    /// After a pop: refills the deepest packed slot from the spill.
    private mutating func unspillBottom(width: Int, _ spills: inout [[UInt8]]) {
        let code = spills[spill].removeLast()
        packed |= UInt64(code) << UInt64(width * (JSCodeStack.capacity(width) - 1))
    }
}
