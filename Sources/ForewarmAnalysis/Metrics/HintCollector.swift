import Foundation

/// Gathers ``DemandHints`` from the token stream: literal magnitudes (with `a ** b`, `aeb`, `1 << n` evaluated),
/// literals in loop headers and allocation sizes, allocation constructs and imports.
struct HintCollector {
    var hints = DemandHints()
    /// log10 of the last number seen, and whether the token before this one was it.
    private var lastNumber: Double? = nil
    private var powerBase: Double? = nil
    private var shiftBase: Double? = nil
    /// Tokens left in which a number counts as a size (after `range(`, `new T[`, `[0] *`, a loop keyword…).
    private var sizeWindow = 0
    private var previousKind = TokenKind.newline
    private var previousWasCloser = false
    private var pendingShift = false
    private var shiftCandidate: Double? = nil
    private var importLine = -1
    private var heavy: Set<String> = []

    static let heavyLibraries: Set<String> = [
        "numpy", "pandas", "scipy", "torch", "tensorflow", "sklearn", "keras", "jax", "cv2", "matplotlib", "numba",
        "polars", "dask", "pyspark", "transformers", "sympy", "networkx", "boost", "Eigen", "opencv2", "omp",
        "tbb", "cuda", "rayon", "ndarray", "tokio", "gonum", "nalgebra", "Accelerate", "Numerics", "mpi",
    ]

    /// Inlined into the session's token loop: most tokens only move the state on; numbers, imports and the
    /// operators that combine numbers go to out-of-line helpers.
    @inline(__always)
    mutating func observe(_ token: Token, _ traits: TokenTraits, source: UnsafeBufferPointer<UInt8>) {
        if sizeWindow > 0 { sizeWindow -= 1 }
        switch token.kind {
        case .number:
            if observeNumber(token, source: source) { return }
        case .symbol:
            let previous = previousKind
            previousKind = .symbol
            if token.key == "**", let last = lastNumber {
                powerBase = last
                lastNumber = nil
                return
            }
            if token.key == "<<", let last = lastNumber {
                shiftBase = last
                lastNumber = nil
                return
            }
            if token.key == "<" {
                // lizard's C tokens split `<<` in two.
                if pendingShift {
                    shiftBase = shiftCandidate
                    pendingShift = false
                    return
                }
                if let last = lastNumber {
                    pendingShift = true
                    shiftCandidate = last
                    lastNumber = nil
                    return
                }
            }
            pendingShift = false
            if token.key == "*", previous == .string || previousWasCloser {
                hints.allocations += 1
                sizeWindow = 2  // `[0] * n`, `"x" * n`
            }
            previousWasCloser = token.key == "]" || token.key == ")"
        case .word:
            if traits.contains(.allocation) {
                hints.allocations += 1
                sizeWindow = 8
            } else if traits.contains(.loop) {
                sizeWindow = 12
            }
            if traits.contains(.importLike) {
                hints.imports += 1
                importLine = token.line
            } else if token.line == importLine {
                noteLibrary(token, source: source)
            }
        case .string where token.line == importLine:
            noteLibrary(token, source: source)
        default:
            break
        }
        if token.kind != .symbol {
            previousKind = token.kind
            previousWasCloser = false
        }
        pendingShift = false
        lastNumber = nil
    }

    /// Records a numeric literal's magnitude; false when it is not a number it can read.
    private mutating func observeNumber(_ token: Token, source: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var magnitude = HintCollector.log10Value(of: token, in: source) else { return false }
        if let base = powerBase { magnitude = base * pow(10, magnitude) }  // a ** b: log10 = b · log10 a
        if let base = shiftBase { magnitude = base + pow(10, magnitude) * log10(2) }
        powerBase = nil
        shiftBase = nil
        if !magnitude.isFinite { magnitude = 308 }
        hints.maxLiteralLog10 = max(hints.maxLiteralLog10, magnitude)
        if sizeWindow > 0 {
            hints.sizeLiterals += 1
            hints.maxSizeLiteralLog10 = max(hints.maxSizeLiteralLog10, magnitude)
        }
        lastNumber = magnitude
        previousKind = .number
        previousWasCloser = false
        return true
    }

    mutating func observeInclude(_ token: Token, source: UnsafeBufferPointer<UInt8>) {
        hints.imports += 1
        noteLibrary(token, source: source)
    }

    private mutating func noteLibrary(_ token: Token, source: UnsafeBufferPointer<UInt8>) {
        guard token.length < 200 else { return }
        // In the names' order, as before: bit n is heavyLibraryNames[n] (fewer than 64 names).
        var found = HintCollector.libraryCounter.presence(
            in: UnsafeBufferPointer(rebasing: source[token.start..<token.end]))
        while found != 0 {
            let library = HintCollector.heavyLibraryNames[found.trailingZeroBitCount]
            found &= found - 1
            if !heavy.contains(library) {
                heavy.insert(library)
                hints.heavyImports.append(library)
            }
        }
    }

    static let heavyLibraryNames: [String] = {
        let names = heavyLibraries.sorted()
        precondition(names.count <= 64, "noteLibrary keeps the names found in a 64-bit mask")
        return names
    }()
    static let libraryCounter = PhraseCounter(heavyLibraryNames)

    /// log10 of a numeric literal's value, from its digits (decimal, hex, binary, octal, exponent, `_` and `'`).
    static func log10Value(of token: Token, in source: UnsafeBufferPointer<UInt8>) -> Double? {
        var digits = UnsafeBufferPointer(rebasing: source[token.start..<token.end])
        var radix: Double = 10
        if digits.count > 2, digits[0] == UInt8(ascii: "0") {
            switch digits[1] | 0x20 {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "b"): radix = 2
            case UInt8(ascii: "o"): radix = 8
            default: break
            }
            if radix != 10 { digits = UnsafeBufferPointer(rebasing: digits[2...]) }
        }
        var mantissa: Double = 0
        var exponent: Double = 0
        var fractionDigits: Double = 0
        var inFraction = false
        var index = 0
        while index < digits.count {
            let byte = digits[index]
            let lower = byte | 0x20
            var digit: Double? = nil
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                digit = Double(byte - UInt8(ascii: "0"))
            } else if radix == 16, lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "f") {
                digit = Double(lower - UInt8(ascii: "a") + 10)
            }
            if let digit, digit < radix {
                mantissa = mantissa * radix + digit
                if inFraction { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "'") {
                // separators
            } else if radix == 10, lower == UInt8(ascii: "e") {
                var sign: Double = 1
                var cursor = index + 1
                if cursor < digits.count, digits[cursor] == UInt8(ascii: "-") { sign = -1 }
                if cursor < digits.count, digits[cursor] == UInt8(ascii: "-") || digits[cursor] == UInt8(ascii: "+") {
                    cursor += 1
                }
                var value: Double = 0
                while cursor < digits.count, digits[cursor] >= UInt8(ascii: "0"), digits[cursor] <= UInt8(ascii: "9") {
                    value = value * 10 + Double(digits[cursor] - UInt8(ascii: "0"))
                    cursor += 1
                }
                exponent = sign * value
                break
            } else {
                break  // type suffixes: 10L, 1.5f, 7u64
            }
            index += 1
        }
        guard mantissa > 0 else { return 0 }
        let value = log10(mantissa) - fractionDigits + exponent
        return max(0, value)
    }
}
