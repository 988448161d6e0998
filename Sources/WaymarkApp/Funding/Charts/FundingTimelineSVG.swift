import Foundation
import WaymarkDomain

/// A route's funding over time, drawn as SVG on the server: one bar per allocation, a strip of
/// school days for secured and for projected coverage, and markers for the as-of date and for
/// how far the money reaches. A pure function of plain values, so the page builder decides what
/// to show and the drawing can be tested without a database.
///
/// Colour is never the only cue: bars differ by fill pattern and border and say their basis in
/// words; coverage states differ by height and pattern; markers differ by dash and are labelled.
/// Marks have at least 3:1 contrast with the white ground and text is dark on white, 12px or more
/// at the drawing's own size (760 wide): put it in a `.wm-figure__scroll` wrapper so phones scroll
/// it rather than shrink the text. `idPrefix` keeps ids apart when a page holds two charts.
enum FundingTimelineSVG {
    /// How far an allocation's money counts.
    enum Basis: Hashable, Sendable, CaseIterable {
        /// Confirmed or received: counts towards secured and projected coverage.
        case secured
        /// Pledged: counts towards projected coverage only.
        case pledged
        /// Prospective or withdrawn: drawn for the record, counted nowhere.
        case notCounted

        init(_ status: FundingSource.Status) {
            if status.countsAsSecured {
                self = .secured
            } else if status.countsAsProjected {
                self = .pledged
            } else {
                self = .notCounted
            }
        }

        var displayName: String {
            switch self {
            case .secured: "Secured"
            case .pledged: "Pledged"
            case .notCounted: "Not counted"
            }
        }
    }

    /// One allocation, as one row.
    struct Bar {
        /// "Birmingham City Council — Safer Journeys fund".
        var label: String
        var period: DayRange
        /// Already formatted, e.g. "£91,260.00".
        var amount: String
        var basis: Basis
        /// Share of the amount drawn to date, 0...1; nil when not known.
        var drawnFraction: Double? = nil
        /// Extra words for the details line, e.g. "withdrawn 3 Oct 2022" or "prospective".
        var note: String? = nil
    }

    typealias SchoolDay = (day: Day, coverage: DayCoverage)

    struct Input {
        var title: String
        /// The days drawn, left edge to right edge.
        var span: DayRange
        var asOf: Day
        var bars: [Bar]
        /// Each school day with its secured coverage (confirmed and received money).
        var securedDays: [SchoolDay]
        /// Each school day with its projected coverage (secured plus pledged money).
        var projectedDays: [SchoolDay]
        var securedFundedUntil: Day?
        var projectedFundedUntil: Day?
    }

    // MARK: - Layout

    static let width = 760.0
    static let plotLeft = 16.0
    static let plotRight = 744.0
    static var plotWidth: Double { plotRight - plotLeft }

    static let barRowHeight = 62.0
    static let barHeight = 18.0
    static let stripRowHeight = 52.0
    static let stripHeight = 22.0
    static let markerLineHeight = 18.0
    /// Runs of one coverage state are merged across gaps of up to this many calendar days
    /// (a weekend, or one with a bank holiday), but not across a half-term or a holiday.
    static let mergeGapDays = 4

    /// The left edge of `day` in a drawing of `span`.
    static func x(of day: Day, in span: DayRange) -> Double {
        plotLeft + Double(day.days(from: span.start)) * dayWidth(span)
    }

    /// The middle of `day`, where a marker for it is drawn.
    static func markerX(of day: Day, in span: DayRange) -> Double {
        x(of: day, in: span) + dayWidth(span) / 2
    }

    static func dayWidth(_ span: DayRange) -> Double { plotWidth / Double(span.dayCount) }

    /// The span a route page would draw: from the earliest allocation (or a year before the
    /// as-of date, if earlier) to a year after it (or the latest allocation's end, if later),
    /// in whole months.
    static func defaultSpan(asOf: Day, periods: [DayRange]) -> DayRange {
        let start = min(periods.map(\.start).min() ?? asOf, asOf.adding(months: -12)).startOfMonth
        let end = max(periods.map(\.end).max() ?? asOf, asOf.adding(months: 12)).endOfMonth
        return DayRange(start: start, end: end) ?? DayRange(single: asOf)
    }

    // MARK: - Drawing

    static func render(_ input: Input, idPrefix: String = "funding-timeline") -> String {
        let id = SVGSupport.escape(idPrefix)
        let span = input.span
        var body = ""
        var y = 8.0

        // Marker labels, one line each, above everything they mark.
        let markers = markerList(input)
        let markerTop = y
        y += Double(markers.count) * markerLineHeight + (markers.isEmpty ? 0 : 6)
        let chartTop = y

        // Layers, bottom to top: grid, bars and strips, marker lines, then every label, edged
        // in white, so that no line cuts through words.
        var shapes = "", labels = ""
        if input.bars.isEmpty {
            labels += text("No allocations for this route.", x: plotLeft, y: y + 18, size: 13)
            y += 30
        }
        for bar in input.bars {
            let drawn = drawBar(bar, top: y, span: span, id: id)
            shapes += drawn.shape
            labels += drawn.label
            y += barRowHeight
        }
        for (name, days) in [("Secured coverage: confirmed and received money", input.securedDays),
                             ("Projected coverage: secured plus pledged money", input.projectedDays)] {
            shapes += drawStrip(days: days, top: y, span: span, id: id)
            labels += text(name, x: plotLeft, y: y + 14, size: 13, bold: true, halo: true)
            y += stripRowHeight
        }

        let axisY = y + 2
        let (axis, grid) = drawAxis(span: span, axisY: axisY, top: chartTop)
        body += grid + shapes + axis
        for (index, marker) in markers.enumerated() {
            body += drawMarkerLine(marker, lineTop: markerTop + Double(index) * markerLineHeight, axisY: axisY, span: span)
        }
        body += "<g class=\"wm-funding-timeline__labels\">" + labels + "</g>"
        for (index, marker) in markers.enumerated() {
            body += drawMarkerLabel(marker, lineTop: markerTop + Double(index) * markerLineHeight, span: span)
        }

        let legendTop = axisY + 34
        let (legend, legendBottom) = drawLegend(top: legendTop, id: id)
        body += legend
        let height = (legendBottom + 10).rounded(.up)

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
        svg += "aria-labelledby=\"\(id)-title \(id)-desc\" class=\"wm-funding-timeline\" font-family=\"sans-serif\">"
        svg += "<title id=\"\(id)-title\">\(SVGSupport.escape(input.title))</title>"
        svg += "<desc id=\"\(id)-desc\">\(SVGSupport.escape(description(input)))</desc>"
        svg += defs(id)
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>"
        svg += body
        svg += "</svg>"
        return svg
    }

    // MARK: Bars

    /// The bar (with its words as a tooltip) and, apart, its two lines of text.
    static func drawBar(_ bar: Bar, top: Double, span: DayRange, id: String) -> (shape: String, label: String) {
        let style = barStyle(bar.basis, id: id)
        var details = [bar.amount, bar.basis.displayName.lowercased(), bar.period.display]
        if let fraction = bar.drawnFraction {
            details.append("\(Int((min(max(fraction, 0), 1) * 100).rounded()))% drawn")
        }
        if let note = bar.note, !note.isEmpty { details.append(note) }
        let detailText = capitalisedFirst(details.joined(separator: ", "))

        var svg = "<g class=\"wm-funding-timeline__bar\"><title>\(SVGSupport.escape(bar.label + ": " + detailText))</title>"
        let barY = top + 36
        var labelAnchor = plotLeft
        if let shown = bar.period.clamped(to: span) {
            let x0 = x(of: shown.start, in: span)
            let x1 = x(of: shown.end, in: span) + dayWidth(span)
            let w = max(x1 - x0, 2)
            labelAnchor = x0
            svg += "<rect x=\"\(f(x0))\" y=\"\(f(barY))\" width=\"\(f(w))\" height=\"\(f(barHeight))\" fill=\"\(style.fill)\" "
            svg += "stroke=\"\(style.stroke)\" stroke-width=\"2\"\(style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
            if let fraction = bar.drawnFraction, fraction > 0 {
                let drawn = w * min(fraction, 1)
                svg += "<rect x=\"\(f(x0))\" y=\"\(f(barY + 4))\" width=\"\(f(drawn))\" height=\"\(f(barHeight - 8))\" fill=\"\(style.drawn)\"/>"
            }
        }
        let label = fit(bar.label, size: 13, bold: true, maxWidth: plotWidth)
        let detail = fit(detailText, size: 12, bold: false, maxWidth: plotWidth)
        let textWidth = max(SVGSupport.textWidth(label, size: 13, bold: true), SVGSupport.textWidth(detail, size: 12))
        let textX = max(plotLeft, min(labelAnchor, plotRight - textWidth))
        svg += "</g>"
        let words = text(label, x: textX, y: top + 14, size: 13, bold: true, halo: true)
            + text(detail, x: textX, y: top + 30, size: 12, fill: "#505a5f", halo: true)
        return (svg, words)
    }

    struct BarStyle { let fill: String, stroke: String, dash: String?, drawn: String }

    static func barStyle(_ basis: Basis, id: String) -> BarStyle {
        switch basis {
        case .secured: BarStyle(fill: "#cce2d8", stroke: "#00703c", dash: nil, drawn: "#005a30")
        case .pledged: BarStyle(fill: "url(#\(id)-pledged)", stroke: "#1d70b8", dash: "6 3", drawn: "#0b2f52")
        case .notCounted: BarStyle(fill: "url(#\(id)-not-counted)", stroke: "#505a5f", dash: "2 3", drawn: "#383f43")
        }
    }

    // MARK: Coverage strips

    /// A run of school days in one state, drawn as one rectangle.
    struct Run: Equatable {
        let first: Day
        let last: Day
        let coverage: DayCoverage
        let days: Int
    }

    /// School days inside `span`, in day order, merged into runs of one state across short gaps.
    static func runs(_ days: [SchoolDay], in span: DayRange) -> [Run] {
        let sorted = days.filter { span.contains($0.day) }.sorted { $0.day < $1.day }
        var runs: [Run] = []
        for entry in sorted {
            if let last = runs.last, last.last == entry.day {
                continue  // the same day twice: keep the first
            } else if let last = runs.last, last.coverage == entry.coverage,
                      entry.day.days(from: last.last) <= mergeGapDays {
                runs[runs.count - 1] = Run(first: last.first, last: entry.day, coverage: last.coverage, days: last.days + 1)
            } else {
                runs.append(Run(first: entry.day, last: entry.day, coverage: entry.coverage, days: 1))
            }
        }
        return runs
    }

    static func drawStrip(days: [SchoolDay], top: Double, span: DayRange, id: String) -> String {
        let stripY = top + 22
        var svg = "<g class=\"wm-funding-timeline__coverage\">"
        svg += "<rect x=\"\(f(plotLeft))\" y=\"\(f(stripY))\" width=\"\(f(plotWidth))\" height=\"\(f(stripHeight))\" fill=\"#f3f2f1\"/>"
        for run in runs(days, in: span) {
            let x0 = x(of: run.first, in: span)
            let w = max(x(of: run.last, in: span) + dayWidth(span) - x0, 1.5)
            let (height, fill) = coverageMark(run.coverage, id: id)
            svg += "<rect x=\"\(f(x0))\" y=\"\(f(stripY + stripHeight - height))\" width=\"\(f(w))\" height=\"\(f(height))\" fill=\"\(fill)\"/>"
        }
        svg += "<line x1=\"\(f(plotLeft))\" y1=\"\(f(stripY + stripHeight))\" x2=\"\(f(plotRight))\" y2=\"\(f(stripY + stripHeight))\" stroke=\"#505a5f\" stroke-width=\"1\"/>"
        svg += "</g>"
        return svg
    }

    /// Height and fill of a coverage state: full and solid when covered, shorter and hatched
    /// when partly covered, a low band when not covered, full and hatched the other way when
    /// the cost is unknown.
    static func coverageMark(_ coverage: DayCoverage, id: String) -> (height: Double, fill: String) {
        switch coverage {
        case .covered: (stripHeight, "#00703c")
        case .partlyCovered: (14, "url(#\(id)-partly)")
        case .uncovered: (7, "#942514")
        case .unknownCost: (stripHeight, "url(#\(id)-unknown)")
        }
    }
}
