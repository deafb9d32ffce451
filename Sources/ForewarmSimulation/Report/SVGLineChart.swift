import Foundation

/// A self-contained SVG line chart: several series over a shared time axis, with a legend. No scripts, no styles
/// from outside.
public struct SVGLineChart: Sendable {
    public var title: String
    public var yLabel: String
    /// Seconds between consecutive points.
    public var stepSeconds: Double
    public var series: [(name: String, values: [Double])]
    public var width = 860.0
    public var height = 300.0

    public init(title: String, yLabel: String, stepSeconds: Double, series: [(name: String, values: [Double])]) {
        self.title = title
        self.yLabel = yLabel
        self.stepSeconds = stepSeconds
        self.series = series
    }

    static let palette = [
        "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22",
    ]

    public func render() -> String {
        let left = 70.0, right = 190.0, top = 34.0, bottom = 42.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let count = max(2, series.map(\.values.count).max() ?? 0)
        let peak = series.flatMap(\.values).filter(\.isFinite).max() ?? 0
        let maxY = peak > 0 ? Self.niceCeiling(peak) : 1
        let span = Double(count - 1) * stepSeconds
        let hours = span >= 3 * 3600
        func x(_ index: Int) -> Double { left + plotWidth * Double(index) / Double(count - 1) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(value, maxY) / maxY) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="11">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(left)" y="20" font-size="13" font-weight="bold">\(Self.escape(title))</text>

            """
        for step in 0...4 {
            let value = maxY * Double(step) / 4
            svg += line(left, y(value), left + plotWidth, y(value), color: "#e5e5e5")
            svg += text(left - 6, y(value) + 4, Self.short(value), anchor: "end")
        }
        svg += line(left, top, left, top + plotHeight, color: "#333")
        svg += line(left, top + plotHeight, left + plotWidth, top + plotHeight, color: "#333")
        for step in 0...6 {
            let index = Int((Double(count - 1) * Double(step) / 6).rounded())
            let seconds = Double(index) * stepSeconds
            let label = hours ? String(format: "%.1f h", seconds / 3600) : String(format: "%.0f min", seconds / 60)
            svg += text(x(index), top + plotHeight + 16, label, anchor: "middle")
        }
        svg +=
            "<text x=\"14\" y=\"\(top + plotHeight / 2)\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 14 \(top + plotHeight / 2))\">\(Self.escape(yLabel))</text>\n"
        for (position, entry) in series.enumerated() {
            let color = Self.palette[position % Self.palette.count]
            let points = entry.values.enumerated().map { String(format: "%.1f,%.1f", x($0), y($1)) }
            svg +=
                "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" "
                + "points=\"\(points.joined(separator: " "))\"/>\n"
            let legendY = top + 8 + Double(position) * 16
            svg += line(left + plotWidth + 12, legendY - 4, left + plotWidth + 32, legendY - 4, color: color, width: 3)
            svg += text(left + plotWidth + 38, legendY, entry.name, anchor: "start")
        }
        return svg + "</svg>\n"
    }

    /// 1, 2, 2.5 or 5 × a power of ten, at or above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        let magnitude = pow(10, floor(log10(value)))
        for factor in [1.0, 2, 2.5, 5, 10] where factor * magnitude >= value { return factor * magnitude }
        return 10 * magnitude
    }

    static func short(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 1000 { return String(format: "%.0f", value) }
        if abs(value) >= 10 { return String(format: "%.0f", value) }
        if abs(value) >= 1 { return String(format: "%.1f", value) }
        return String(format: "%.3g", value)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, color: String, width: Double = 1
    ) -> String {
        String(
            format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%@\" stroke-width=\"%.0f\"/>\n",
            x1, y1, x2, y2, color, width)
    }

    private func text(_ x: Double, _ y: Double, _ content: String, anchor: String) -> String {
        String(
            format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%@\">%@</text>\n", x, y, anchor, Self.escape(content))
    }
}
