import Foundation
import WaymarkDomain

/// The timeline's markers, axis, legend, patterns, words and text helpers.
extension FundingTimelineSVG {
    // MARK: Markers

    struct Marker {
        /// Nil for a statement with no date to mark ("no secured funding").
        let day: Day?
        let text: String
        let stroke: String
        let dash: String?
        let width: Double
    }

    static func markerList(_ input: Input) -> [Marker] {
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
    static func markerLineX(_ marker: Marker, span: DayRange) -> Double? {
        guard let day = marker.day, span.contains(day) else { return nil }
        return markerX(of: day, in: span)
    }

    static func drawMarkerLine(_ marker: Marker, lineTop: Double, axisY: Double, span: DayRange) -> String {
        guard let mx = markerLineX(marker, span: span) else { return "" }
        return "<line class=\"wm-funding-timeline__marker-line\" x1=\"\(f(mx))\" y1=\"\(f(lineTop + 2))\" x2=\"\(f(mx))\" y2=\"\(f(axisY))\" stroke=\"\(marker.stroke)\" "
            + "stroke-width=\"\(f(marker.width))\"\(marker.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
    }

    /// The label beside its line (right of it when it fits, else left); at the edge, with words
    /// saying so, when the day is outside the span; at the left when there is no day.
    static func drawMarkerLabel(_ marker: Marker, lineTop: Double, span: DayRange) -> String {
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
    static let labelMonthSets: [[Int]] = [Array(1...12), [1, 4, 7, 10], [4, 9], [4], [1]]

    static func drawAxis(span: DayRange, axisY: Double, top: Double) -> (axis: String, grid: String) {
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

    static func drawLegend(top: Double, id: String) -> (svg: String, bottom: Double) {
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

    static func defs(_ id: String) -> String {
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

    static func coverageSentence(_ kind: String, _ days: [SchoolDay], span: DayRange) -> String {
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

    static func f(_ value: Double) -> String { SVGSupport.fmt(value) }

    /// A line of text; with `halo`, edged in white so grid and marker lines behind it do not cut it.
    static func text(_ content: String, x: Double, y: Double, size: Double, bold: Bool = false,
                             fill: String = "#0b0c0c", halo: Bool = false, anchorEnd: Bool = false) -> String {
        var svg = "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(Int(size))\"\(bold ? " font-weight=\"700\"" : "") fill=\"\(fill)\""
        if halo { svg += " stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        if anchorEnd { svg += " text-anchor=\"end\"" }
        return svg + ">" + SVGSupport.escape(content) + "</text>"
    }

    /// `text`, shortened with an ellipsis when it would be wider than `maxWidth`.
    static func fit(_ text: String, size: Double, bold: Bool, maxWidth: Double) -> String {
        guard SVGSupport.textWidth(text, size: size, bold: bold) > maxWidth else { return text }
        var shortened = text
        while !shortened.isEmpty && SVGSupport.textWidth(shortened + "…", size: size, bold: bold) > maxWidth {
            shortened.removeLast()
        }
        return shortened.trimmingCharacters(in: .whitespaces) + "…"
    }

    static func capitalisedFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
