import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// The demo lives in the present (issue 15): seeded on any day of the next few years, its
/// dashboard that day shows the lost routes closed and the kept routes running, mostly secure,
/// a few ending soon and one pledge awaiting a decision — and the 2022 views as they were.
final class DemoPresentTests: AppTestCase {
    override var seedsDemo: Bool { false }

    struct Listing: Decodable {
        struct Route: Decodable { let code: String; let status: String; let funding_status: String? }
        let routes: [Route]
    }

    static let todays = ["2026-12-06", "2028-03-15", "2029-08-10", "2031-06-01"]

    /// Seeds the demo with the clock stopped at noon in London on `iso`.
    func seed(today iso: String) async throws {
        if let app { try await TestApp.shutdown(app) }
        app = try await TestApp.make(today: DemoReturns.noon(iso))
    }

    func listing(asOf: String) async throws -> [String: Listing.Route] {
        let browser = try await signedIn(DemoPeople.commissioner)
        let response = try await browser.get("/api/v1/t/west-midlands/routes?as_of=\(asOf)")
        XCTAssertEqual(response.status, .ok)
        let body = try JSONDecoder().decode(Listing.self, from: Data(buffer: response.body))
        return Dictionary(uniqueKeysWithValues: body.routes.map { ($0.code, $0) })
    }

    func testOnAnyTodayTheLostRoutesAreClosedAndTheKeptOnesRunWithARealisticMix() async throws {
        for today in Self.todays {
            try await seed(today: today)
            let routes = try await listing(asOf: today)
            XCTAssertEqual(routes.count, 24, today)
            let closed = routes.values.filter { $0.status == "closed" }.map(\.code)
            XCTAssertEqual(Set(closed), DemoWestMidlands.lostRoutes, today)
            XCTAssertTrue(routes.values.filter { $0.status == "closed" }.allSatisfy { ($0.funding_status ?? "").isEmpty }, today)
            let kept = routes.values.filter { $0.status == "active" }
            XCTAssertEqual(kept.count, 14, today)
            let statuses = Dictionary(grouping: kept, by: { $0.funding_status ?? "" }).mapValues(\.count)
            XCTAssertNil(statuses["unfunded"], "\(today): \(statuses)")
            XCTAssertGreaterThanOrEqual(statuses["secure"] ?? 0, 9, "\(today): \(statuses)")
            XCTAssertEqual(routes["SAN-01"]?.funding_status, "watch", "\(today): Sandwell's renewal is pledged, not confirmed")
            XCTAssertEqual(routes["WLV-03"]?.funding_status, "atRisk", "\(today): Blakenhall's contribution ends within weeks")
            XCTAssertTrue(["watch", "atRisk"].contains(routes["COV-01"]?.funding_status ?? ""), today)

            let day = try XCTUnwrap(Day(iso: today))
            let sources = try await platform { db in try await FundingSourceRecord.query(on: db).all() }
            let awaiting = sources.filter { $0.status == "pledged" && $0.period.start > day }
            XCTAssertEqual(awaiting.map(\.programme).count, 1, "\(today): one pledge awaits a decision")
            let changes = try await platform { db in try await FundingStatusChange.query(on: db).all() }
            XCTAssertTrue(changes.allSatisfy { $0.effectiveDay <= day }, "\(today): nothing took effect after today")

            let dashboard = try await signedIn(DemoPeople.commissioner).get("/t/west-midlands/dashboard?as_of=\(today)").body.string
            XCTAssertFalse(dashboard.contains("This answer is incomplete"), "\(today): term dates reach past today")
            XCTAssertFalse(dashboard.contains("Contract ended"), "\(today): every kept route has a contract in force")
            XCTAssertTrue(dashboard.contains("Contract ends"), "\(today): next year's money has no contract yet")

            let returns = try await platform { db in try await MonthlyReturnRecord.query(on: db).all() }
            let latest = try XCTUnwrap(returns.map(\.month).max())
            XCTAssertGreaterThanOrEqual(latest, CalendarMonth(containing: day.adding(months: -2)), "\(today): returns run to last month or so")
        }
    }

    func testSeededYearsLaterThe2022StoryReadsAsItDid() async throws {
        try await seed(today: "2031-06-01")
        let november = try await listing(asOf: "2022-11-15")
        let unfunded = november.values.filter { $0.funding_status == "unfunded" }.map(\.code)
        XCTAssertEqual(Set(unfunded), DemoWestMidlands.lostRoutes, "the lost routes were still open, unfunded, on 15 Nov 2022")
        XCTAssertEqual(november.values.filter { $0.funding_status != "unfunded" }.count, 14)
        let september = try await listing(asOf: "2022-09-01")
        XCTAssertTrue(DemoWestMidlands.lostRoutes.allSatisfy { september[$0]?.funding_status == "atRisk" }, "named at risk ahead")
        let december = try await listing(asOf: "2022-12-07")
        XCTAssertTrue(DemoWestMidlands.lostRoutes.allSatisfy { (december[$0]?.funding_status ?? "").isEmpty }, "closed by the board")
    }

    func testTheTermRuleGivesAFullYearAfterTheWrittenOnes() {
        for year in 2027...2035 {
            for wolverhampton in [false, true] {
                let generated = DemoTermRule.year(starting: year, wolverhampton: wolverhampton)
                let days = generated.terms.compactMap { term in DayRange(start: Day(iso: term.start)!, end: Day(iso: term.end)!) }
                XCTAssertEqual(days.count, 3, "\(year)")
                let weekdays = days.reduce(0) { $0 + $1.filter { !$0.isWeekend && !BankHolidays.englandAndWales.contains($0) }.count }
                let off = generated.halfTerms.count * 5 + generated.insetDays.count
                XCTAssertTrue((180...195).contains(weekdays - off), "\(year) \(wolverhampton) has about 190 pupil days: \(weekdays - off)")
            }
        }
        XCTAssertEqual(DemoTermRule.easterSunday(2027), Day(2027, 3, 28))
        XCTAssertEqual(DemoTermRule.easterSunday(2030), Day(2030, 4, 21))
    }
}
