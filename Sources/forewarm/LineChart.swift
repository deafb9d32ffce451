import Foundation

/// A minimal SVG line chart (no dependencies): a few series over a shared x axis, vertical markers, a legend.
struct LineChart {
    var title: String
    var xLabel: String
    var yLabel: String
    var series: [(name: String, values: [Double])]
    var markers: [Int] = []

    private let width = 760.0
    private let height = 420.0
    private let left = 70.0
    private let right = 20.0
    private let top = 40.0
    private let bottom = 60.0
    private let colors = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd"]

    func render() -> String {
        let count = series.map(\.values.count).max() ?? 0
        let maxY = (series.flatMap(\.values).max() ?? 1) * 1.1
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ index: Double) -> Double { left + plotWidth * index / Double(max(1, count - 1)) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / maxY) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(width / 2)" y="22" text-anchor="middle" font-size="14">\(escape(title))</text>

            """
        // Grid, then axes over it, then ticks.
        for step in 0...5 {
            let value = maxY * Double(step) / 5
            svg += line(left, y(value), left + plotWidth, y(value), color: "#eeeeee")
            svg += text(left - 6, y(value) + 4, String(format: "%.2f", value), anchor: "end")
        }
        svg +=
            line(left, top, left, top + plotHeight) + line(left, top + plotHeight, left + plotWidth, top + plotHeight)
        for step in 0...5 {
            let index = Double(count - 1) * Double(step) / 5
            svg += text(x(index), top + plotHeight + 18, "\(Int(index) + 1)", anchor: "middle")
        }
        svg += text(left + plotWidth / 2, height - 18, xLabel, anchor: "middle")
        svg +=
            "<text x=\"16\" y=\"\(top + plotHeight / 2)\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 16 \(top + plotHeight / 2))\">\(escape(yLabel))</text>\n"
        for marker in markers where marker < count {
            svg += line(x(Double(marker)), top, x(Double(marker)), top + plotHeight, color: "#999999", dashed: true)
        }
        for (position, entry) in series.enumerated() {
            let color = colors[position % colors.count]
            let points = entry.values.enumerated().map { String(format: "%.1f,%.1f", x(Double($0)), y($1)) }
            svg +=
                "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>\n"
            let legendY = top + 14 + Double(position) * 16
            svg += line(
                left + plotWidth - 250, legendY - 4, left + plotWidth - 230, legendY - 4, color: color, width: 3)
            svg += text(left + plotWidth - 224, legendY, entry.name, anchor: "start")
        }
        if !markers.isEmpty {
            let legendY = top + 14 + Double(series.count) * 16
            svg += line(
                left + plotWidth - 250, legendY - 4, left + plotWidth - 230, legendY - 4, color: "#999999",
                dashed: true)
            svg += text(left + plotWidth - 224, legendY, "retrained model swapped in", anchor: "start")
        }
        return svg + "</svg>\n"
    }

    private func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, color: String = "#333333",
        width: Double = 1, dashed: Bool = false
    ) -> String {
        String(
            format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%@\" stroke-width=\"%.0f\"%@/>\n",
            x1, y1, x2, y2, color, width, dashed ? " stroke-dasharray=\"4 3\"" : "")
    }

    private func text(_ x: Double, _ y: Double, _ content: String, anchor: String) -> String {
        String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%@\">%@</text>\n", x, y, anchor, escape(content))
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
