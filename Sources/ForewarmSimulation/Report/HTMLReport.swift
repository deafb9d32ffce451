import Foundation

/// A self-contained HTML page (inline CSS and SVG, no scripts) with the comparison table and the charts over time.
public struct HTMLReport: Sendable {
    public var report: SimulationReport
    public var title: String
    /// Lines describing the run (trace, seed, command), shown under the title.
    public var context: [String]

    public init(report: SimulationReport, title: String, context: [String]) {
        self.report = report
        self.title = title
        self.context = context
    }

    public func render() -> String {
        let escape = SVGLineChart.escape
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>
            body { font-family: sans-serif; margin: 24px; color: #222; max-width: 1100px; }
            table { border-collapse: collapse; font-size: 13px; margin: 12px 0 24px; }
            th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
            th:first-child, td:first-child { text-align: left; }
            th { background: #f3f3f3; }
            td.reason { text-align: left; }
            .context { color: #555; font-size: 13px; }
            figure { margin: 8px 0 16px; }
            </style></head><body>
            <h1>\(escape(title))</h1>

            """
        for line in context { html += "<p class=\"context\">\(escape(line))</p>\n" }
        html += "<h2>Results</h2>\n" + resultsTable()
        guard let first = report.policies.first else { return html + "</body></html>\n" }
        let step = first.series.bucketSeconds
        let names = report.policies.map(\.name)
        html += "<h2>Demand and forecast</h2>\n"
        let forecasts = forecastingPolicies()
        html += figure(
            SVGLineChart(
                title: "Arrivals per second (\(Int(step)) s buckets) and each policy's forecast for its next period",
                yLabel: "requests/s", stepSeconds: step,
                series: [("requests/s", first.series.arrivals.map { $0 / step })]
                    + forecasts.flatMap { name, forecast in
                        [
                            ("\(name) forecast", forecast.arrivalsPerSecond),
                            ("\(name) forecast p90", forecast.upperArrivalsPerSecond),
                        ]
                    }))
        html += figure(
            SVGLineChart(
                title: "CPU demand (CPU-seconds arriving per second) and forecast", yLabel: "CPU-s/s",
                stepSeconds: step,
                series: [("CPU-seconds/s arriving", first.series.cpuDemand)]
                    + forecasts.map { ("\($0.name) forecast", $0.forecast.cpuSecondsPerSecond) }))
        html += "<h2>Over time, every policy</h2>\n"
        html += figure(
            SVGLineChart(
                title: "Cold starts per bucket", yLabel: "cold starts", stepSeconds: step,
                series: zip(names, report.policies.map(\.series.coldStarts)).map { ($0, $1) }))
        html += figure(
            SVGLineChart(
                title: "Live instances (all pools)", yLabel: "instances", stepSeconds: step,
                series: report.policies.map { policy in
                    (policy.name, Self.sum(policy.series.poolSizes.map(\.live)))
                }))
        html += figure(
            SVGLineChart(
                title: "Cost so far", yLabel: "dollars", stepSeconds: step,
                series: zip(names, report.policies.map(\.series.cumulativeCost)).map { ($0, $1) }))
        html += "<h2>Pool sizes, per policy</h2>\n"
        for policy in report.policies {
            var series = policy.series.poolSizes.map { ($0.pool, $0.live) }
            series.append(("busy (all pools)", policy.series.busy))
            html += figure(
                SVGLineChart(
                    title: "\(policy.name): mean live instances per pool", yLabel: "instances", stepSeconds: step,
                    series: series))
        }
        html += "<h2>Directives and their reasons</h2>\n"
        for policy in report.policies where !policy.directiveLog.isEmpty {
            html +=
                "<h3>\(escape(policy.name)) (first \(min(25, policy.directiveLog.count)) of \(policy.directives))</h3>\n"
            html += "<table><tr><th>time s</th><th>pool</th><th>action</th><th>n</th><th>type</th><th>target</th>"
            html += "<th>reason</th></tr>\n"
            for record in policy.directiveLog.prefix(25) {
                html +=
                    "<tr><td>\(String(format: "%.1f", record.time))</td><td>\(escape(record.pool))</td>"
                    + "<td>\(record.action)</td><td>\(record.instances)</td>"
                    + "<td>\(escape(record.instanceType ?? ""))</td><td>\(record.target)</td>"
                    + "<td class=\"reason\">\(escape(record.reason ?? ""))</td></tr>\n"
            }
            html += "</table>\n"
        }
        return html + "</body></html>\n"
    }

    func resultsTable() -> String {
        let columns: [(String, (PolicyResult) -> String)] = [
            ("policy", { SVGLineChart.escape($0.name) }),
            ("requests", { "\($0.requests)" }),
            ("cold starts %", { String(format: "%.2f", 100 * $0.coldStartRate) }),
            ("p50 ms", { String(format: "%.0f", $0.p50LatencyMs) }),
            ("p95 ms", { String(format: "%.0f", $0.p95LatencyMs) }),
            ("p99 ms", { String(format: "%.0f", $0.p99LatencyMs) }),
            ("SLO violations %", { String(format: "%.2f", 100 * $0.sloViolationRate) }),
            ("cost $", { String(format: "%.4f", $0.cost) }),
            ("idle inst-s", { String(format: "%.0f", $0.idleInstanceSeconds) }),
            ("over-prov. inst-s", { String(format: "%.0f", $0.overProvisionedInstanceSeconds) }),
            ("under-prov. req-s", { String(format: "%.1f", $0.underProvisionedRequestSeconds) }),
            (
                "misroutes (mem / heavy→light / light→heavy)",
                {
                    "\($0.misroutes) (\($0.memoryMisroutes) / \($0.heavyOnLight) / \($0.lightOnHeavy))"
                }
            ),
            ("directives", { "\($0.directives)" }),
        ]
        var html = "<table><tr>" + columns.map { "<th>\($0.0)</th>" }.joined() + "</tr>\n"
        for policy in report.policies {
            html += "<tr>" + columns.map { "<td>\($0.1(policy))</td>" }.joined() + "</tr>\n"
        }
        return html + "</table>\n"
    }

    /// The policies that forecast, each distinct forecast once (policies sharing a forecaster forecast alike).
    func forecastingPolicies() -> [(name: String, forecast: ForecastSeries)] {
        var seen: [(name: String, forecast: ForecastSeries)] = []
        for policy in report.policies {
            guard let forecast = policy.series.forecast, !seen.contains(where: { $0.forecast == forecast }) else {
                continue
            }
            seen.append((policy.name, forecast))
        }
        return seen
    }

    func figure(_ chart: SVGLineChart) -> String { "<figure>\n" + chart.render() + "</figure>\n" }

    static func sum(_ rows: [[Double]]) -> [Double] {
        var total = [Double](repeating: 0, count: rows.map(\.count).max() ?? 0)
        for row in rows { for (index, value) in row.enumerated() { total[index] += value } }
        return total
    }
}
