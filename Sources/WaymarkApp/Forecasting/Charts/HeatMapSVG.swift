import Foundation
import WaymarkDomain

/// Each route's chance of being fully covered, month by month: one row per route, one cell
/// per month, darker for likelier. The page gives the same numbers as a table; cells carry
/// their figure as a tooltip when there are few enough of them to keep the page light.
enum HeatMapSVG {
    struct Row {
        var label: String
        var probabilities: [Double]
    }

    /// The bands of the legend, lightest to darkest, with text colour that reads on each.
    static let bands: [(upTo: Double, fill: String, label: String)] = [
        (0.1, "#f3f2f1", "under 10%"),
        (0.5, "#c9daf0", "10% to 49%"),
        (0.9, "#6f9fd4", "50% to 89%"),
        (0.99, "#1d70b8", "90% to 98%"),
        (1.01, "#003078", "99% or more"),
    ]

    static let labelWidth = 96.0, cellWidth = 18.0, cellHeight = 16.0, top = 28.0, legendHeight = 56.0
    static let tooltipLimit = 6_000

    static func fill(_ probability: Double) -> String {
        bands.first { probability < $0.upTo }?.fill ?? bands[bands.count - 1].fill
    }

    static func render(months: [Day], rows: [Row], title: String, summary: String, idPrefix: String = "heat") -> String {
        guard !months.isEmpty, !rows.isEmpty else { return "" }
        let f = SVGSupport.fmt
        let width = Swift.max(labelWidth + cellWidth * Double(months.count) + 8, 560)
        let height = top + cellHeight * Double(rows.count) + legendHeight
        let tooltips = rows.count * months.count <= tooltipLimit
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\">"
        svg += "<title id=\"\(idPrefix)-title\">\(SVGSupport.escape(title))</title><desc id=\"\(idPrefix)-desc\">\(SVGSupport.escape(summary))</desc>"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/><g font-family=\"sans-serif\" font-size=\"12\" fill=\"#0b0c0c\">"
        for (m, month) in months.enumerated() where m == 0 || month.month == 1 || month.month == 9 {
            svg += "<text x=\"\(f(labelWidth + cellWidth * Double(m)))\" y=\"\(f(top - 10))\">\(SVGSupport.escape(FanChartSVG.shortMonth(month)))</text>"
        }
        for (r, row) in rows.enumerated() {
            let y = top + cellHeight * Double(r)
            svg += "<text x=\"\(f(labelWidth - 6))\" y=\"\(f(y + cellHeight - 4))\" text-anchor=\"end\">\(SVGSupport.escape(row.label))</text>"
            for (m, probability) in row.probabilities.enumerated() {
                svg += "<rect x=\"\(f(labelWidth + cellWidth * Double(m)))\" y=\"\(f(y))\" width=\"\(f(cellWidth - 1))\" height=\"\(f(cellHeight - 1))\" fill=\"\(fill(probability))\""
                svg += tooltips
                    ? "><title>\(SVGSupport.escape(row.label)), \(FanChartSVG.shortMonth(months[m])): \(Int((probability * 100).rounded()))%</title></rect>"
                    : "/>"
            }
        }
        var x = labelWidth
        let legendY = top + cellHeight * Double(rows.count) + 24
        svg += "<text x=\"\(f(labelWidth))\" y=\"\(f(legendY - 6))\">Chance the route is fully covered:</text>"
        for band in bands {
            svg += "<rect x=\"\(f(x))\" y=\"\(f(legendY))\" width=\"16\" height=\"14\" fill=\"\(band.fill)\" stroke=\"#505a5f\" stroke-width=\"0.5\"/>"
            svg += "<text x=\"\(f(x + 21))\" y=\"\(f(legendY + 12))\">\(band.label)</text>"
            x += 30 + SVGSupport.textWidth(band.label, size: 12)
        }
        return svg + "</g></svg>"
    }
}
