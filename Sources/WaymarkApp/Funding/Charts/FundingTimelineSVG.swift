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
    private static func drawBar(_ bar: Bar, top: Double, span: DayRange, id: String) -> (shape: String, label: String) {
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

    private struct BarStyle { let fill: String, stroke: String, dash: String?, drawn: String }

    private static func barStyle(_ basis: Basis, id: String) -> BarStyle {
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

    private static func drawStrip(days: [SchoolDay], top: Double, span: DayRange, id: String) -> String {
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
    private static func coverageMark(_ coverage: DayCoverage, id: String) -> (height: Double, fill: String) {
        switch coverage {
        case .covered: (stripHeight, "#00703c")
        case .partlyCovered: (14, "url(#\(id)-partly)")
        case .uncovered: (7, "#942514")
        case .unknownCost: (stripHeight, "url(#\(id)-unknown)")
        }
    }

    // MARK: Markers

    private struct Marker {
        /// Nil for a statement with no date to mark ("no secured funding").
        let day: Day?
        let text: String
        let stroke: String
        let dash: String?
        let width: Double
    }

    private static func markerList(_ input: Input) -> [Marker] {
        var markers = [Marker(day: input.asOf, text: "As of \(input.asOf.display)", stroke: "#0b0c0c", dash: nil, width: 2)]
        let secured = input.securedFundedUntil, projected = input.projectedFundedUntil
        let securedStyle = (stroke: "#00703c", dash: "6 3", width: 2.0)
        let projectedStyle = (stroke: "#1d70b8", dash: "2 3", width: 2.5)
        switch (secured, projected) {
        case let (secured?, projected?) where secured == projected:
            markers.append(Marker(day: secured, text: "Secured and projected funding until \(secured.display)",
                                  stroke: securedStyle.stroke, dash: securedStyle.dash, width: securedStyle.width))
        case (nil, nil):
            markers.append(Marker(day: nil, text: "No funding for the next school day, secured or projected",
                                  stroke: "", dash: nil, width: 0))
        default:
            markers.append(Marker(day: secured, text: secured.map { "Secured funding until \($0.display)" }
                                      ?? "No secured funding for the next school day",
                                  stroke: securedStyle.stroke, dash: securedStyle.dash, width: securedStyle.width))
            markers.append(Marker(day: projected, text: projected.map { "Projected funding until \($0.display)" }
                                      ?? "No projected funding for the next school day",
                                  stroke: projectedStyle.stroke, dash: projectedStyle.dash, width: projectedStyle.width))
        }
        return markers
    }

    /// Where a marker's line goes: the middle of its day, or nil when it has no day in the span.
    private static func markerLineX(_ marker: Marker, span: DayRange) -> Double? {
        guard let day = marker.day, span.contains(day) else { return nil }
        return markerX(of: day, in: span)
    }

    private static func drawMarkerLine(_ marker: Marker, lineTop: Double, axisY: Double, span: DayRange) -> String {
        guard let mx = markerLineX(marker, span: span) else { return "" }
        return "<line class=\"wm-funding-timeline__marker-line\" x1=\"\(f(mx))\" y1=\"\(f(lineTop + 2))\" x2=\"\(f(mx))\" y2=\"\(f(axisY))\" stroke=\"\(marker.stroke)\" "
            + "stroke-width=\"\(f(marker.width))\"\(marker.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
    }

    /// The label beside its line (right of it when it fits, else left); at the edge, with words
    /// saying so, when the day is outside the span; at the left when there is no day.
    private static func drawMarkerLabel(_ marker: Marker, lineTop: Double, span: DayRange) -> String {
        var label = marker.text
        var mx = plotLeft - 6
        if let day = marker.day {
            if let inside = markerLineX(marker, span: span) {
                mx = inside
            } else if day < span.start {
                label += " (before the chart)"
            } else {
                mx = plotRight
                label += " (after the chart)"
            }
        }
        let labelWidth = SVGSupport.textWidth(label, size: 13, bold: true)
        let rightward = mx + 6 + labelWidth <= width - 4
        let textX = rightward ? mx + 6 : max(mx - 6, labelWidth + 4)
        return "<g class=\"wm-funding-timeline__marker\">"
            + text(label, x: textX, y: lineTop + 13, size: 13, bold: true, halo: true, anchorEnd: !rightward) + "</g>"
    }

    // MARK: Axis

    /// Sets of months to label, finest first; the finest whose labels do not collide is used.
    private static let labelMonthSets: [[Int]] = [Array(1...12), [1, 4, 7, 10], [4, 9], [4], [1]]

    private static func drawAxis(span: DayRange, axisY: Double, top: Double) -> (axis: String, grid: String) {
        var months: [Day] = []
        var month = span.start.day == 1 ? span.start : span.start.endOfMonth.next
        while month <= span.end {
            months.append(month)
            month = month.adding(months: 1)
        }
        let labelled = chooseLabelledMonths(months, span: span)
        var axis = "<g class=\"wm-funding-timeline__axis\" aria-hidden=\"true\">"
        axis += "<line x1=\"\(f(plotLeft))\" y1=\"\(f(axisY))\" x2=\"\(f(plotRight))\" y2=\"\(f(axisY))\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>"
        var grid = "<g aria-hidden=\"true\">"
        for month in months {
            let mx = x(of: month, in: span)
            let isLabelled = labelled.contains(month)
            axis += "<line x1=\"\(f(mx))\" y1=\"\(f(axisY))\" x2=\"\(f(mx))\" y2=\"\(f(axisY + (isLabelled ? 7 : 4)))\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>"
            if isLabelled {
                axis += "<text x=\"\(f(mx))\" y=\"\(f(axisY + 21))\" font-size=\"12\" fill=\"#0b0c0c\" text-anchor=\"middle\">\(axisLabel(month))</text>"
                grid += "<line x1=\"\(f(mx))\" y1=\"\(f(top))\" x2=\"\(f(mx))\" y2=\"\(f(axisY))\" stroke=\"#d8d8d8\" stroke-width=\"1\"/>"
            }
        }
        axis += "</g>"
        grid += "</g>"
        return (axis, grid)
    }

    static func axisLabel(_ month: Day) -> String {
        "\(Day.monthName(month.month).prefix(3)) \(month.year)"
    }

    /// The months to label: the finest set whose labels fit inside the plot with a gap between.
    static func chooseLabelledMonths(_ months: [Day], span: DayRange) -> Set<Day> {
        for set in labelMonthSets {
            let chosen = months.filter { set.contains($0.month) }.filter { month in
                let half = SVGSupport.textWidth(axisLabel(month), size: 12) / 2
                let mx = x(of: month, in: span)
                return mx - half >= 0 && mx + half <= width
            }
            guard !chosen.isEmpty else { continue }
            let fits = zip(chosen, chosen.dropFirst()).allSatisfy { a, b in
                let gap = x(of: b, in: span) - x(of: a, in: span)
                return gap >= (SVGSupport.textWidth(axisLabel(a), size: 12) + SVGSupport.textWidth(axisLabel(b), size: 12)) / 2 + 10
            }
            if fits { return Set(chosen) }
        }
        return []
    }

    // MARK: Legend

    private static func drawLegend(top: Double, id: String) -> (svg: String, bottom: Double) {
        let swatch = 26.0, rowHeight = 22.0
        var items: [(mark: (Double, Double) -> String, label: String)] = []
        for basis in Basis.allCases {
            let style = barStyle(basis, id: id)
            let name = switch basis {
            case .secured: "Secured allocation"
            case .pledged: "Pledged allocation"
            case .notCounted: "Not counted (prospective or withdrawn)"
            }
            items.append(({ x, y in
                "<rect x=\"\(f(x + 1))\" y=\"\(f(y + 1))\" width=\"\(f(swatch - 2))\" height=\"12\" fill=\"\(style.fill)\" stroke=\"\(style.stroke)\" stroke-width=\"2\"\(style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
            }, name))
        }
        items.append(({ x, y in
            "<rect x=\"\(f(x + 1))\" y=\"\(f(y + 1))\" width=\"\(f(swatch - 2))\" height=\"12\" fill=\"#cce2d8\" stroke=\"#00703c\" stroke-width=\"2\"/>"
                + "<rect x=\"\(f(x + 1))\" y=\"\(f(y + 4))\" width=\"14\" height=\"6\" fill=\"#005a30\"/>"
        }, "Drawn to date (darker inner bar)"))
        let states: [(DayCoverage, String)] = [
            (.covered, "School day covered"), (.partlyCovered, "Partly covered"),
            (.uncovered, "Not covered"), (.unknownCost, "Cost not known"),
        ]
        for (state, name) in states {
            let (height, fill) = coverageMark(state, id: id)
            items.append(({ x, y in
                "<rect x=\"\(f(x))\" y=\"\(f(y - 2))\" width=\"\(f(swatch))\" height=\"18\" fill=\"#f3f2f1\"/>"
                    + "<rect x=\"\(f(x))\" y=\"\(f(y + 16 - height * 18 / stripHeight))\" width=\"\(f(swatch))\" height=\"\(f(height * 18 / stripHeight))\" fill=\"\(fill)\"/>"
            }, name))
        }
        items.append(({ x, y in
            "<rect x=\"\(f(x))\" y=\"\(f(y - 2))\" width=\"\(f(swatch))\" height=\"18\" fill=\"#f3f2f1\"/>"
        }, "No school day"))
        let lines: [(String, String?, Double, String)] = [
            ("#0b0c0c", nil, 2, "As of"), ("#00703c", "6 3", 2, "Secured funded until"), ("#1d70b8", "2 3", 2.5, "Projected funded until"),
        ]
        for (stroke, dash, lineWidth, name) in lines {
            items.append(({ x, y in
                "<line x1=\"\(f(x + swatch / 2))\" y1=\"\(f(y - 3))\" x2=\"\(f(x + swatch / 2))\" y2=\"\(f(y + 17))\" stroke=\"\(stroke)\" stroke-width=\"\(f(lineWidth))\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
            }, name))
        }

        var svg = "<g class=\"wm-funding-timeline__legend\">"
        svg += text("Key", x: plotLeft, y: top, size: 13, bold: true)
        var x = plotLeft, y = top + 12
        for item in items {
            let itemWidth = swatch + 6 + SVGSupport.textWidth(item.label, size: 12) + 18
            if x + itemWidth > plotRight + 18 && x > plotLeft {
                x = plotLeft
                y += rowHeight
            }
            svg += "<g>" + item.mark(x, y) + text(item.label, x: x + swatch + 6, y: y + 12, size: 12) + "</g>"
            x += itemWidth
        }
        svg += "</g>"
        return (svg, y + rowHeight - 4)
    }

    // MARK: Patterns

    private static func defs(_ id: String) -> String {
        "<defs>"
            + "<pattern id=\"\(id)-pledged\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"8\" height=\"8\" fill=\"#d2e2f1\"/><rect width=\"3\" height=\"8\" fill=\"#1d70b8\"/></pattern>"
            + "<pattern id=\"\(id)-not-counted\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><circle cx=\"3\" cy=\"3\" r=\"1.2\" fill=\"#505a5f\"/></pattern>"
            + "<pattern id=\"\(id)-partly\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#fcd6c3\"/><rect width=\"3\" height=\"6\" fill=\"#b34a0f\"/></pattern>"
            + "<pattern id=\"\(id)-unknown\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><rect width=\"2.5\" height=\"6\" fill=\"#505a5f\"/></pattern>"
            + "</defs>"
    }

    // MARK: Words

    /// The text alternative: what the bars and strips show, in sentences.
    static func description(_ input: Input) -> String {
        var sentences: [String] = []
        sentences.append("Funding timeline from \(input.span.start.display) to \(input.span.end.display), as of \(input.asOf.display).")
        let counts = Basis.allCases.map { basis in input.bars.filter { $0.basis == basis }.count }
        let n = input.bars.count
        if n == 0 {
            sentences.append("No allocations.")
        } else {
            sentences.append("\(n) allocation\(n == 1 ? "" : "s"): \(counts[0]) secured, \(counts[1]) pledged, \(counts[2]) not counted.")
        }
        switch (input.securedFundedUntil, input.projectedFundedUntil) {
        case let (secured?, projected?) where secured == projected:
            sentences.append("Secured and projected funding last until \(secured.display).")
        case let (secured, projected):
            sentences.append(secured.map { "Secured funding lasts until \($0.display)." }
                ?? "Secured funding does not cover the next school day.")
            sentences.append(projected.map { "Projected funding, counting pledges, lasts until \($0.display)." }
                ?? "Projected funding, counting pledges, does not cover the next school day.")
        }
        sentences.append(coverageSentence("secured", input.securedDays, span: input.span))
        sentences.append(coverageSentence("projected", input.projectedDays, span: input.span))
        return sentences.joined(separator: " ")
    }

    private static func coverageSentence(_ kind: String, _ days: [SchoolDay], span: DayRange) -> String {
        let shown = runs(days, in: span)
        let total = shown.reduce(0) { $0 + $1.days }
        func count(_ state: DayCoverage) -> Int { shown.filter { $0.coverage == state }.reduce(0) { $0 + $1.days } }
        var sentence = "Of \(total) school day\(total == 1 ? "" : "s") shown, \(kind) money covers \(count(.covered)) in full, "
        sentence += "\(count(.partlyCovered)) in part and \(count(.uncovered)) not at all"
        let unknown = count(.unknownCost)
        sentence += unknown > 0 ? "; \(unknown) have no known cost." : "."
        return sentence
    }

    // MARK: Helpers

    private static func f(_ value: Double) -> String { SVGSupport.fmt(value) }

    /// A line of text; with `halo`, edged in white so grid and marker lines behind it do not cut it.
    private static func text(_ content: String, x: Double, y: Double, size: Double, bold: Bool = false,
                             fill: String = "#0b0c0c", halo: Bool = false, anchorEnd: Bool = false) -> String {
        var svg = "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(Int(size))\"\(bold ? " font-weight=\"700\"" : "") fill=\"\(fill)\""
        if halo { svg += " stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        if anchorEnd { svg += " text-anchor=\"end\"" }
        return svg + ">" + SVGSupport.escape(content) + "</text>"
    }

    /// `text`, shortened with an ellipsis when it would be wider than `maxWidth`.
    private static func fit(_ text: String, size: Double, bold: Bool, maxWidth: Double) -> String {
        guard SVGSupport.textWidth(text, size: size, bold: bold) > maxWidth else { return text }
        var shortened = text
        while !shortened.isEmpty && SVGSupport.textWidth(shortened + "…", size: size, bold: bold) > maxWidth {
            shortened.removeLast()
        }
        return shortened.trimmingCharacters(in: .whitespaces) + "…"
    }

    private static func capitalisedFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
