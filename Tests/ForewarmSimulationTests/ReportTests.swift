import Foundation
import Testing

@testable import ForewarmSimulation

struct ReportTests {
    static func report() throws -> SimulationReport {
        let plans = [
            Fixture.pool("light", scores: 0...50, initial: 1),
            Fixture.pool("heavy", type: Fixture.big, scores: 50...100),
        ]
        let requests = (0..<50).map {
            Fixture.request(at: Double($0) * 3, cpu: Double($0 % 4), score: Double($0 % 3) * 40)
        }
        let simulator = Simulator(configuration: Fixture.exact)
        return SimulationReport(policies: [
            try simulator.run(ScriptedPolicy(plans: plans), requests: requests),
            try simulator.run(ScriptedPolicy(plans: plans, keepAlive: nil), requests: requests),
        ])
    }

    @Test func jsonHasThePolicyMetricsUnderPolicies() throws {
        let text = try Self.report().json()
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?.keys.sorted() == ["policies"])
        let first = try #require((object?["policies"] as? [[String: Any]])?.first)
        for key in [
            "name", "coldStartRate", "p50LatencyMs", "p99LatencyMs", "sloViolationRate", "cost", "idleInstanceSeconds",
            "misroutes", "series",
        ] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(try JSONDecoder().decode(SimulationReport.self, from: Data(text.utf8)) == Self.report())
    }

    @Test func theTableHasAHeaderAndARowPerPolicy() throws {
        let lines = try Self.report().table().split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("policy"))
        #expect(lines[2].hasPrefix("scripted"))
    }

    @Test func theHTMLPageIsSelfContained() throws {
        let page = HTMLReport(report: try Self.report(), title: "A <test>", context: ["seed 1"]).render()
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.contains("A &lt;test&gt;"))
        #expect(page.components(separatedBy: "<svg").count - 1 == 7)  // 2 demand, 3 comparisons, 2 per-policy
        #expect(!page.contains("<script"))
        #expect(!page.contains("<link"))
        #expect(page.hasSuffix("</html>\n"))
    }
}
