import Foundation
import WaymarkDomain

/// Delivery rate and young people engaged, month by month, as two bar panels over one time
/// axis. Two panels rather than two y axes on one: a rate and a head count share no scale,
/// and a second axis invites reading one against the other. Each panel names itself in text,
/// so nothing depends on telling the colours apart; the page gives the same figures as a table.
enum DeliveryChartSVG {
    struct Point {
        let month: CalendarMonth
        /// nil: nothing was planned (a month of holidays); no bar, not a nought.
        let rate: Double?
        /// nil: no approved return that month.
        let engaged: Int?
    }

    static let width = 760.0, left = 64.0, right = 16.0
    static let panelHeight = 130.0, panelTop = [34.0, 214.0], height = 380.0

    static func render(_ points: [Point], title: String, summary: String, idPrefix: String = "delivery") -> String {
        guard !points.isEmpty else { return "" }
        let f = SVGSupport.fmt
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\">"
        svg += "<title id=\"\(idPrefix)-title\">\(SVGSupport.escape(title))</title><desc id=\"\(idPrefix)-desc\">\(SVGSupport.escape(summary))</desc>"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
        svg += "<g font-size=\"12\" fill=\"#0b0c0c\" font-family=\"sans-serif\">"
        svg += panel(points.map { $0.rate.map { $0 * 100 } }, top: panelTop[0], maximum: 100, colour: "#1d70b8",
                     heading: "Delivery rate (sessions delivered ÷ planned)", tick: { "\(Int($0))%" }, count: points.count)
        let most = Double(points.compactMap(\.engaged).max() ?? 0)
        svg += panel(points.map { $0.engaged.map { Double($0) } }, top: panelTop[1], maximum: fourSteps(most), colour: "#00703c",
                     heading: "Young people engaged", tick: { Int($0).grouped() }, count: points.count)
        svg += monthLabels(points.map(\.month), y: panelTop[1] + panelHeight)
        return svg + "</g></svg>"
    }

    /// The axis top for four gridlines on whole, round numbers: 4, 8, 20, 40, 80, 200…
    static func fourSteps(_ value: Double) -> Double {
        var magnitude = 1.0
        while true {
            for step in [1.0, 2, 5] where step * magnitude * 4 >= value { return step * magnitude * 4 }
            magnitude *= 10
        }
    }

    private static func band(_ count: Int) -> Double { (width - left - right) / Double(count) }

    private static func panel(_ values: [Double?], top: Double, maximum: Double, colour: String, heading: String,
                              tick: (Double) -> String, count: Int) -> String {
        let f = SVGSupport.fmt, bottom = top + panelHeight, band = band(count)
        let y = { (value: Double) in bottom - panelHeight * Swift.min(value, maximum) / maximum }
        var svg = "<text x=\"\(f(left))\" y=\"\(f(top - 12))\" font-weight=\"bold\">\(SVGSupport.escape(heading))</text>"
        for step in 0...4 {
            let value = maximum * Double(step) / 4
            svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(value)))\" y2=\"\(f(y(value)))\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(y(value) + 4))\" text-anchor=\"end\">\(SVGSupport.escape(tick(value)))</text>"
        }
        for (index, value) in values.enumerated() {
            guard let value else { continue }
            // A few months would make slabs of bars; past 48px width adds nothing.
            let barWidth = Swift.min(band * 0.6, 48), x = left + band * (Double(index) + 0.5) - barWidth / 2
            svg += "<rect x=\"\(f(x))\" y=\"\(f(y(value)))\" width=\"\(f(barWidth))\" height=\"\(f(bottom - y(value)))\" fill=\"\(colour)\"/>"
        }
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(bottom))\" y2=\"\(f(bottom))\" stroke=\"#0b0c0c\"/>"
        return svg
    }

    /// Every month while they fit; past a year, every few months, so labels never overlap.
    private static func monthLabels(_ months: [CalendarMonth], y: Double) -> String {
        let f = SVGSupport.fmt, band = band(months.count)
        let every = Swift.max(1, Int((Double(months.count) / 12).rounded(.up)))
        var svg = ""
        for (index, month) in months.enumerated() where index % every == 0 {
            let x = left + band * (Double(index) + 0.5)
            svg += "<text x=\"\(f(x))\" y=\"\(f(y + 18))\" text-anchor=\"middle\">\(SVGSupport.escape(month.display))</text>"
        }
        return svg
    }
}
