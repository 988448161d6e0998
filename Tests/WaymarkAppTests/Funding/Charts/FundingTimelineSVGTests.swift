import Foundation
import XCTest
import WaymarkDomain
@testable import WaymarkApp

final class FundingTimelineSVGTests: XCTestCase {
    typealias Timeline = FundingTimelineSVG

    /// Monday to Friday from `start` to `end`: school days with no holidays.
    static func weekdays(_ start: Day, _ end: Day) -> [Day] {
        DayRange(start: start, end: end)!.filter { !$0.weekday.isWeekend }
    }

    static let asOf = Day(2022, 11, 15)
    static let span = DayRange(start: Day(2021, 9, 1), end: Day(2024, 8, 31))!

    static func sample(bars: [Timeline.Bar]? = nil, secured: Day? = Day(2024, 3, 22),
                       projected: Day? = Day(2024, 7, 19)) -> Timeline.Input {
        let days = weekdays(Day(2021, 9, 6), Day(2024, 7, 19))
        let securedDays = days.map { (day: $0, coverage: $0 <= Day(2024, 3, 22) ? DayCoverage.covered : .uncovered) }
        let projectedDays = days.map { (day: $0, coverage: DayCoverage.covered) }
        return Timeline.Input(
            title: "Funding for BHM-01",
            span: span, asOf: asOf,
            bars: bars ?? [
                .init(label: "Home Office — Step Together pilot grant", period: DayRange(start: Day(2021, 10, 1), end: Day(2022, 3, 31))!,
                      amount: "£41,200.00", basis: .secured, drawnFraction: 1),
                .init(label: "Birmingham City Council — Safer Journeys fund", period: DayRange(start: Day(2022, 11, 1), end: Day(2024, 3, 31))!,
                      amount: "£91,260.00", basis: .secured, drawnFraction: 0.05),
                .init(label: "Erdington Academy — school contribution", period: DayRange(start: Day(2024, 4, 1), end: Day(2024, 7, 31))!,
                      amount: "£12,000.00", basis: .pledged),
            ],
            securedDays: securedDays, projectedDays: projectedDays,
            securedFundedUntil: secured, projectedFundedUntil: projected)
    }

    func parse(_ svg: String, file: StaticString = #filePath, line: UInt = #line) throws -> SVGDocument {
        try XCTUnwrap(SVGDocument(svg), "not well-formed XML:\n\(svg)", file: file, line: line)
    }

    func testIsWellFormedWithTitleAndDescriptionNamedByTheRoot() throws {
        let doc = try parse(Timeline.render(Self.sample()))
        XCTAssertEqual(doc.root.name, "svg")
        XCTAssertEqual(doc.root.attributes["role"], "img")
        XCTAssertEqual(doc.root.attributes["aria-labelledby"], "funding-timeline-title funding-timeline-desc")
        let title = try XCTUnwrap(doc.all("title").first { $0.attributes["id"] == "funding-timeline-title" })
        XCTAssertEqual(title.text, "Funding for BHM-01")
        let desc = try XCTUnwrap(doc.all("desc").first)
        XCTAssertEqual(desc.attributes["id"], "funding-timeline-desc")
        XCTAssertTrue(desc.text.contains("3 allocations: 2 secured, 1 pledged, 0 not counted."), desc.text)
        XCTAssertTrue(desc.text.contains("Secured funding lasts until 22 Mar 2024."), desc.text)
        XCTAssertTrue(desc.text.contains("Projected funding, counting pledges, lasts until 19 Jul 2024."), desc.text)
        XCTAssertTrue(desc.text.contains("as of 15 Nov 2022"), desc.text)
    }

    func testIdPrefixKeepsTwoChartsOnOnePageApart() throws {
        let doc = try parse(Timeline.render(Self.sample(), idPrefix: "route-7-funding"))
        XCTAssertEqual(doc.root.attributes["aria-labelledby"], "route-7-funding-title route-7-funding-desc")
        XCTAssertTrue(doc.all("pattern").allSatisfy { $0.attributes["id"]!.hasPrefix("route-7-funding-") })
    }

    func testDrawsOneBarPerAllocationWithItsBasisInWords() throws {
        let input = Self.sample()
        let doc = try parse(Timeline.render(input))
        let bars = doc.withClass("wm-funding-timeline__bar")
        XCTAssertEqual(bars.count, 3)
        for (bar, allocation) in zip(bars, input.bars) {
            XCTAssertTrue(bar.text.contains(allocation.label))
            XCTAssertTrue(bar.text.contains(allocation.amount))
            XCTAssertTrue(bar.text.lowercased().contains(allocation.basis.displayName.lowercased()))
            XCTAssertGreaterThanOrEqual(doc.children(of: bar, named: "rect").count, 1)
        }
        // The pledged bar is patterned and dashed, not just another colour.
        let pledged = doc.children(of: bars[2], named: "rect")[0]
        XCTAssertEqual(pledged.attributes["fill"], "url(#funding-timeline-pledged)")
        XCTAssertNotNil(pledged.attributes["stroke-dasharray"])
        XCTAssertEqual(doc.children(of: bars[0], named: "rect")[0].attributes["stroke-dasharray"], nil)
    }

    func testDrawnToDateIsAnInnerBarInProportion() throws {
        let input = Self.sample()
        let doc = try parse(Timeline.render(input))
        let bar = doc.withClass("wm-funding-timeline__bar")[1]
        let rects = doc.children(of: bar, named: "rect")
        XCTAssertEqual(rects.count, 2)
        let outer = Double(rects[0].attributes["width"]!)!, inner = Double(rects[1].attributes["width"]!)!
        XCTAssertEqual(inner / outer, 0.05, accuracy: 0.01)
        XCTAssertTrue(bar.text.contains("5% drawn"))
        // No drawn fraction, no inner bar.
        XCTAssertEqual(doc.children(of: doc.withClass("wm-funding-timeline__bar")[2], named: "rect").count, 1)
    }

    func testMergesRunsOfOneStateIntoAFewRects() throws {
        // 600 school days, Monday to Friday, all covered: one run across every weekend.
        let days = Self.weekdays(Day(2022, 1, 3), Day(2024, 4, 19)).prefix(600).map { (day: $0, coverage: DayCoverage.covered) }
        XCTAssertEqual(days.count, 600)
        let span = DayRange(start: Day(2022, 1, 1), end: Day(2024, 6, 30))!
        XCTAssertEqual(Timeline.runs(Array(days), in: span).count, 1)

        var input = Self.sample()
        input.span = span
        input.securedDays = Array(days)
        input.projectedDays = Array(days)
        let svg = Timeline.render(input)
        let doc = try parse(svg)
        let strips = doc.withClass("wm-funding-timeline__coverage")
        XCTAssertEqual(strips.count, 2)
        for strip in strips {
            // The grey ground plus one run.
            XCTAssertEqual(doc.children(of: strip, named: "rect").count, 2)
        }
        XCTAssertLessThan(svg.utf8.count, 20_000)
    }

    func testRunsBreakAtHolidaysAndChangesOfState() {
        let span = DayRange(start: Day(2022, 9, 1), end: Day(2022, 12, 31))!
        var days: [Timeline.SchoolDay] = []
        for day in Self.weekdays(Day(2022, 9, 5), Day(2022, 10, 21)) { days.append((day, .covered)) }
        // Half-term 24–28 Oct: a 9-day gap, so a new run even in the same state.
        for day in Self.weekdays(Day(2022, 10, 31), Day(2022, 11, 11)) { days.append((day, .covered)) }
        days.append((Day(2022, 11, 14), .partlyCovered))
        for day in Self.weekdays(Day(2022, 11, 15), Day(2022, 11, 30)) { days.append((day, .uncovered)) }
        for day in Self.weekdays(Day(2022, 12, 1), Day(2022, 12, 16)) { days.append((day, .unknownCost)) }
        let runs = Timeline.runs(days.reversed(), in: span)  // order of input does not matter
        XCTAssertEqual(runs.map(\.coverage), [.covered, .covered, .partlyCovered, .uncovered, .unknownCost])
        XCTAssertEqual(runs[0].first, Day(2022, 9, 5))
        XCTAssertEqual(runs[0].last, Day(2022, 10, 21))
        XCTAssertEqual(runs[1].first, Day(2022, 10, 31))
        XCTAssertEqual(runs.map(\.days).reduce(0, +), days.count)
        // Days outside the span are left out.
        let short = DayRange(start: Day(2022, 12, 1), end: Day(2022, 12, 31))!
        XCTAssertEqual(Timeline.runs(days, in: short).map(\.coverage), [.unknownCost])
    }

    func testEveryCoverageStateLooksDifferentBeyondColour() throws {
        let span = DayRange(start: Day(2022, 9, 1), end: Day(2022, 12, 31))!
        var input = Self.sample()
        input.span = span
        input.securedDays = [(Day(2022, 9, 5), .covered), (Day(2022, 10, 3), .partlyCovered),
                             (Day(2022, 11, 1), .uncovered), (Day(2022, 12, 1), .unknownCost)]
        let doc = try parse(Timeline.render(input))
        let strip = doc.withClass("wm-funding-timeline__coverage")[0]
        let marks = doc.children(of: strip, named: "rect").dropFirst().map { ($0.attributes["height"]!, $0.attributes["fill"]!) }
        XCTAssertEqual(marks.count, 4)
        XCTAssertEqual(Set(marks.map(\.0)).count, 3, "covered, partly and not covered differ in height")
        XCTAssertEqual(Set(marks.map(\.1)).count, 4)
        XCTAssertNotEqual(marks[0].0, marks[1].0)
        XCTAssertTrue(marks[3].1.hasPrefix("url(#"), "unknown cost is hatched")
    }

    func testAsOfMarkerIsAtTheMiddleOfItsDay() throws {
        let input = Self.sample()
        let doc = try parse(Timeline.render(input))
        let dayOffset = Double(Self.asOf.days(from: Self.span.start))
        let expected = 16 + (dayOffset + 0.5) * 728 / Double(Self.span.dayCount)
        XCTAssertEqual(expected, Timeline.markerX(of: Self.asOf, in: Self.span), accuracy: 1e-9)
        XCTAssertEqual(doc.withClass("wm-funding-timeline__marker").first?.text, "As of 15 Nov 2022")
        let line = try XCTUnwrap(doc.withClass("wm-funding-timeline__marker-line").first)
        XCTAssertEqual(line.attributes["stroke-dasharray"], nil, "the as-of line is solid")
        XCTAssertEqual(line.attributes["x1"], String(format: "%.1f", expected))
        XCTAssertEqual(line.attributes["x2"], line.attributes["x1"])
        // About 40% of the way across a three-year span.
        XCTAssertEqual(expected, 16 + 728 * 440.5 / 1096, accuracy: 0.01)
    }

    func testMarksFundedUntilSecuredAndProjected() throws {
        let doc = try parse(Timeline.render(Self.sample()))
        let markers = doc.withClass("wm-funding-timeline__marker")
        XCTAssertEqual(markers.map(\.text), ["As of 15 Nov 2022", "Secured funding until 22 Mar 2024", "Projected funding until 19 Jul 2024"])
        let lines = doc.withClass("wm-funding-timeline__marker-line")
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[1].attributes["x1"], SVGSupport.fmt(Timeline.markerX(of: Day(2024, 3, 22), in: Self.span)))
        XCTAssertEqual(lines[2].attributes["x1"], SVGSupport.fmt(Timeline.markerX(of: Day(2024, 7, 19), in: Self.span)))
        XCTAssertEqual(Set(lines.map { $0.attributes["stroke-dasharray"] ?? "solid" }).count, 3, "each line has its own dash")
    }

    func testOneMarkerWhenSecuredAndProjectedAgreeAndWordsWhenThereIsNone() throws {
        let same = try parse(Timeline.render(Self.sample(secured: Day(2024, 3, 22), projected: Day(2024, 3, 22))))
        XCTAssertEqual(same.withClass("wm-funding-timeline__marker").map(\.text),
                       ["As of 15 Nov 2022", "Secured and projected funding until 22 Mar 2024"])
        let none = try parse(Timeline.render(Self.sample(secured: nil, projected: nil)))
        XCTAssertEqual(none.withClass("wm-funding-timeline__marker").map(\.text),
                       ["As of 15 Nov 2022", "No funding for the next school day, secured or projected"])
        XCTAssertEqual(none.withClass("wm-funding-timeline__marker-line").count, 1)
        let desc = none.all("desc")[0].text
        XCTAssertTrue(desc.contains("Secured funding does not cover the next school day."), desc)
        let pledgedOnly = try parse(Timeline.render(Self.sample(secured: nil, projected: Day(2023, 1, 6))))
        XCTAssertEqual(pledgedOnly.withClass("wm-funding-timeline__marker").map(\.text),
                       ["As of 15 Nov 2022", "No secured funding for the next school day", "Projected funding until 6 Jan 2023"])
    }

    func testFundedUntilAfterTheSpanIsLabelledAtTheEdgeWithoutALine() throws {
        let doc = try parse(Timeline.render(Self.sample(projected: Day(2025, 7, 18))))
        let marker = try XCTUnwrap(doc.withClass("wm-funding-timeline__marker").last)
        XCTAssertEqual(marker.text, "Projected funding until 18 Jul 2025 (after the chart)")
        XCTAssertEqual(doc.withClass("wm-funding-timeline__marker-line").count, 2, "as of and secured only")
    }

    func testEscapesTextInLabelsAndTitle() throws {
        let label = "Tom & Jerry's <Trust> \"fund\""
        var input = Self.sample(bars: [
            .init(label: label, period: DayRange(start: Day(2022, 4, 1), end: Day(2023, 3, 31))!,
                  amount: "£1 < £2 & more", basis: .notCounted, note: "withdrawn <3 Oct>"),
        ])
        input.title = "Funding <script>alert(1)</script> & more"
        let svg = Timeline.render(input)
        XCTAssertFalse(svg.contains("<script"))
        XCTAssertTrue(svg.contains("Tom &amp; Jerry's &lt;Trust&gt; &quot;fund&quot;"))
        let doc = try parse(svg)
        XCTAssertEqual(doc.all("title")[0].text, input.title)
        let bar = doc.withClass("wm-funding-timeline__bar")[0]
        XCTAssertTrue(bar.text.contains(label))
        XCTAssertTrue(bar.text.contains("withdrawn <3 Oct>"))
        XCTAssertTrue(bar.text.contains("not counted"))
        let labels = try XCTUnwrap(doc.withClass("wm-funding-timeline__labels").first)
        XCTAssertTrue(doc.children(of: labels, named: "text").contains { $0.text == label })
    }

    func testAxisLabelsDoNotOverlapAndAreAtLeast12px() throws {
        for span in [Self.span, DayRange(start: Day(2022, 1, 1), end: Day(2022, 12, 31))!,
                     DayRange(start: Day(2019, 1, 1), end: Day(2026, 12, 31))!] {
            var input = Self.sample()
            input.span = span
            let doc = try parse(Timeline.render(input))
            let axis = try XCTUnwrap(doc.withClass("wm-funding-timeline__axis").first)
            let labels = doc.children(of: axis, named: "text")
            XCTAssertGreaterThanOrEqual(labels.count, 2, "\(span)")
            let boxes = labels.map { label -> (Double, Double) in
                let x = Double(label.attributes["x"]!)!, half = SVGSupport.textWidth(label.text, size: 12) / 2
                return (x - half, x + half)
            }
            for (a, b) in zip(boxes, boxes.dropFirst()) {
                XCTAssertLessThan(a.1, b.0, "\(span): labels overlap")
            }
            XCTAssertGreaterThanOrEqual(boxes.first!.0, 0)
            XCTAssertLessThanOrEqual(boxes.last!.1, Timeline.width)
        }
        let doc = try parse(Timeline.render(Self.sample()))
        for text in doc.all("text") {
            XCTAssertGreaterThanOrEqual(Double(text.attributes["font-size"] ?? "0") ?? 0, 12, text.text)
        }
    }

    func testHeightGrowsWithRowsAndOutputIsDeterministic() throws {
        let one = Self.sample(bars: [Self.sample().bars[0]])
        let ten = Self.sample(bars: Array(repeating: Self.sample().bars[1], count: 10))
        func height(_ input: Timeline.Input) throws -> Double {
            let viewBox = try parse(Timeline.render(input)).root.attributes["viewBox"]!.split(separator: " ")
            XCTAssertEqual(viewBox[2], "760")
            return Double(viewBox[3])!
        }
        XCTAssertEqual(try height(ten) - height(one), 9 * Timeline.barRowHeight, accuracy: 1)
        XCTAssertEqual(Timeline.render(ten), Timeline.render(ten))
    }

    func testNoScriptsOrEventHandlers() throws {
        let doc = try parse(Timeline.render(Self.sample()))
        XCTAssertTrue(doc.all("script").isEmpty)
        XCTAssertTrue(doc.elements.allSatisfy { $0.attributes.keys.allSatisfy { !$0.lowercased().hasPrefix("on") } })
        XCTAssertTrue(doc.elements.allSatisfy { $0.attributes["style"] == nil }, "the CSP allows no inline styles")
    }

    func testNoAllocationsStillDrawsTheCoverage() throws {
        let doc = try parse(Timeline.render(Self.sample(bars: [])))
        XCTAssertTrue(doc.withClass("wm-funding-timeline__bar").isEmpty)
        XCTAssertTrue(doc.all("text").contains { $0.text == "No allocations for this route." })
        XCTAssertTrue(doc.all("desc")[0].text.contains("No allocations."))
    }

    func testBasisFromSourceStatus() {
        XCTAssertEqual(Timeline.Basis(.confirmed), .secured)
        XCTAssertEqual(Timeline.Basis(.received), .secured)
        XCTAssertEqual(Timeline.Basis(.pledged), .pledged)
        XCTAssertEqual(Timeline.Basis(.prospective), .notCounted)
        XCTAssertEqual(Timeline.Basis(.withdrawn), .notCounted)
    }

    func testDefaultSpanRunsAYearEitherSideOrToTheAllocations() {
        let asOf = Day(2022, 11, 15)
        XCTAssertEqual(Timeline.defaultSpan(asOf: asOf, periods: []),
                       DayRange(start: Day(2021, 11, 1), end: Day(2023, 11, 30)))
        let periods = [DayRange(start: Day(2021, 10, 1), end: Day(2022, 3, 31))!,
                       DayRange(start: Day(2022, 11, 1), end: Day(2024, 3, 31))!]
        XCTAssertEqual(Timeline.defaultSpan(asOf: asOf, periods: periods),
                       DayRange(start: Day(2021, 10, 1), end: Day(2024, 3, 31)))
    }
}
