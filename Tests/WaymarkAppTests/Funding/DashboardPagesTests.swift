import XCTVapor
@testable import WaymarkApp

/// The demo story on the dashboard and the region map, either side of 31 Oct 2022.
final class DashboardPagesTests: AppTestCase {
    func testBeforeTheEndTheDashboardNamesTheEndingGrantAndTheRoutesItLeavesAtRisk() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let page = try await browser.get("/t/west-midlands/dashboard?as_of=2022-09-01").body.string
        XCTAssertTrue(page.contains("You are looking at the past:</strong> Waymark as of <strong>1 Sep 2022</strong>"))
        XCTAssertTrue(page.contains("24 active routes by funding status"))
        XCTAssertTrue(page.contains("Youth Endowment Fund Step Together extension</a> — £"))
        XCTAssertTrue(page.contains("ends <strong>31 Oct 2022</strong> (60 days left)"))
        XCTAssertTrue(page.contains("Leaves 24 routes not secure"))
        XCTAssertTrue(page.contains("BHM-06 Sparkbrook"))
        XCTAssertTrue(page.contains("14,330 children a day</strong> walk the 18 routes that are unfunded or at risk"), page)

        let csv = try await browser.get("/t/west-midlands/dashboard/tables/ending-grants.csv?as_of=2022-09-01").body.string
        XCTAssertEqual(csv.split(separator: "\r\n").count, 25, "a header and one line per route the grant leaves at risk")
    }

    func testAfterTheEnd14RoutesAreFundedAnd10AreNot() async throws {
        let browser = try await signedIn(DemoPeople.viewer)
        let page = try await browser.get("/t/west-midlands/dashboard?as_of=2022-11-15").body.string
        let unfunded = try XCTUnwrap(page.firstMatch(of: try Regex(#"<p class="wm-key-figure__value">(\d+)</p>\s*<p class="wm-key-figure__label"><strong class="wm-tag wm-tag--unfunded">"#)))
        XCTAssertEqual(unfunded.output[1].substring, "10")
        let csv = try await browser.get("/t/west-midlands/dashboard/tables/routes-by-status.csv?as_of=2022-11-15").body.string
        let rows = csv.split(separator: "\r\n").dropFirst()
        XCTAssertEqual(rows.count, 24)
        XCTAssertEqual(rows.filter { $0.contains(",unfunded,") }.count, 10)
        let shortfall = try await browser.get("/t/west-midlands/dashboard/tables/shortfall.csv?as_of=2022-11-15")
        XCTAssertEqual(shortfall.status, .ok)
    }

    func testTheRegionMapDrawsEveryActiveRouteWithATableAlternative() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let page = try await browser.get("/t/west-midlands/map?as_of=2022-11-15").body.string
        XCTAssertEqual(page.components(separatedBy: "class=\"wm-region-map__route").count - 1, 24, "one link per route")
        XCTAssertTrue(page.contains("<caption class=\"wm-table__caption wm-visually-hidden\">Active routes, most urgent first"))
        let csv = try await browser.get("/t/west-midlands/map.csv?as_of=2022-11-15").body.string
        XCTAssertEqual(csv.split(separator: "\r\n").count, 25)
    }

    func testAPartnersDashboardAndMapShowOnlyTheirArea() async throws {
        let browser = try await signedIn(DemoPeople.birminghamPartner)
        let page = try await browser.get("/t/west-midlands/dashboard?as_of=2022-11-15").body.string
        XCTAssertTrue(page.contains("6 active routes by funding status"))
        XCTAssertFalse(page.contains("COV-01"))
        let map = try await browser.get("/t/west-midlands/map.csv").body.string
        XCTAssertFalse(map.contains("COV-"))
    }

    func testTheRoutePageShowsItsTimelineAndTheMoneyBehindIt() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let page = try await browser.get("/t/west-midlands/routes/BHM-01?as_of=2022-11-15").body.string
        XCTAssertTrue(page.contains("Money behind this route"))
        XCTAssertTrue(page.contains("Funding timeline of route BHM-01"))
        XCTAssertTrue(page.contains("Safer Journeys fund"))
        let provider = try await signedIn(DemoPeople.provider)
        let theirs = try await provider.get("/t/west-midlands/routes/BHM-01").body.string
        XCTAssertFalse(theirs.contains("Money behind this route"), "providers do not see funding sources")
    }
}
