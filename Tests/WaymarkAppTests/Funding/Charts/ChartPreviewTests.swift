import Foundation
import XCTest
import WaymarkDomain
@testable import WaymarkApp

/// Writes sample charts for a person to look at, only when asked:
///
///     WAYMARK_CHART_PREVIEW=/tmp/charts-preview swift test --filter ChartPreviewTests
///
/// then, for example, `chromium --headless --screenshot=/tmp/x.png --window-size=900,700
/// file:///tmp/charts-preview/timeline-bhm01.svg`. The samples use the demo tenant's routes
/// and term dates; coverage is made up to show every state, not computed.
final class ChartPreviewTests: XCTestCase {
    func testWritePreviews() throws {
        guard let directory = ProcessInfo.processInfo.environment["WAYMARK_CHART_PREVIEW"], !directory.isEmpty else {
            throw XCTSkip("set WAYMARK_CHART_PREVIEW to a directory to write sample charts")
        }
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) throws {
            if name.hasSuffix(".svg") { XCTAssertNotNil(SVGDocument(text), name) }
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write("timeline-bhm01.svg", FundingTimelineSVG.render(Self.birminghamStory()))
        try write("timeline-many.svg", FundingTimelineSVG.render(Self.manyAllocations()))
        try write("timeline-empty.svg", FundingTimelineSVG.render(Self.noAllocations()))
        let region = RegionMapSVG.render(title: "West Midlands routes by funding status, as of 15 Nov 2022", routes: Self.demoRoutes())
        try write("region-west-midlands.svg", region)
        try write("region-one.svg", RegionMapSVG.render(title: "One route", routes: [Self.demoRoutes()[0]]))
        try write("region-focus.html", Self.page(region, css: Self.stylesheet()))
    }

    // MARK: - Samples

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static func calendar() -> TermCalendar {
        let demo = DemoWestMidlands.standardCalendar
        return TermCalendar(authority: "Birmingham", years: demo.years.map { year in
            let halfTerms = year.halfTerms.map { DayRange(start: day($0.start), end: day($0.end))! }
            let terms = year.terms.enumerated().map { index, term in
                let dates = DayRange(start: day(term.start), end: day(term.end))!
                return TermCalendar.Term(name: "Term \(index + 1)", dates: dates, halfTerms: halfTerms.filter { dates.contains($0) })
            }
            return TermCalendar.Year(academicYear: AcademicYear(startYear: Int(year.label.prefix(4))!)!, terms: terms,
                                     insetDays: year.insetDays.map(day))
        })
    }

    static func birminghamStory() -> FundingTimelineSVG.Input {
        let asOf = Day(2022, 11, 15)
        let bars: [FundingTimelineSVG.Bar] = [
            .init(label: "Home Office — Step Together pilot grant", period: DayRange(start: Day(2021, 10, 1), end: Day(2022, 3, 31))!,
                  amount: "£38,745.00", basis: .secured, drawnFraction: 1),
            .init(label: "Youth Endowment Fund — Step Together extension", period: DayRange(start: Day(2022, 4, 1), end: Day(2022, 10, 31))!,
                  amount: "£37,170.00", basis: .secured, drawnFraction: 1),
            .init(label: "Birmingham City Council — Safer Journeys fund", period: DayRange(start: Day(2022, 11, 1), end: Day(2024, 3, 31))!,
                  amount: "£176,400.00", basis: .secured, drawnFraction: 0.04),
            .init(label: "Kingsbury Park Academy — school contribution", period: DayRange(start: Day(2024, 4, 1), end: Day(2024, 7, 31))!,
                  amount: "£20,000.00", basis: .pledged),
            .init(label: "Erdington Community Trust — bid", period: DayRange(start: Day(2023, 9, 1), end: Day(2024, 7, 31))!,
                  amount: "£30,000.00", basis: .notCounted, note: "withdrawn 3 Oct 2022"),
        ]
        let span = FundingTimelineSVG.defaultSpan(asOf: asOf, periods: bars.map(\.period))
        let days = calendar().schoolDays(in: DayRange(start: max(span.start, Day(2021, 9, 6)), end: span.end)!)
        let secured = days.map { d -> FundingTimelineSVG.SchoolDay in
            (d, d < Day(2021, 10, 1) ? .uncovered : d <= Day(2024, 3, 22) ? .covered : .uncovered)
        }
        let projected = days.map { d -> FundingTimelineSVG.SchoolDay in
            if d < Day(2021, 10, 1) { return (d, .uncovered) }
            if d <= Day(2024, 3, 22) { return (d, .covered) }
            if d <= Day(2024, 5, 24) { return (d, .partlyCovered) }
            if d >= Day(2024, 7, 1) { return (d, .unknownCost) }
            return (d, .covered)
        }
        return .init(title: "Funding for BHM-01 Erdington: Summer Road to Kingsbury Park", span: span, asOf: asOf, bars: bars,
                     securedDays: secured, projectedDays: projected,
                     securedFundedUntil: Day(2024, 3, 22), projectedFundedUntil: Day(2024, 3, 22))
    }

    static func manyAllocations() -> FundingTimelineSVG.Input {
        let asOf = Day(2024, 6, 10)
        let bases: [FundingTimelineSVG.Basis] = [.secured, .secured, .pledged, .notCounted, .secured]
        let long = "The Very Long Name Of A Charitable Trust & Foundation <Midlands> — Community Safety And Youth Violence Prevention Fund"
        let bars = (0..<10).map { (i: Int) -> FundingTimelineSVG.Bar in
            let start: Day = Day(2022, 4, 1).adding(months: i * 3)
            let end: Day = start.adding(months: 11).endOfMonth
            let label: String = i == 3 ? long : "Funder \(i + 1) — programme \(i + 1)"
            let drawn: Double? = i < 6 ? Double(i) / 6 + 0.1 : nil
            return FundingTimelineSVG.Bar(label: label, period: DayRange(start: start, end: end)!,
                                          amount: Money(pounds: Int64(10_000 + i * 3_500)).display,
                                          basis: bases[i % bases.count], drawnFraction: drawn)
        }
        let span = DayRange(start: Day(2022, 1, 1), end: Day(2025, 6, 30))!
        let days = calendar().schoolDays(in: span)
        let secured = days.map { d -> FundingTimelineSVG.SchoolDay in (d, d < Day(2024, 6, 3) ? .covered : .uncovered) }
        return .init(title: "Funding for TST-10", span: span, asOf: asOf, bars: bars, securedDays: secured,
                     projectedDays: secured.map { ($0.day, $0.day < Day(2024, 9, 1) ? .covered : .partlyCovered) },
                     securedFundedUntil: nil, projectedFundedUntil: Day(2024, 7, 19))
    }

    static func noAllocations() -> FundingTimelineSVG.Input {
        let asOf = Day(2023, 1, 9)
        let span = FundingTimelineSVG.defaultSpan(asOf: asOf, periods: [])
        let days = calendar().schoolDays(in: span).map { d -> FundingTimelineSVG.SchoolDay in (d, .uncovered) }
        return .init(title: "Funding for NEW-01", span: span, asOf: asOf, bars: [], securedDays: days, projectedDays: days,
                     securedFundedUntil: nil, projectedFundedUntil: nil)
    }

    /// The demo routes with their status as of 15 Nov 2022 (one moved to at risk to show it),
    /// and one route with no path.
    static func demoRoutes() -> [RegionMapSVG.Route] {
        let unfunded: Set = ["BHM-06", "COV-03", "COV-04", "DUD-01", "DUD-02", "DUD-03", "SAN-03", "WSL-01", "WSL-02", "WSL-03"]
        let watch: Set = ["COV-01", "COV-02"]
        var routes = DemoData.westMidlands.routes.map { route in
            RegionMapSVG.Route(
                code: route.code, name: route.name,
                status: unfunded.contains(route.code) ? .unfunded : watch.contains(route.code) ? .watch
                    : route.code == "WLV-03" ? .atRisk : .secure,
                path: route.path.map { GeoPoint(latitude: $0.latitude, longitude: $0.longitude) },
                href: "/t/west-midlands/routes/\(route.code)")
        }
        routes.append(.init(code: "BHM-07", name: "Proposed: no path yet", status: .unfunded, path: [],
                            href: "/t/west-midlands/routes/BHM-07"))
        return routes
    }

    // MARK: - Page

    static func stylesheet() -> String {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let css = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("web/public/css/waymark.css")
        return css.absoluteString
    }

    /// The map in a page with the app's stylesheet, with the second route focused, to see the focus style.
    static func page(_ svg: String, css: String) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Region map preview</title>
        <link rel="stylesheet" href="\(css)"></head><body class="wm-template__body"><main style="padding:20px;max-width:820px">
        <figure class="wm-figure">\(svg)</figure>
        <script>document.querySelectorAll('.wm-region-map__route')[1].focus()</script>
        </main></body></html>
        """
    }
}
