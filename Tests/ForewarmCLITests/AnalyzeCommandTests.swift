import Foundation
import Testing

@Suite struct AnalyzeCommandTests {
    static let cSource = "int f(int a, int b) {\n  if (a && b) return 1;\n  return a ? 2 : 3;\n}\n"

    @Test func csvHasTheDocumentedHeaderAndOneRowPerFunction() throws {
        let folder = try CLIRunner.folder([
            "src/a.c": Self.cSource, "src/notes.txt": "not code", "src/b.c": "void g(void) {}\n",
        ])
        defer { folder.remove() }
        let result = try CLIRunner.run(["analyze", "--format", "csv", folder.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = lines.first?.split(separator: ",").map(String.init) ?? []
        for column in [
            "file", "language", "function", "start_line", "end_line", "nloc", "ccn", "cognitive", "tokens",
            "parameters", "max_nesting", "loop_depth", "halstead_volume",
        ] {
            #expect(header.contains(column), "missing column \(column)")
        }
        #expect(lines.count == 3)  // header + f + g; notes.txt skipped
        let row = try #require(lines.first { $0.contains(",f,") })
        let fields = row.split(separator: ",").map(String.init)
        #expect(fields[header.firstIndex(of: "ccn")!] == "4")
        #expect(fields[header.firstIndex(of: "parameters")!] == "2")
    }

    @Test func standardInputNeedsNoFile() throws {
        let result = try CLIRunner.run(
            ["analyze", "--language", "python", "--format", "json", "-"], stdin: "def f(n):\n    return n\n")
        #expect(result.status == 0)
        let files = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        #expect(files?.count == 1)
        #expect(files?.first?["language"] as? String == "python")
    }

    @Test func unknownLanguageIsAUsageError() throws {
        let result = try CLIRunner.run(["analyze", "--language", "cobol", "-"], stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown language"))
    }

    @Test func missingInputFailsWithExitOneAndNamesIt() throws {
        let folder = try CLIRunner.folder(["a.c": Self.cSource])
        defer { folder.remove() }
        let missing = folder.path("nope.c")
        let result = try CLIRunner.run(["analyze", folder.path("a.c"), missing])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nope.c"))
        #expect(result.stdout.contains("a.c"))  // the good input is still reported
    }

    @Test func tableShowsFunctionsAndTotals() throws {
        let folder = try CLIRunner.folder(["a.c": Self.cSource])
        defer { folder.remove() }
        let result = try CLIRunner.run(["analyze", folder.path("a.c")])
        #expect(result.status == 0)
        #expect(result.stdout.contains("total: 1 functions"))
    }
}
