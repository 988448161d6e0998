import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// The delivery dashboard and its CSV, on returns stored by `storeDeliveryReturns`:
/// October and November 2023 approved, December submitted. The sums, worked by hand:
/// planned 40 + 40 + 42 + 42 = 164, delivered 38 + 40 + 39 + 41 = 158 (96.3%), young people
/// 120 + 90 + 130 + 100 = 440, incidents 3 + 1 + 0 + 2 = 6 (5 de-escalated), safeguarding 4,
/// referrals 7. November's first version and December's return must not count.
final class DeliveryDashboardTests: AppTestCase {
    let page = "/t/west-midlands/delivery"
    let csv = "/t/west-midlands/delivery.csv"
    static let blakenhallPartner = "f.mcallister@blakenhallacademy.example"
    static let otherProvider = "liam.oconnor@bckerbside.example"

    override func setUp() async throws {
        try await super.setUp()
        _ = try await storeDeliveryReturns()
        stopClock(at: ContractFixtures.instant(2024, 2, 5))
    }

    func testCommissionerSeesEveryApprovedFigureToTheNumber() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let response = try await commissioner.get(page)
        XCTAssertEqual(response.status, .ok)
        let html = response.body.string
        for expected in ["96.3%", "158 of 164 planned sessions delivered", ">440<", ">6<", "5 de-escalated", ">4<", ">7<",
                         "97.5%", "95.2%", "93.9%", "98.8%", "WLV-01", "WLV-03", "Wolverhampton", "Lanternway Youth Trust",
                         "October 2023", "November 2023", ">164.75<"] {
            XCTAssertTrue(html.contains(expected), "missing \(expected)")
        }
        XCTAssertFalse(html.contains("<option value=\"2023-12\""), "a submitted return counted")
        XCTAssertTrue(html.contains("href=\"/t/west-midlands/delivery\""), "no Delivery in the navigation")
    }

    func testPageIsAccessible() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let html = try await commissioner.get(page).body.string
        XCTAssertTrue(html.contains("<h1 class=\"wm-heading-l\">Delivery</h1>"))
        XCTAssertTrue(html.contains("role=\"img\""))
        XCTAssertTrue(html.contains("<title id=\"delivery-title\">Delivery rate and young people engaged by month</title>"))
        XCTAssertTrue(html.contains("<desc id=\"delivery-desc\">"))
        let tables = html.components(separatedBy: "<table").count - 1
        let captions = html.components(separatedBy: "<caption").count - 1
        XCTAssertGreaterThanOrEqual(tables, 5, "chart's table and four figures tables, and overdue returns if any")
        XCTAssertEqual(captions, tables, "every table has a caption")
        XCTAssertTrue(html.contains("method=\"get\""), "the filters are a plain GET form")
    }

    func testViewerSeesEverything() async throws {
        let viewer = try await signedIn(DemoPeople.viewer)
        let html = try await viewer.get(page).body.string
        XCTAssertTrue(html.contains("96.3%"))
        XCTAssertTrue(html.contains("WLV-01"))
        XCTAssertTrue(html.contains("WLV-03"))
    }

    func testProviderSeesTheirOwnContractButNotAnothers() async throws {
        let own = try await signedIn(DemoPeople.provider)
        let ownHTML = try await own.get(page).body.string
        XCTAssertTrue(ownHTML.contains("96.3%"))

        let other = try await signedIn(Self.otherProvider)
        let response = try await other.get(page)
        XCTAssertEqual(response.status, .ok)
        let html = response.body.string
        XCTAssertFalse(html.contains("WLV-01"))
        XCTAssertFalse(html.contains("96.3%"))
        XCTAssertTrue(html.contains("There are no approved returns to show"))
        let rows = try await other.get(csv).body.string
        XCTAssertEqual(Self.dataRows(rows).count, 0)
    }

    func testPartnerSeesOnlyTheRouteTheyFund() async throws {
        let partner = try await signedIn(Self.blakenhallPartner)
        let html = try await partner.get(page).body.string
        for expected in ["98.8%", "81 of 82 planned sessions delivered", ">190<", "WLV-03"] {
            XCTAssertTrue(html.contains(expected), "missing \(expected)")
        }
        XCTAssertFalse(html.contains("WLV-01"))
        XCTAssertFalse(html.contains("96.3%"))
        let rows = Self.dataRows(try await partner.get(csv).body.string)
        XCTAssertEqual(rows.count, 2)
        XCTAssertTrue(rows.allSatisfy { $0.contains(",WLV-03,") })
    }

    /// As of 5 Feb 2024, for the one contract the Blakenhall partner sees: September has no
    /// return and was due on 13 Oct 2023 (overdue); January ended and is due on 14 Feb (due);
    /// December is submitted (awaiting review).
    func testReturnsStatusCounts() async throws {
        let partner = try await signedIn(Self.blakenhallPartner)
        let html = try await partner.get(page).body.string
        XCTAssertTrue(html.contains("Due</dt><dd class=\"wm-key-figure__value\">1</dd>"), "due")
        XCTAssertTrue(html.contains("Overdue</dt><dd class=\"wm-key-figure__value\">1</dd>"), "overdue")
        XCTAssertTrue(html.contains("Awaiting review</dt><dd class=\"wm-key-figure__value\">1</dd>"), "awaiting review")
        for expected in ["TEST-DEL-01", "September 2023", "13 Oct 2023", ">115<"] {
            XCTAssertTrue(html.contains(expected), "overdue table: missing \(expected)")
        }
        XCTAssertFalse(html.contains("/t/west-midlands/contracts/"), "partners cannot open contracts, so none is linked")
    }

    func testCSVHasARowPerRouteAndMonth() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let response = try await commissioner.get(csv)
        XCTAssertEqual(response.status, .ok)
        XCTAssertEqual(response.headers.first(name: .contentType), "text/csv; charset=utf-8")
        let body = response.body.string
        XCTAssertTrue(body.contains("month,route_code,route_name,local_authority,provider,school_days,sessions_planned"))
        let rows = Self.dataRows(body)
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows.map { String($0.prefix(15)) }, ["2023-10,WLV-01,", "2023-10,WLV-03,", "2023-11,WLV-01,", "2023-11,WLV-03,"])
        XCTAssertTrue(rows[0].hasSuffix(",Wolverhampton,Lanternway Youth Trust,20,40,38,0.9500,80,120,3,2,1,3"), rows[0])
        XCTAssertTrue(rows[3].hasSuffix(",Wolverhampton,Lanternway Youth Trust,21,42,41,0.9762,84.25,100,2,2,1,1"), rows[3])
    }

    func testFiltersNarrowTheFiguresAndTheCSV() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let html = try await commissioner.get(page + "?from=2023-11&to=2023-11&authority=Wolverhampton").body.string
        XCTAssertTrue(html.contains("80 of 84 planned sessions delivered"))
        XCTAssertTrue(html.contains("<option value=\"2023-11\" selected>"))
        XCTAssertTrue(html.contains("delivery.csv?from=2023-11&amp;to=2023-11&amp;authority=Wolverhampton"))
        let rows = Self.dataRows(try await commissioner.get(csv + "?from=2023-11").body.string)
        XCTAssertEqual(rows.count, 2)

        let elsewhere = try await commissioner.get(page + "?authority=Dudley").body.string
        XCTAssertTrue(elsewhere.contains("There are no approved returns to show for these filters"))

        let bad = try await commissioner.get(page + "?from=soon")
        XCTAssertEqual(bad.status, .ok)
        XCTAssertTrue(bad.body.string.contains("From must be a month like 2023-10"))
        XCTAssertTrue(bad.body.string.contains("96.3%"), "a bad filter is set aside, not applied")
    }

    func testAssessorIsRefusedAndAnotherTenantFindsNothing() async throws {
        let assessor = try await signedIn(DemoPeople.assessor)
        let refused = try await assessor.get(page)
        XCTAssertEqual(refused.status, .forbidden)
        let refusedCSV = try await assessor.get(csv)
        XCTAssertEqual(refusedCSV.status, .forbidden)

        let stranger = try await signedIn(DemoPeople.northmoorCommissioner)
        let missing = try await stranger.get(page)
        XCTAssertEqual(missing.status, .notFound)
        let missingCSV = try await stranger.get(csv)
        XCTAssertEqual(missingCSV.status, .notFound)
    }

    /// The CSV's lines after the heading, without the byte-order mark and the last line end.
    static func dataRows(_ body: String) -> [String] {
        Array(body.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty })
    }
}

/// Where returns stand, worked without a database: extensions, queries and months never started.
final class ReturnsStatusCountsTests: XCTestCase {
    func testEachMonthCountsOnceByItsOwnDueDay() throws {
        let contract = Contract(providerOrganisationID: UUID(), value: Money(pounds: 1_000), start: Day(2023, 9, 4), end: Day(2024, 7, 31),
                                routes: [])
        func record(_ month: Int, year: Int = 2023, _ status: ReturnStatus, due: Day? = nil, submitted: Bool = false) -> ReturnState {
            let month = CalendarMonth(year: year, month: month)!
            let record = MonthlyReturnRecord(tenantID: UUID(), contractID: contract.id, month: month,
                                             due: due ?? ReturnDeadlines().due(for: month), at: Date())
            record.statusText = status.rawValue
            record.firstSubmittedAt = submitted ? Date() : nil
            record.id = UUID()
            return ReturnState(record)
        }
        // September extended to 20 Feb: due, not overdue. October queried: with the provider.
        // November never started, due 14 Dec: overdue. December submitted: awaiting review.
        // January never started, due 14 Feb: due. February has not ended: not owed.
        let returns = [record(9, .draft, due: Day(2024, 2, 20)), record(10, .queried, submitted: true), record(12, .submitted, submitted: true)]
        let counts = ReturnsStatusCounts.of([(contract, returns)], deadlines: ReturnDeadlines(), today: Day(2024, 2, 5))
        XCTAssertEqual(counts.due, 2)
        XCTAssertEqual(counts.overdue, 1)
        XCTAssertEqual(counts.awaitingReview, 1)
        XCTAssertEqual(counts.withProvider, 1)

        let later = ReturnDeadlines(workingDay: 20)
        let lenient = ReturnsStatusCounts.of([(contract, [])], deadlines: later, today: Day(2023, 10, 20))
        XCTAssertEqual(lenient.due, 1, "September is due on the 20th working day of October, the 27th")
        XCTAssertEqual(lenient.overdue, 0)
    }
}
