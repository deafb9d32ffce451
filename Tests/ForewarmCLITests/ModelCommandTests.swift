import ForewarmTestSupport
import Foundation
import Testing

/// `predict`, `train` and `evaluate` end to end, training on the model tests' fixture programs.
@Suite struct ModelCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ForewarmModelTests/Fixtures").path
    static let small = ["--trees", "40", "--depth", "3", "--min-leaf", "2"]

    @Test func predictPrintsTheDocumentedFieldsPerFile() throws {
        let folder = try CLIRunner.folder(["a.py": "print('hi')\n", "b.go": "package main\nfunc main() {}\n"])
        defer { folder.remove() }
        let result = try CLIRunner.run(["predict", "--format", "jsonl", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.count == 2)
        for row in rows {
            for field in [
                "file", "language", "score", "cpuSecondsP50", "cpuSecondsP90", "memoryMB", "pool",
                "contributions",
            ] {
                #expect(row[field] != nil, "missing \(field)")
            }
        }
        #expect(rows.map { $0["language"] as? String } == ["python", "go"])
    }

    @Test func predictTableAndStdinInput() throws {
        let folder = try CLIRunner.folder([
            "input.txt": "1000000\n", "sum.py": "n = int(input())\nprint(sum(range(n)))\n",
        ])
        defer { folder.remove() }
        let result = try CLIRunner.run([
            "predict", "--stdin", folder.path("input.txt"), "--pools", "light:30,heavy", "--explain",
            folder.path("sum.py"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("cpuSecondsP50"))
        #expect(result.stdout.contains("drivers"))
        #expect(result.stdout.contains("light") || result.stdout.contains("heavy"))
    }

    @Test func trainWritesAModelThatPredictLoads() throws {
        let scratch = try ScratchDirectory(prefix: "forewarm-model")
        defer { scratch.remove() }
        let out = scratch.path("model.json")
        let train = try CLIRunner.run(["train", "--data", Self.fixtures, "--out", out, "--version", "ci"] + Self.small)
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stdout.contains("36 programs"))
        let folder = try CLIRunner.folder(["x.rb": "puts 1\n"])
        defer { folder.remove() }
        let predict = try CLIRunner.run(["predict", "--model", out, "--format", "csv", folder.path])
        #expect(predict.status == 0, "\(predict.stderr)")
        #expect(predict.stdout.hasPrefix("file,language,score,cpuSecondsP50,cpuSecondsP90,memoryMB"))
    }

    @Test func evaluateComparesWithTheBaselines() throws {
        let result = try CLIRunner.run(["evaluate", "--data", Self.fixtures, "--folds", "3"] + Self.small)
        #expect(result.status == 0, "\(result.stderr)")
        for predictor in [
            "boosted trees", "per-language median", "lines of code", "cyclomatic complexity",
            "Halstead volume",
        ] {
            #expect(result.stdout.contains(predictor), "missing \(predictor)")
        }
    }

    @Test func unknownLanguageAndBadModelAreUsageErrors() throws {
        #expect(try CLIRunner.run(["predict", "--language", "cobol", "x"]).status == 2)
        let folder = try CLIRunner.folder(["bad.json": "{}", "a.py": "print(1)\n"])
        defer { folder.remove() }
        let result = try CLIRunner.run([
            "predict", "--model", folder.path("bad.json"), folder.path("a.py"),
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("not a Forewarm model"))
    }
}
