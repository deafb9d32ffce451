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
            .breaks: ["break", "last", "exit", "quit", "die", "Exit", "throw", "raise"],
            .endless: [
                "INFINITY", "Infinity", "infinite", "inf", "lazy", "cycle", "itertools", "goto", "forever",
                "generator", "yield",
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

        static let words: [(String, Special)] = [
            ("import", .importing), ("require", .importing), ("use", .importing), ("include", .importing),
            ("from", .importing), ("using", .importing), ("extern", .importing), ("while", .whileWord),
            ("for", .forWord), ("loop", .loopWord), ("until", .untilWord), ("true", .trueWord),
            ("True", .trueWord), ("TRUE", .trueWord), ("false", .falseWord), ("do", .doWord),
            ("forever", .forever),
        ]
    }

    /// Buckets of the hashed bag of words (every identifier and keyword, hashed).
    static let buckets = 64
    /// Buckets of the hashed bag of imported names (the word after `import`, `require`, `use`, `#include`…).
    static let importBuckets = 32
    private static let none: UInt8 = 255

    /// Counts per cue, indexed by `WordCue.rawValue`, then the hashed bag of words, then the imported names.
    func count(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        let cues = WordCue.allCases.count
        var counts = [Int](repeating: 0, count: cues + Self.buckets + Self.importBuckets)
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                counts.withUnsafeMutableBufferPointer { counts in
                    scan(bytes, keys: keys, values: values, counts: counts, cues: cues)
                }
            }
        }
        return counts
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, keys: UnsafeBufferPointer<UInt64>,
        values: UnsafeBufferPointer<UInt8>, counts: UnsafeMutableBufferPointer<Int>, cues: Int)
    {
        let unbounded = WordCue.unboundedLoop.rawValue
        var afterImport = false
        var loopWord = Special?.none  // the loop keyword just read, while its header may still say "forever"
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                var digits = 0
                while index < end, Self.isWordByte(bytes[index]) {
                    digits += 1
                    index += 1
                }
                if digits >= 4 { counts[WordCue.numbers4Digits.rawValue] += 1 }
                if digits >= 6 { counts[WordCue.numbers6Digits.rawValue] += 1 }
                if loopWord == .whileWord, digits == 1, bytes[index - 1] == 0x31 { counts[unbounded] += 1 }  // while (1)
                loopWord = nil
                continue
            }
            guard Self.isWordStart(byte) else {
                if byte == 0x7b, loopWord == .forWord || loopWord == .loopWord {
                    counts[unbounded] += 1  // `for {`, `loop {`
                    loopWord = nil
                } else if byte != 0x20, byte != 0x28, byte != 0x09 {
                    loopWord = nil
                }
                index += 1
                continue
            }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            while index < end, Self.isWordByte(bytes[index]) {
                hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
                index += 1
            }
            counts[cues + Int(truncatingIfNeeded: (hash >> 17) % UInt64(Self.buckets))] += 1
            if afterImport {
                counts[cues + Self.buckets + Int(truncatingIfNeeded: (hash >> 23) % UInt64(Self.importBuckets))] += 1
                afterImport = false
            }
            let code = Self.lookup(hash, keys: keys, values: values)
            guard code >= Special.importing.rawValue, let special = Special(rawValue: code) else {
                if code < cues { counts[Int(code)] += 1 }
                loopWord = nil
                continue
            }
            switch special {
            case .importing:
                afterImport = true
                loopWord = nil
            case .whileWord, .loopWord, .untilWord: loopWord = special
            case .forWord:
                loopWord = special
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
                loopWord = nil
            }
        }
    }

    private mutating func insert(_ hash: UInt64, _ code: UInt8) {
        var slot = Int(truncatingIfNeeded: hash >> 7) & (Self.slots - 1)
        while keys[slot] != 0, keys[slot] != hash { slot = (slot + 1) & (Self.slots - 1) }
        keys[slot] = hash
        values[slot] = code
    }

    @inline(__always) private static func lookup(_ hash: UInt64, keys: UnsafeBufferPointer<UInt64>,
        values: UnsafeBufferPointer<UInt8>) -> UInt8
    {
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
