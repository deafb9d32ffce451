import ForewarmAnalysis
import ForewarmModel
import Foundation
import Testing

/// The feature extractor's own scan (loop bounds, literal magnitudes, the word bag) and the learned lexicon.
@Suite struct FeatureTests {
    static func features(_ code: String, _ language: Language) -> [Double] {
        var analyzer = Analyzer()
        let bytes = Array(code.utf8)
        return FeatureExtractor().features(analyzer.analyze(bytes, language: language), source: bytes)
    }

    static func value(_ name: String, _ x: [Double]) throws -> Double {
        x[try #require(FeatureExtractor.names.firstIndex(of: name))]
    }

    @Test func nestedLoopBoundsMultiply() throws {
        let x = Self.features(
            """
            total = 0
            for i in range(10**6):
                for j in range(1000):
                    total += i * j
            for k in range(50):
                print(k)
            """, .python)
        #expect(try Self.value("loop_bound_max_log10", x) == 6)
        #expect(abs(try Self.value("nested_loop_work_log10", x) - 9) < 1e-9)
        #expect(abs(try Self.value("loop_bound_sum_log10", x) - (9 + log10(50))) < 1e-9)
        #expect(abs(try Self.value("loop_lines", x) - log10(4)) < 1e-9)
    }

    @Test(arguments: [
        ("for (long i = 0; i < 1e6; i++) s += i;", Language.c),
        ("for (int i = 0; i < 1_000_000; i++) {}", Language.java),
        ("for i := 0; i < 1000000; i++ {}", Language.go),
        ("(1..1_000_000).each { |i| s += i }", Language.ruby),
    ])
    func loopBoundLiteralsInEverySpelling(code: String, language: Language) throws {
        let x = Self.features(code, language)
        #expect(abs(try Self.value("loop_bound_max_log10", x) - 6) < 1e-9)
    }

    @Test func shiftsAndHexReadAsMagnitudes() throws {
        let shift = Self.features("while (n < 1 << 20) n++;\n", .c)
        #expect(abs(try Self.value("loop_bound_max_log10", shift) - 20 * log10(2)) < 1e-4)
        let hex = Self.features("for (i = 0; i < 0xFFFF; i++) {}\n", .c)
        #expect(abs(try Self.value("loop_bound_max_log10", hex) - log10(65535)) < 1e-9)
        let plain = Self.features("x = 3.5e-2\n", .python)
        #expect(try Self.value("loop_bound_max_log10", plain) == 0)
        #expect(try Self.value("loop_lines", plain) == 0)
    }

    @Test func extractorLeavesTheLexiconColumnsEmptyAndFillsTheBag() throws {
        let x = Self.features("import math\nprint(math.sqrt(2))\n", .python)
        #expect(x.count == FeatureExtractor.names.count)
        #expect(try Self.value("lexicon_cpu", x) == 0)
        #expect(try Self.value("lexicon_heavy", x) == 0)
        let words = FeatureExtractor.bagColumns.filter { x[$0] != 0 }
        #expect(words.count >= 4)  // import, math (and as an import), print, sqrt
        #expect(words.allSatisfy { x[$0] == 1 })
    }

    /// A word that goes with slow programs across tasks gets a positive weight, and the trained model fills the
    /// lexicon columns before its trees run.
    @Test func lexiconLearnsAWordThatMeansSlow() throws {
        var samples: [LabeledSample] = []
        for task in 0..<40 {
            let slow = task % 2 == 0
            // The slow and the fast programs differ only by one word of the same length.
            let code = "value\(task) = compute\(task)(\(task))\nresult = \(slow ? "sieve" : "tally")(value\(task))\n"
            samples.append(
                LabeledSample(
                    id: "t\(task).py", group: "task\(task)", language: .python,
                    features: Self.features(code, .python), cpuSeconds: slow ? 2 : 0.01, memoryMB: 10,
                    source: "test"))
        }
        var parameters = BoostingParameters()
        parameters.trees = 40
        parameters.minSamplesLeaf = 2
        parameters.lexiconLambda = 1
        let model = DemandModel.train(samples, parameters: parameters)
        let withWord = Self.features("n = read()\nsieve(n)\n", .python)
        let without = Self.features("n = read()\ntally(n)\n", .python)
        let slowScores = withWord.withUnsafeBufferPointer { model.lexicon.scores($0) }
        let fastScores = without.withUnsafeBufferPointer { model.lexicon.scores($0) }
        #expect(slowScores.cpu > fastScores.cpu + 0.1)
        #expect(slowScores.heavy > fastScores.heavy + 0.1)
        #expect(model.predictLog10(withWord).cpuP50 > model.predictLog10(without).cpuP50)
        let decoded = try DemandModel.decode(try model.encoded())
        #expect(decoded.lexicon == model.lexicon)
    }
}

/// Loops that nothing bounds, in the spellings the Rosetta programs use.
@Suite struct EndlessLoopTests {
    @Test(arguments: [
        ("from itertools import count\nfor i in count():\n    print(i)\n", Language.python),
        ("1.step { |n| puts n }\n", Language.ruby),
        ("0.step do |n|\n  puts n\nend\n", Language.ruby),
        ("(1..).each { |n| puts n }\n", Language.ruby),
        ("fn main() {\n    for i in 0.. {\n        println!(\"{}\", i);\n    }\n}\n", Language.rust),
        ("fn main() {\n    for i in 0..std::usize::MAX {\n        println!(\"{}\", i);\n    }\n}\n", Language.rust),
        ("for n in 0..Float::INFINITY\n  puts n\nend\n", Language.ruby),
        ("package main\nfunc main() {\n    for i := 1;; i++ {\n        println(i)\n    }\n}\n", Language.go),
        ("void r(int i) { r(i + 1); }\nint main() { r(0); }\n", Language.c),
    ])
    func endlessLoopsCountAsTheMostWork(code: String, language: Language) throws {
        let x = FeatureTests.features(code, language)
        #expect(try FeatureTests.value("estimated_work_log10", x) == 10)
    }

    @Test(arguments: [
        ("for i in range(10):\n    print(i)\n", Language.python),
        (
            "fn main() {\n    let a = [1, 2, 3];\n    for x in &a[1..] {\n        println!(\"{}\", x);\n    }\n}\n",
            Language.rust
        ),
        ("10.times { |n| puts n }\n(1..5).step(2) { |n| puts n }\n", Language.ruby),
        ("<?php\nfor ($i = 0; $i < count($a); $i++) { echo $i; }\n", Language.php),
    ])
    func boundedLoopsAreNotEndless(code: String, language: Language) throws {
        let x = FeatureTests.features(code, language)
        #expect(try FeatureTests.value("endless_loop_lines", x) == 0)
        #expect(try FeatureTests.value("estimated_work_log10", x) < 10)
    }
}
