import Foundation
import Testing

/// `forewarm trace build` and `forewarm simulate`, run as the built binary.
@Suite struct SimulateCommandTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("../shared/data").standardizedFileURL
    static let dataPresent = FileManager.default.fileExists(atPath: data.appendingPathComponent("labels").path)

    /// A small trace with the code inline: two languages, a burst, and one heavy program.
    static let trace =
        [
            #"{"arrival": 0, "language": "python", "code": "print(1)\n", "cpuSeconds": 0.02, "memoryMB": 9}"#,
            #"{"arrival": 0.5, "language": "python", "code": "print(1)\n", "cpuSeconds": 0.02, "memoryMB": 9}"#,
            #"{"arrival": 1, "language": "c", "code": "int main(void){return 0;}\n", "cpuSeconds": 0.001, "memoryMB": 1}"#,
            #"{"arrival": 30, "language": "python", "code": "n=0\nfor i in range(10**8):\n    n+=i\nprint(n)\n", "cpuSeconds": 6, "memoryMB": 9}"#,
            #"{"arrival": 31, "language": "python", "code": "print(2)\n", "cpuSeconds": 0.02, "memoryMB": 9}"#,
            #"{"arrival": 90, "language": "python", "code": "print(3)\n", "cpuSeconds": 0.02, "memoryMB": 9}"#,
        ].joined(separator: "\n") + "\n"

    @Test func everyPolicyReplaysAHandMadeTraceAsJSON() throws {
        let folder = try CLIRunner.folder(["trace.jsonl": Self.trace])
        defer { folder.remove() }
        let result = try CLIRunner.run(["simulate", "--trace", folder.path("trace.jsonl"), "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let policies = try #require(json?["policies"] as? [[String: Any]])
        #expect(
            policies.compactMap { $0["name"] as? String } == [
                "forewarm", "threshold", "fixed", "kpa", "hpa", "homogeneous-heavy", "keepalive-10m", "oracle",
            ])
        for policy in policies {
            for key in [
                "coldStartRate", "p50LatencyMs", "p99LatencyMs", "sloViolationRate", "cost", "idleInstanceSeconds",
                "misroutes",
            ] {
                #expect(policy[key] is Double || policy[key] is Int, "\(policy["name"] ?? "?") lacks \(key)")
            }
            #expect(policy["requests"] as? Int == 6)
            #expect((policy["cost"] as? Double ?? 0) > 0)
        }
    }

    @Test func policiesInParallelGiveTheSameOutputAsOneAtATime() throws {
        let folder = try CLIRunner.folder(["trace.jsonl": Self.trace])
        defer { folder.remove() }
        let path = folder.path("trace.jsonl")
        let outputs = try [1, 3, 8].map { jobs in
            let result = try CLIRunner.run([
                "simulate", "--trace", path, "--format", "json", "--seed", "4", "--jobs", String(jobs),
            ])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        #expect(!outputs[0].isEmpty)
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
        let zero = try CLIRunner.run(["simulate", "--trace", path, "--jobs", "0"])
        #expect(zero.status == 2)
        #expect(zero.stderr.contains("--jobs"))
    }

    @Test func theTableAndTheHTMLReport() throws {
        let folder = try CLIRunner.folder(["trace.jsonl": Self.trace])
        defer { folder.remove() }
        let path = folder.path("trace.jsonl")
        let table = try CLIRunner.run(["simulate", "--trace", path, "--policies", "kpa,oracle"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("kpa"))
        #expect(table.stdout.contains("p99 ms"))
        let html = folder.path("report.html")
        let report = try CLIRunner.run([
            "simulate", "--trace", path, "--policies", "fixed,forewarm", "--format", "html", "--out", html,
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.contains("<svg"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("http://") || page.contains("http://www.w3.org/2000/svg"))
    }

    @Test func aBadLineIsNamedAndExitsOne() throws {
        let bad = Self.trace + #"{"arrival": 100, "language": "python", "code": "x"}"# + "\n"
        let folder = try CLIRunner.folder(["trace.jsonl": bad])
        defer { folder.remove() }
        let result = try CLIRunner.run(["simulate", "--trace", folder.path("trace.jsonl")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 7"))
        let missing = try CLIRunner.run(["simulate", "--trace", folder.path("nope.jsonl")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.jsonl"))
    }

    @Test func theForecastModelIsAnOption() throws {
        let folder = try CLIRunner.folder(["trace.jsonl": Self.trace])
        defer { folder.remove() }
        let path = folder.path("trace.jsonl")
        let auto = try CLIRunner.run([
            "simulate", "--trace", path, "--policies", "forewarm", "--forecast-model", "auto",
        ])
        #expect(auto.status == 0, "\(auto.stderr)")
        #expect(auto.stdout.contains("forewarm"))
        let bad = try CLIRunner.run(["simulate", "--trace", path, "--forecast-model", "prophet"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("known: ses, auto"), "\(bad.stderr)")
    }

    @Test func anUnknownPolicyIsAUsageError() throws {
        let folder = try CLIRunner.folder(["trace.jsonl": Self.trace])
        defer { folder.remove() }
        let result = try CLIRunner.run(["simulate", "--trace", folder.path("trace.jsonl"), "--policies", "kpa,magic"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("magic"))
    }

    @Test(.enabled(if: dataPresent, "../shared/data is absent: the real-trace build and replay are skipped"))
    func aRealTraceIsBuiltAndReplayed() throws {
        let folder = try CLIRunner.folder([:])
        defer { folder.remove() }
        let trace = folder.path("azure.jsonl")
        let build = try CLIRunner.run([
            "trace", "build", "--source", "azure-code", "--data", Self.data.path, "--hours", "0.05", "--seed", "3",
            "--out", trace,
        ])
        #expect(build.status == 0, "\(build.stderr)")
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 100)
        let again = folder.path("again.jsonl")
        _ = try CLIRunner.run([
            "trace", "build", "--source", "azure-code", "--data", Self.data.path, "--hours", "0.05", "--seed", "3",
            "--out", again,
        ])
        #expect(try Data(contentsOf: URL(fileURLWithPath: trace)) == Data(contentsOf: URL(fileURLWithPath: again)))
        let replay = try CLIRunner.run(["simulate", "--trace", trace, "--format", "json", "--seed", "3"])
        #expect(replay.status == 0, "\(replay.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as? [String: Any]
        let policies = try #require(json?["policies"] as? [[String: Any]])
        #expect(policies.count == 8)
        #expect(policies.allSatisfy { $0["requests"] as? Int == lines.count })
    }

    @Test func traceBuildRejectsAnUnknownSource() throws {
        let folder = try CLIRunner.folder([:])
        defer { folder.remove() }
        let out = folder.path("x.jsonl")
        let result = try CLIRunner.run(["trace", "build", "--source", "nowhere", "--out", out])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
