import Foundation
import Testing

@testable import ForewarmAnalysis

/// A small, fast, seedable generator (Steele et al.'s SplitMix64), so random inputs are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }
}

/// Inputs that stress a lexer: syntax fragments of every language, some of them openers that never close.
enum Adversarial {
    /// Openers of every string, comment and literal form any language has, mostly left unterminated.
    static let openers: [String] = [
        "\"", "'", "`", "/*", "//", "#", "--", "\"\"\"", "'''", "r#\"", "r##\"", "br\"", "b'", "#\"", "##\"",
        "@\"", "$\"", "$@\"", "@$\"", "R\"x(", "u8R\"(", "<<~EOS\n", "<<-EOS\n", "<<EOS\n", "<<\"EOS\"\n",
        "<<'EOS'\n", "<<<EOS\n", "<<< \"EOS\"\n", "\n=begin\n", "\n=pod\n", "\n=head1 x\n", "--[[", "--[==[", "[[",
        "[==[", "/[", "/x", "= /abc", "q{", "qq(", "qw<", "s{a}{", "s/a/", "tr/a/", "y|a|", "m!", "`${", "`${'",
        "\"#{", "\"#{\"", "\"\\(", "\"\\(\"", "#if X\n", "#define X \\\n", "#define Y \\\r\n", "'\\", "\"\\",
        "f\"{", "rb'", "u'''", "\\", "${", "#{", "\u{0}", "\r", "\r\n",
    ]

    /// Code-ish fragments to mix with the openers.
    static let fragments: [String] = [
        "(", ")", "[", "]", "{", "}", ";", ",", ".", ":", "::", "->", "=>", "=", "==", "&&", "||", "?", "!", "<",
        ">", "<<", ">>", "+", "-", "*", "/", "%", "&", "|", "^", "~", "$", "@", "%", " ", "  ", "\t", "\n",
        "\r\n", "\r", "x", "f", "a1", "if", "else", "elif", "elsif", "while", "for", "do", "end", "then", "def",
        "function", "fn", "func", "fun", "sub", "class", "struct", "namespace", "template", "operator", "typedef",
        "return", "case", "switch", "try", "catch", "lambda", "begin", "local", "0", "1e9", "0x1p3", "1.5", "10**7",
        "1 << 20", "new", "\u{FF}", "\u{E9}", "\u{1F600}",
    ]

    /// Random bytes weighted towards syntax: a token soup of fragments, openers and raw bytes.
    static func soup(_ random: inout SplitMix64, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 16)
        while bytes.count < count {
            switch random.next() % 10 {
            case 0: bytes.append(UInt8(truncatingIfNeeded: random.next()))
            case 1: bytes += Array(openers[Int(random.next() % UInt64(openers.count))].utf8)
            default: bytes += Array(fragments[Int(random.next() % UInt64(fragments.count))].utf8)
            }
        }
        return bytes
    }

    static func repeated(_ text: String, _ count: Int) -> [UInt8] {
        let unit = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(unit.count * count)
        for _ in 0..<count { bytes += unit }
        return bytes
    }

    /// Python-style indentation `depth` levels deep (the input grows with the square of the depth).
    static func indentation(depth: Int, line: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for level in 0..<depth {
            bytes += [UInt8](repeating: UInt8(ascii: " "), count: level)
            bytes += Array(line.utf8)
        }
        return bytes
    }

    /// Block openers that nest in each language (closed by `}` or `end`, or by indentation).
    static func blockOpeners(_ language: Language) -> [String] {
        switch language {
        case .python: ["if x:\n", "def f():\n", "class C:\n"]
        case .ruby: ["x do\n", "if x\n", "def f\n", "class C\n", "begin\n", "f { |x| "]
        case .lua: ["if x then\n", "function f()\n", "while x do\n", "do ", "f(function() "]
        case .perl: ["sub f { ", "if ($x) { ", "{ "]
        case .php: ["function f() { ", "if ($x) { ", "class C { "]
        case .go: ["func f() { ", "if x { ", "for { ", "go func() { "]
        case .rust: ["fn f() { ", "if x { ", "loop { ", "impl A { ", "|| { "]
        case .swift: ["func f() { ", "if x { ", "{ ", "class C { "]
        case .kotlin: ["fun f() { ", "if (x) { ", "class C { ", "{ x -> "]
        case .javascript, .typescript: ["function f() { ", "if (x) { ", "() => { ", "class C { ", "`${ "]
        case .c, .cpp, .java, .csharp:
            ["void f() { ", "if (x) { ", "namespace a { ", "struct a { ", "class A { ", "void a(){{.}} "]
        }
    }
}

/// Checks the invariants every report must satisfy, whatever the input.
func expectSane(_ metrics: FileMetrics, bytes: [UInt8], _ comment: Comment? = nil) {
    let lines = metrics.lines
    #expect(lines.code + lines.comment + lines.blank == lines.total, comment)
    #expect(lines.code >= 0 && lines.comment >= 0 && lines.blank >= 0, comment)
    #expect(lines.total <= physicalLines(bytes), comment)
    #expect(metrics.bytes == bytes.count, comment)
    #expect(metrics.cyclomatic >= 1, comment)
    #expect(metrics.cognitive >= 0, comment)
    #expect(metrics.tokens >= 0, comment)
    #expect(metrics.halstead.distinctOperators <= metrics.halstead.totalOperators, comment)
    #expect(metrics.halstead.distinctOperands <= metrics.halstead.totalOperands, comment)
    for function in metrics.functions {
        #expect(function.startLine >= 1, comment)
        #expect(function.startLine <= function.endLine, comment)
        #expect(function.endLine <= max(lines.total, 1), comment)
        #expect(function.cyclomatic >= 1, comment)
        #expect(function.cognitive >= 0, comment)
        #expect(function.parameters >= 0 && function.tokens >= 0, comment)
        #expect(function.lines.code >= 0 && function.lines.comment >= 0 && function.lines.blank >= 0, comment)
        #expect(function.structure.maxNesting >= 0 && function.structure.loops >= 0, comment)
    }
}

/// Line breaks (`\r\n`, `\r` or `\n`) plus one for a last line without one.
func physicalLines(_ bytes: [UInt8]) -> Int {
    var count = 0
    var index = 0
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "\r") {
            count += 1
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
        } else if bytes[index] == UInt8(ascii: "\n") {
            count += 1
        }
        index += 1
    }
    if let last = bytes.last, last != UInt8(ascii: "\n"), last != UInt8(ascii: "\r") { count += 1 }
    return count
}

/// Analyzes and checks the invariants.
@discardableResult
func analyzeSane(_ bytes: [UInt8], _ language: Language, _ label: String = "") -> FileMetrics {
    var analyzer = Analyzer()
    let metrics = analyzer.analyze(bytes, language: language)
    expectSane(metrics, bytes: bytes, Comment(rawValue: "\(language) \(label)"))
    return metrics
}

/// Runs `body` on a thread with a small stack (512 KB), so a recursion per nesting level would crash the test
/// instead of passing by luck on a big stack.
func onSmallStack(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    done.wait()
}

/// Best-of-`runs` wall time of analysing `bytes`, in seconds.
func bestTime(_ bytes: [UInt8], _ language: Language, runs: Int = 3) -> Double {
    var best = Double.infinity
    var analyzer = Analyzer()
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = analyzer.analyze(bytes, language: language)
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}
