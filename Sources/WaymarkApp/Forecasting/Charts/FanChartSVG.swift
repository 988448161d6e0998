import Foundation
import WaymarkDomain

/// Routes fully covered month by month as a fan: the band from P10 to P90, the median as a
/// solid line and, when given, the baseline's median dashed. Drawn on the server as SVG; the
/// page puts the same figures in a table beside it.
///
/// The band and lines differ by shape (area, solid, dashed) as well as colour, and each is
/// named in the legend; text is dark on white at 12px or more at the drawing's size.
enum FanChartSVG {
    struct Series {
        var p10: [Double]
        var p50: [Double]
        var p90: [Double]
    }

    static let width = 760.0, height = 320.0
    static let left = 56.0, right = 16.0, top = 16.0, bottom = 72.0

    static func render(months: [Day], scenario: Series, baseline: [Double]?, baselineLabel: String = "Baseline median", maximum: Double, yLabel: String,
                       title: String, summary: String, idPrefix: String = "fan") -> String {
        guard !months.isEmpty else { return "" }
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let top = Swift.max(1, niceCeiling(maximum))
        let step = months.count > 1 ? plotWidth / Double(months.count - 1) : 0
        let x = { (i: Int) in left + Double(i) * step }
        let y = { (value: Double) in Self.top + plotHeight * (1 - Swift.min(value, top) / top) }
        let f = SVGSupport.fmt
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\">"
        svg += "<title id=\"\(idPrefix)-title\">\(SVGSupport.escape(title))</title><desc id=\"\(idPrefix)-desc\">\(SVGSupport.escape(summary))</desc>"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
        // Grid and y axis: four or five steps, whichever lands on whole numbers (25 → fives).
        let steps = top.truncatingRemainder(dividingBy: 4) == 0 || top < 4 ? 4 : 5
        for tick in 0...steps {
            let value = top * Double(tick) / Double(steps)
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(value)))\" y2=\"\(f(y(value)))\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(value) + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#0b0c0c\" font-family=\"sans-serif\">\(Int(value.rounded()))</text>"
        }
        svg += "<text x=\"14\" y=\"\(f(Self.top + plotHeight / 2))\" transform=\"rotate(-90 14 \(f(Self.top + plotHeight / 2)))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\" font-family=\"sans-serif\">\(SVGSupport.escape(yLabel))</text>"
        // Month labels: every January, and the first month.
        for (i, month) in months.enumerated() where i == 0 || month.month == 1 || (months.count <= 13 && month.month % 3 == 1) {
            svg += "<line x1=\"\(f(x(i)))\" x2=\"\(f(x(i)))\" y1=\"\(f(Self.top + plotHeight))\" y2=\"\(f(Self.top + plotHeight + 5))\" stroke=\"#0b0c0c\"/>"
            svg += "<text x=\"\(f(x(i)))\" y=\"\(f(Self.top + plotHeight + 18))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\" font-family=\"sans-serif\">\(SVGSupport.escape(shortMonth(month)))</text>"
        }
        // The band from P10 up to P90, then back along P10.
        let upper = months.indices.map { "\(f(x($0))),\(f(y(scenario.p90[$0])))" }
        let lower = months.indices.reversed().map { "\(f(x($0))),\(f(y(scenario.p10[$0])))" }
        svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"#1d70b8\" fill-opacity=\"0.25\" stroke=\"#1d70b8\" stroke-width=\"1\"/>"
        if let baseline {
            svg += "<polyline points=\"\(months.indices.map { "\(f(x($0))),\(f(y(baseline[$0])))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#505a5f\" stroke-width=\"2.5\" stroke-dasharray=\"8 5\"/>"
        }
        svg += "<polyline points=\"\(months.indices.map { "\(f(x($0))),\(f(y(scenario.p50[$0])))" }.joined(separator: " "))\" fill=\"none\" stroke=\"#003078\" stroke-width=\"3\"/>"
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(left))\" y1=\"\(f(Self.top))\" y2=\"\(f(Self.top + plotHeight))\" stroke=\"#0b0c0c\"/>"
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(Self.top + plotHeight))\" y2=\"\(f(Self.top + plotHeight))\" stroke=\"#0b0c0c\"/>"
        svg += legend(y: height - 22, baseline: baseline == nil ? nil : baselineLabel)
        return svg + "</svg>"
    }

    private static func legend(y: Double, baseline: String?) -> String {
        let f = SVGSupport.fmt
        var items: [(mark: String, label: String)] = [
            ("<rect width=\"22\" height=\"12\" y=\"-10\" fill=\"#1d70b8\" fill-opacity=\"0.25\" stroke=\"#1d70b8\"/>", "P10 to P90 (8 in 10 samples)"),
            ("<line x1=\"0\" x2=\"22\" y1=\"-4\" y2=\"-4\" stroke=\"#003078\" stroke-width=\"3\"/>", "Median (P50)"),
        ]
        if let baseline {
            items.append(("<line x1=\"0\" x2=\"22\" y1=\"-4\" y2=\"-4\" stroke=\"#505a5f\" stroke-width=\"2.5\" stroke-dasharray=\"8 5\"/>", baseline))
        }
        var x = left, svg = "<g font-size=\"12\" fill=\"#0b0c0c\" font-family=\"sans-serif\">"
        for item in items {
            svg += "<g transform=\"translate(\(f(x)) \(f(y)))\">\(item.mark)<text x=\"28\" y=\"0\">\(SVGSupport.escape(item.label))</text></g>"
            x += 36 + SVGSupport.textWidth(item.label, size: 12)
        }
        return svg + "</g>"
    }

    /// The smallest round number at or above `value`, for the axis top.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(value)))
        for multiple in [1.0, 2, 2.5, 4, 5, 8, 10] where multiple * magnitude >= value { return multiple * magnitude }
        return 10 * magnitude
    }

    static func shortMonth(_ day: Day) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[day.month - 1]) \(day.year)"
    }
}
