import Foundation

/// Kinds of identifiers that say something about run time that metrics cannot: reading input, sleeping,
/// threads, big numbers, output.
public enum WordCue: Int, CaseIterable, Sendable {
    case input, sleep, concurrency, bignum, output, random, math, collection, io
    /// Loops without a bound: `while true`, `while (1)`, `for (;;)`, Go's `for {`, Rust's `loop {`, `loop do`.
    case unboundedLoop
    /// Numeric literals of 4+ and 6+ digits: workload sizes.
    case numbers4Digits, numbers6Digits
    /// Ways out of a loop (`break`, `last`, `exit`…): an unbounded loop with none runs until killed.
    case breaks
    /// Endless sources: `Float::INFINITY`, `lazy`, `cycle`, `itertools`, `goto`.
    case endless

    /// Feature name of the cue's count.
    public var featureName: String { "words_\(self)" }
}

/// Counts identifiers of each ``WordCue`` kind in one pass over the bytes (hash of each word, one table lookup).
struct WordCueCounter: Sendable {
    /// Open-addressing table of word hashes (0 = empty slot) and their cues: one probe per word, no hashing of
    /// the hash.
    private var keys = [UInt64](repeating: 0, count: Self.slots)
    private var values = [UInt8](repeating: 0, count: Self.slots)
    private let classes = ByteClass.table()
    private static let slots = 1024

    init() {
        let words: [WordCue: [String]] = [
            .input: [
                "input", "raw_input", "stdin", "STDIN", "gets", "scanf", "readline", "readLine", "ReadLine",
                "Scanner", "fgets", "getline", "getchar", "read_line", "fscanf", "bufio", "ARGV", "argv", "args",
            ],
            .sleep: [
                "sleep", "usleep", "nanosleep", "Sleep", "setTimeout", "setInterval", "delay", "time_sleep",
                "wait", "Duration",
            ],
            .concurrency: [
                "thread", "Thread", "threads", "spawn", "fork", "pthread_create", "async", "await",
                "Future", "Promise", "parallel", "goroutine", "chan", "Mutex", "mutex", "Executor", "Coroutine",
                "coroutine", "WaitGroup", "Worker",
            ],
            .bignum: [
                "BigInt", "BigInteger", "bigint", "gmp", "mpz_t", "mpz_init", "big", "bignum", "BigDecimal",
                "bcmath", "bcadd", "bcmul", "Rational", "num_bigint", "decimal", "Decimal", "gmp_init", "BigRat",
            ],
            .output: [
                "print", "println", "printf", "puts", "echo", "say", "console", "cout", "Println", "Printf",
                "System", "write", "putchar", "fmt", "printLn",
            ],
            .random: ["rand", "random", "Random", "srand", "shuffle", "randint", "uniform", "math_rand"],
            .math: [
                "sqrt", "pow", "exp", "log", "sin", "cos", "atan2", "floor", "ceil", "abs", "mod", "gcd",
                "isqrt", "prime", "primes", "sieve", "factorial", "fib", "fibonacci",
            ],
            .collection: [
                "sort", "sorted", "append", "push", "map", "filter", "reduce", "HashMap", "dict", "Vec",
                "vector", "ArrayList", "list", "set", "Set", "hash", "Hash", "table", "insert", "collect",
            ],
            // `yield` suspends a `while True` generator: its loop runs only as far as its consumer asks.
            .breaks: ["break", "last", "exit", "quit", "die", "Exit", "throw", "raise", "yield"],
            .endless: [
                "infinite", "lazy", "cycle", "itertools", "goto", "forever",
                "generator",
            ],
            .io: [
                "open", "fopen", "File", "file", "socket", "http", "urllib", "requests", "net", "Process",
                "system", "exec", "popen", "os",
            ],
        ]
        for (cue, list) in words {
            for word in list { insert(Self.hash(Array(word.utf8)[...]), UInt8(cue.rawValue)) }
        }
        for (word, code) in Special.words { insert(Self.hash(Array(word.utf8)[...]), code.rawValue) }
    }

    /// Words that steer the scan rather than count as a cue; their codes sit above every cue's.
    enum Special: UInt8 {
        case importing = 200, whileWord, forWord, loopWord, untilWord, trueWord, falseWord, doWord, forever
        /// Iteration words that are not loop keywords of their own (`each`, `times`, `upto`…): they mark a loop
        /// line for the loop-bound scan.
        case iterating
        /// Bounds that stand for "no bound": `INFINITY`, `UINT_MAX`, `MAX_VALUE`, `math.huge`, `sys.maxsize`…
        case hugeBound
        /// `count` (Python's endless `itertools.count()` when called with no bound inside a loop header).
        case countWord

        static let words: [(String, Special)] = [
            ("import", .importing), ("require", .importing), ("use", .importing), ("include", .importing),
            ("from", .importing), ("using", .importing), ("extern", .importing), ("while", .whileWord),
            ("for", .forWord), ("loop", .loopWord), ("until", .untilWord), ("true", .trueWord),
            ("True", .trueWord), ("TRUE", .trueWord), ("false", .falseWord), ("do", .doWord),
            ("forever", .forever), ("each", .iterating), ("times", .iterating), ("upto", .iterating),
            ("downto", .iterating), ("step", .iterating), ("foreach", .iterating), ("repeat", .iterating),
            ("range", .iterating), ("each_with_index", .iterating), ("forEach", .iterating),
            ("INFINITY", .hugeBound), ("Infinity", .hugeBound), ("inf", .hugeBound), ("huge", .hugeBound),
            ("MAX", .hugeBound), ("UINT_MAX", .hugeBound), ("INT_MAX", .hugeBound), ("LONG_MAX", .hugeBound),
            ("ULONG_MAX", .hugeBound), ("MAX_VALUE", .hugeBound), ("maxsize", .hugeBound), ("MaxInt", .hugeBound),
            ("MaxInt32", .hugeBound), ("MaxInt64", .hugeBound), ("MaxUint32", .hugeBound),
            ("MaxUint64", .hugeBound), ("count", .countWord),
        ]
    }

    /// Buckets of the hashed bag of words (every identifier and keyword, hashed) that the trees see as counts.
    static let buckets = 64
    /// Columns of the word-presence bag (identifiers, keywords and imported names, hashed) that the learned
    /// lexicon (``WordLexicon``) weighs; the trees never split on them.
    static let bagColumns = 1024
    /// Buckets of the hashed bag of imported names (the word after `import`, `require`, `use`, `#include`…).
    static let importBuckets = 32
    private static let none: UInt8 = 255

    /// What one pass over the bytes finds besides the word cues: lines that loop and the literals on them.
    struct LoopBounds: Equatable {
        /// Lines that hold a loop keyword or an iteration word.
        var lines = 0
        /// The largest literal (log10) on a loop line: a loop bound such as `range(1, 20000)`.
        var maxBoundLog10 = 0.0
        /// The sum over loop lines of their largest literal (log10).
        var boundSumLog10 = 0.0
        /// The largest product of bounds along a chain of loops nested by indentation (log10): the work of the
        /// deepest nest, as in `for i < 1000 { for j < 1000 }` → 6.
        var nestedWorkLog10 = 0.0
        /// Loop lines with no real bound: an endless source (`count()`, `1.step {`, `(1..)`, `0.. {`) or a bound
        /// like `INFINITY` or `UINT_MAX`.
        var endlessLines = 0
    }

    /// Columns of the counts: one per cue, then the hashed bag of words, then the imported names.
    static let countColumns = WordCue.allCases.count + buckets + importBuckets

    /// Counts per cue, indexed by `WordCue.rawValue`, then the hashed bag of words, then the imported names, into
    /// `counts` (``countColumns`` of them); sets the word-presence columns in `bag` (``bagColumns`` of them) to 1.
    func count(
        _ bytes: UnsafeBufferPointer<UInt8>, bag: UnsafeMutableBufferPointer<Double>,
        counts: UnsafeMutableBufferPointer<Int>
    ) -> LoopBounds {
        precondition(bag.count == Self.bagColumns, "the word bag has bagColumns columns")
        precondition(counts.count == Self.countColumns, "the counts have countColumns columns")
        counts.initialize(repeating: 0)
        var loops = LoopBounds()
        withUnsafeTemporaryAllocation(of: (indent: Int, work: Double).self, capacity: Nest.capacity) { storage in
            var nest = Nest(storage: storage.baseAddress!)
            keys.withUnsafeBufferPointer { keys in
                values.withUnsafeBufferPointer { values in
                    classes.withUnsafeBufferPointer { classes in
                        scan(
                            bytes, keys: keys, values: values, classes: classes, counts: counts,
                            cues: WordCue.allCases.count, bag: bag, nest: &nest, loops: &loops)
                    }
                }
            }
        }
        return loops
    }

    /// Counts and loop bounds, with the bag (tests, tools).
    func count(_ bytes: UnsafeBufferPointer<UInt8>, bag: UnsafeMutableBufferPointer<Double>) -> (
        counts: [Int], loops: LoopBounds
    ) {
        var counts = [Int](repeating: 0, count: Self.countColumns)
        let loops = counts.withUnsafeMutableBufferPointer { count(bytes, bag: bag, counts: $0) }
        return (counts, loops)
    }

    /// Counts without the bag (tests, tools).
    func count(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var bag = [Double](repeating: 0, count: Self.bagColumns)
        return bag.withUnsafeMutableBufferPointer { count(bytes, bag: $0).counts }
    }

    /// The loops that enclose the current line (by indentation), innermost last, in storage the scan owns.
    struct Nest {
        static let capacity = 16
        let storage: UnsafeMutablePointer<(indent: Int, work: Double)>
        var count = 0

        var last: (indent: Int, work: Double)? { count > 0 ? storage[count - 1] : nil }

        mutating func removeLast() { count -= 1 }

        mutating func append(_ entry: (indent: Int, work: Double)) {
            (storage + count).initialize(to: entry)
            count += 1
        }
    }

    private func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, keys: UnsafeBufferPointer<UInt64>,
        values: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>,
        counts: UnsafeMutableBufferPointer<Int>, cues: Int, bag: UnsafeMutableBufferPointer<Double>,
        nest: inout Nest, loops: inout LoopBounds
    ) {
        let unbounded = WordCue.unboundedLoop.rawValue
        let bagSize = UInt64(Self.bagColumns)  // a constant, so the modulo below is a mask, not a division
        var afterImport = false
        var loopWord = Special?.none  // the loop keyword just read, while its header may still say "forever"
        var line = LineState()
        let end = bytes.count
        var index = Self.startLine(bytes, at: 0, &line)
        while index < end {
            let byte = bytes[index]
            let kind = classes[Int(byte)]
            if kind == ByteClass.space {  // the commonest byte between words; it changes nothing mid-line
                index += 1
                continue
            }
            if kind == ByteClass.letter {
                let wordStart = index
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                repeat {
                    hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
                    index += 1
                } while index < end && classes[Int(bytes[index])] & ByteClass.wordBit != 0
                counts[cues + Int(truncatingIfNeeded: (hash >> 17) % UInt64(Self.buckets))] += 1
                bag[Int(truncatingIfNeeded: (hash >> 29) % bagSize)] = 1
                if afterImport {
                    counts[cues + Self.buckets + Int(truncatingIfNeeded: (hash >> 23) % UInt64(Self.importBuckets))] +=
                        1
                    bag[Int(truncatingIfNeeded: ((hash ^ Self.importSalt) >> 29) % bagSize)] = 1
                    afterImport = false
                }
                let code = Self.lookup(hash, keys: keys, values: values)
                // Most words are in no list: settle them before `Special(rawValue:)`, which is a call.
                guard code != Self.none, code >= Special.importing.rawValue, let special = Special(rawValue: code)
                else {
                    if code < cues { counts[Int(code)] += 1 }
                    loopWord = nil
                    continue
                }
                settle(
                    special, bytes, wordStart: wordStart, wordEnd: index, counts: counts, afterImport: &afterImport,
                    loopWord: &loopWord, line: &line)
                continue
            }
            if kind == ByteClass.digit {
                let start = index
                let magnitude = Self.literalMagnitude(bytes, at: &index)
                if magnitude >= 3 { counts[WordCue.numbers4Digits.rawValue] += 1 }
                if magnitude >= 5 { counts[WordCue.numbers6Digits.rawValue] += 1 }
                line.maxLiteralLog10 = max(line.maxLiteralLog10, magnitude)
                if magnitude >= 0.3 { line.literals += 1 }
                if loopWord == .whileWord, index - start == 1, byte == 0x31 { counts[unbounded] += 1 }  // while (1)
                loopWord = nil
                continue
            }
            index += 1
            switch kind {
            case ByteClass.newline:
                line.finish(&loops, nest: &nest)
                line = LineState()
                loopWord = nil
                index = Self.startLine(bytes, at: index, &line)
            case ByteClass.neutral:
                break
            case ByteClass.dot:
                if index < end, bytes[index] == 0x2e, Self.opensEndlessRange(bytes, from: index - 1) {
                    line.endless = true  // `(1..)`, `0.. {`
                }
                loopWord = nil
            case ByteClass.brace:
                if loopWord == .forWord || loopWord == .loopWord { counts[unbounded] += 1 }  // `for {`, `loop {`
                loopWord = nil
            default:
                loopWord = nil
            }
        }
        line.finish(&loops, nest: &nest)
    }

    /// Skips a line's indentation from `index` (counting it), notes whether the line is blank, and returns where
    /// its text starts.
    @inline(__always) private static func startLine(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int,
        _ line: inout LineState
    ) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 {
                line.indent += 1
            } else if byte == 0x09 {
                line.indent += 4
            } else {
                line.atStart = false
                line.blank = byte == 0x0a || byte == 0x0d
                break
            }
            index += 1
        }
        return index
    }

    /// What a steering word does (rare: kept out of the word loop so its states stay in registers).
    @inline(never) private func settle(
        _ special: Special, _ bytes: UnsafeBufferPointer<UInt8>, wordStart: Int,
        wordEnd index: Int, counts: UnsafeMutableBufferPointer<Int>, afterImport: inout Bool,
        loopWord: inout Special?, line: inout LineState
    ) {
        let unbounded = WordCue.unboundedLoop.rawValue
        let end = bytes.count
        switch special {
        case .importing:
            afterImport = true
            loopWord = nil
        case .whileWord, .loopWord, .untilWord:
            loopWord = special
            line.loops = true
        case .forWord:
            loopWord = special
            line.loops = true
            if Self.hasEmptyCondition(bytes, from: index) { counts[unbounded] += 1 }
        case .trueWord:
            if loopWord == .whileWord { counts[unbounded] += 1 }
            loopWord = nil
        case .falseWord:
            if loopWord == .untilWord { counts[unbounded] += 1 }
            loopWord = nil
        case .doWord:
            if loopWord == .loopWord { counts[unbounded] += 1 }
            loopWord = nil
        case .forever:
            counts[unbounded] += 1
            counts[WordCue.endless.rawValue] += 1
            line.loops = true
            loopWord = nil
        case .iterating:
            line.loops = true
            // Ruby's `1.step { … }` / `0.step do`: a step with no limit never ends.
            if wordStart > 0, bytes[wordStart - 1] == 0x2e, index - wordStart == 4, bytes[wordStart] == 0x73,
                Self.opensBlock(bytes, from: index)
            {
                line.endless = true
            }
            loopWord = nil
        case .hugeBound:
            line.endless = true
            counts[WordCue.endless.rawValue] += 1
            loopWord = nil
        case .countWord:
            // `for i in count():` / `count(1)`: no upper bound.
            if line.loops, index + 1 < end, bytes[index] == 0x28,
                bytes[index + 1] == 0x29 || Self.isDigit(bytes[index + 1])
            {
                line.endless = true
            }
            loopWord = nil
        }
    }

    /// Salt that keeps an imported name's bag column apart from the same word used in code.
    private static let importSalt: UInt64 = 0x9e37_79b9_7f4a_7c15

    /// The line being scanned, for the loop-bound features.
    private struct LineState {
        var atStart = true
        var blank = true
        var indent = 0
        var loops = false
        var endless = false
        var maxLiteralLog10 = 0.0
        /// Literals of 2 or more on the line: three or more make a list of values (`range []int{12, 9e18}`), not
        /// a bound.
        var literals = 0

        /// Closes the line: a loop line pushes its bound onto the nest of the loops that enclose it (by
        /// indentation); any other line at or left of a loop's indentation ends that loop.
        func finish(_ totals: inout LoopBounds, nest: inout Nest) {
            guard !blank || loops else { return }
            while let top = nest.last, top.indent >= indent { nest.removeLast() }
            guard loops else { return }
            let bound = literals >= 3 ? log10(Double(literals)) : maxLiteralLog10
            let work = (nest.last?.work ?? 0) + bound
            if nest.count < Nest.capacity { nest.append((indent, work)) }
            totals.lines += 1
            totals.maxBoundLog10 = max(totals.maxBoundLog10, bound)
            totals.boundSumLog10 += bound
            totals.nestedWorkLog10 = max(totals.nestedWorkLog10, work)
            if endless { totals.endlessLines += 1 }
        }
    }

    /// Reads the numeric literal at `index` (decimal with `_` separators, fraction and exponent, or hex), and a
    /// power written after it (`10**6`, `10^6`, `1<<20`); returns its log10 magnitude (0 for values below 1) and
    /// leaves `index` after it.
    static func literalMagnitude(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Double {
        let end = bytes.count
        var magnitude = 0.0
        if bytes[index] == 0x30, index + 1 < end, bytes[index + 1] | 0x20 == 0x78 {  // 0x…
            index += 2
            var value = 0.0
            while index < end, isWordByte(bytes[index]) {
                let byte = bytes[index] | 0x20
                if isDigit(byte) { value = value * 16 + Double(byte - 0x30) }
                if byte >= 0x61, byte <= 0x66 { value = value * 16 + Double(byte - 0x61 + 10) }
                index += 1
            }
            return value > 1 ? log10(value) : 0
        }
        var digits = 0
        var leading = 0.0
        while index < end, isDigit(bytes[index]) || bytes[index] == 0x5f {
            let byte = bytes[index]
            if byte != 0x5f, byte != 0x30 || digits > 0 {
                digits += 1
                if digits <= 3 { leading = leading * 10 + Double(byte - 0x30) }
            }
            index += 1
        }
        if digits > 0 { magnitude = SmallLog10.leading[Int(leading)] + Double(max(0, digits - 3)) }
        if index + 1 < end, bytes[index] == 0x2e, isDigit(bytes[index + 1]) {  // fraction
            index += 1
            while index < end, isDigit(bytes[index]) || bytes[index] == 0x5f { index += 1 }
        }
        if index + 1 < end, bytes[index] | 0x20 == 0x65 {  // exponent
            var next = index + 1
            var negative = false
            if bytes[next] == 0x2b || bytes[next] == 0x2d {
                negative = bytes[next] == 0x2d
                next += 1
            }
            var exponent = 0
            var any = false
            while next < end, isDigit(bytes[next]), exponent < 1000 {
                exponent = exponent * 10 + Int(bytes[next] - 0x30)
                any = true
                next += 1
            }
            if any {
                magnitude = max(0, magnitude + Double(negative ? -exponent : exponent))
                index = next
            }
        }
        while index < end, isWordByte(bytes[index]) { index += 1 }  // suffixes: L, u, f64, i64…
        // A power after the literal: skip blanks, then `**`, `^` or `<<`, blanks, an integer.
        var next = index
        while next < end, bytes[next] == 0x20 { next += 1 }
        guard next + 1 < end else { return magnitude }
        let shift = bytes[next] == 0x3c && bytes[next + 1] == 0x3c
        let power = (bytes[next] == 0x2a && bytes[next + 1] == 0x2a) || bytes[next] == 0x5e
        guard shift || power else { return magnitude }
        next += bytes[next] == 0x5e ? 1 : 2
        while next < end, bytes[next] == 0x20 { next += 1 }
        var exponent = 0
        var any = false
        while next < end, isDigit(bytes[next]), exponent < 1000 {
            exponent = exponent * 10 + Int(bytes[next] - 0x30)
            any = true
            next += 1
        }
        guard any else { return magnitude }
        index = next
        return shift ? Double(exponent) * 0.30103 : magnitude * Double(exponent)
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether the `..` at `start` opens a range with no end: `..`, `...` or `..=` followed (after blanks) by `)`
    /// or `{`.
    static func opensEndlessRange(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] == 0x2e || bytes[index] == 0x3d { index += 1 }
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard index < bytes.count else { return false }
        return bytes[index] == 0x29 || bytes[index] == 0x7b
    }

    /// Whether a block opens right after `start` (after blanks): `{` or `do`.
    static func opensBlock(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard index < bytes.count else { return false }
        if bytes[index] == 0x7b { return true }
        return index + 1 < bytes.count && bytes[index] == 0x64 && bytes[index + 1] == 0x6f
            && (index + 2 == bytes.count || !isWordByte(bytes[index + 2]))
    }

    private mutating func insert(_ hash: UInt64, _ code: UInt8) {
        var slot = Int(truncatingIfNeeded: hash >> 7) & (Self.slots - 1)
        while keys[slot] != 0, keys[slot] != hash { slot = (slot + 1) & (Self.slots - 1) }
        keys[slot] = hash
        values[slot] = code
    }

    @inline(__always) private static func lookup(
        _ hash: UInt64, keys: UnsafeBufferPointer<UInt64>,
        values: UnsafeBufferPointer<UInt8>
    ) -> UInt8 {
        var slot = Int(truncatingIfNeeded: hash >> 7) & (slots - 1)
        while true {
            let key = keys[slot]
            if key == hash { return values[slot] }
            if key == 0 { return none }
            slot = (slot + 1) & (slots - 1)
        }
    }

    /// Whether a `for` header (up to the line's end or `{`) has an empty condition: `;` then only blanks then `;`
    /// (`for (;;)`, Go's `for i := 2; ; i++`).
    static func hasEmptyCondition(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        var afterSemicolon = false
        while index < bytes.count, index < start + 120 {
            let byte = bytes[index]
            if byte == 0x0a || byte == 0x7b { return false }
            if byte == 0x3b {
                if afterSemicolon { return true }
                afterSemicolon = true
            } else if byte != 0x20, byte != 0x09 {
                afterSemicolon = false
            }
            index += 1
        }
        return false
    }

    static func hash(_ word: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    @inline(__always) static func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte == 0x5f
    }

    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        isWordStart(byte) || (byte >= 0x30 && byte <= 0x39)
    }
}
