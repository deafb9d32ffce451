import ForewarmTestSupport
import Foundation
import Testing

/// `calibrate`, `train --from-history` and `history` on a tiny corpus of our own programs, through the real
/// sandbox.
@Suite(.serialized)
struct CalibrateCommandTests {
    static let corpus: [String: String] = [
        "squares/squares.py": "print(sum(i * i for i in range(200000)))\n",
        "squares/squares.rb": "puts (0...200000).sum { |i| i * i }\n",
        "squares/squares.lua": "local s = 0\nfor i = 0, 199999 do s = s + i * i end\nprint(s)\n",
        "hello/hello.py": "print('hello')\n",
        "hello/hello.pl": "print \"hello\\n\";\n",
        "broken/broken.py": "raise SystemExit(3)\n",
        "README.md": "not a program\n",
    ]

    @Test func calibrateStoresLabeledRunsThatTrainFromHistoryUses() throws {
        let corpus = try CLIRunner.folder(Self.corpus)
        defer { corpus.remove() }
        let scratch = try ScratchDirectory(prefix: "fw-cal")
        defer { scratch.remove() }
        let data = scratch.path
        let calibrate = try CLIRunner.run([
            "calibrate", corpus.path, "--data-dir", data, "--languages", "python,ruby", "lua", "perl", "--pool",
            "standard",
        ])
        #expect(calibrate.status == 0, "\(calibrate.stderr)")
        #expect(calibrate.stdout.contains("calibrating 6 programs"), "\(calibrate.stdout)")
        #expect(calibrate.stdout.contains("stored 5 labeled runs"), "\(calibrate.stdout)")
        #expect(calibrate.stdout.contains("nonzero_exit"))

        let export = try CLIRunner.run(["history", "export", "--table", "runs", "--data-dir", data])
        #expect(export.status == 0, "\(export.stderr)")
        let rows = try export.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(rows.count == 5)
        #expect(Set(rows.compactMap { $0["language"] as? String }) == ["python", "ruby", "lua", "perl"])
        #expect(rows.allSatisfy { ($0["cpuSeconds"] as? Double ?? 0) > 0 && ($0["memoryMB"] as? Double ?? 0) > 0 })
        #expect(
            rows.allSatisfy { $0["source"] as? String == "calibration" && $0["instanceType"] as? String == "local" })
        #expect(Set(rows.compactMap { $0["taskGroup"] as? String }) == ["squares", "hello"])
        #expect(rows.allSatisfy { ($0["features"] as? [Double])?.isEmpty == false })

        // Calibrating again replaces the rows rather than doubling them.
        let again = try CLIRunner.run([
            "calibrate", corpus.path, "--data-dir", data, "--languages", "perl", "--format", "jsonl",
        ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.split(separator: "\n").count == 1)

        let out = data + "/model.json"
        let train = try CLIRunner.run(
            [
                "train", "--from-history", "--data-dir", data, "--data", ModelCommandTests.fixtures, "--out", out,
                "--version", "local-ci",
            ] + ModelCommandTests.small)
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stdout.contains("41 programs"), "\(train.stdout)")  // 36 fixtures + 5 calibrated
        #expect(train.stdout.contains("calibration 15"), "\(train.stdout)")  // each local run counts 3×
        let predict = try CLIRunner.run([
            "predict", "--model", out, "--format", "csv", corpus.path("hello/hello.py"),
        ])
        #expect(predict.status == 0, "\(predict.stderr)")

        let promote = try CLIRunner.run(
            [
                "train", "--from-history", "--promote", "--data-dir", data, "--data", ModelCommandTests.fixtures,
                "--out", out, "--version", "local-ci-2",
            ] + ModelCommandTests.small)
        #expect(promote.status == 0, "\(promote.stderr)")
        let models = try CLIRunner.run(["history", "models", "--data-dir", data])
        #expect(models.status == 0, "\(models.stderr)")
        #expect(models.stdout.contains("5 labeled runs; 1 model versions"), "\(models.stdout)")
        #expect(models.stdout.contains("local-ci-2"))
    }

    @Test func badInputsAreClearErrors() throws {
        let scratch = try ScratchDirectory(prefix: "fw-cal")
        defer { scratch.remove() }
        let data = scratch.path
        let missing = try CLIRunner.run(["calibrate", "/nonexistent/corpus", "--data-dir", data])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("not a folder"))
        let corpus = try CLIRunner.folder(["a.py": "print(1)\n", "notes.txt": "x"])
        defer { corpus.remove() }
        let language = try CLIRunner.run(["calibrate", corpus.path, "--data-dir", data, "--languages", "cobol"])
        #expect(language.status == 2)
        #expect(language.stderr.contains("unknown language 'cobol'"))
        let none = try CLIRunner.run(["calibrate", corpus.path, "--data-dir", data, "--languages", "ruby"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no runnable programs"))
        let noHistory = try CLIRunner.run([
            "train", "--from-history", "--data-dir", data, "--data", ModelCommandTests.fixtures,
        ])
        #expect(noHistory.status == 1)
        #expect(noHistory.stderr.contains("no history store") || noHistory.stderr.contains("no measured runs"))
        let promote = try CLIRunner.run(["train", "--promote"])
        #expect(promote.status == 2)
    }
}
