import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Importing allocations: each row is checked by the domain's rule with the file's
/// earlier rows counted, and a file with any problem is refused whole.
final class FundingAllocationImportTests: AppTestCase {
    /// A £10,000 Birmingham-only source for 2024/25 to allocate from.
    func recordSmallSource(_ browser: Browser) async throws {
        let done = try await importFile(browser, "fundingSources", "source.csv", Self.csv([
            FundingSourceImportTests.header,
            "TEST-10K,Birmingham City Council,Small grant,council,10000,2024-04-01,2025-03-31,confirmed,E08000025,,,,"]))
        XCTAssertEqual(done.status, .seeOther)
    }

    func testAWorkbookAllocatesANewSourceToTwoRoutes() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let sources = try await importFile(browser, "fundingSources", "s.xlsx", try fixture("funding-sources-good.xlsx"))
        XCTAssertEqual(sources.status, .seeOther)
        let before = try await allocationCount()
        let checked = try await check(browser, "allocations", "allocations-good.xlsx", try fixture("allocations-good.xlsx"))
        XCTAssertTrue(checked.body.string.contains("2 allocations added"), checked.body.string)
        let done = try await importFile(browser, "allocations", "allocations-good.xlsx", try fixture("allocations-good.xlsx"))
        XCTAssertEqual(done.status, .seeOther)
        let after = try await allocationCount()
        XCTAssertEqual(after, before + 2)
        let source = try await platform { db in try await FundingSourceRecord.query(on: db).filter(\.$reference == "BCC-SJ-2425").first()! }
        let stored = try await platform { db in try await AllocationRecord.query(on: db).filter(\.$sourceID == source.id!).all() }
        XCTAssertEqual(Set(stored.map(\.startDay)), ["2024-04-01", "2024-09-02"], "a blank start is the source's first day")
        let detail = try await browser.get("/t/west-midlands/funding/\(source.id!.uuidString)").body.string
        XCTAssertTrue(detail.contains("BHM-01") && detail.contains("£30,000.00") && detail.contains("£25,000.00"))
        let actions = try await auditActions()
        XCTAssertEqual(actions.filter { $0 == "allocation.imported" }.count, 2)
    }

    func testACSVAllocationLands() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        try await recordSmallSource(browser)
        let done = try await importFile(browser, "allocations", "a.csv", Self.csv([
            "Source Reference,Route Code,Amount,Start Day,End Day", "test-10k,bhm-03,\"£4,000\",02/09/2024,31/03/2025"]))
        XCTAssertEqual(done.status, .seeOther)
        let routes = try await browser.get("/t/west-midlands/routes/BHM-03").body.string
        XCTAssertTrue(routes.contains("Small grant"), "the route's funding names the new money")
    }

    func testRowsThatTogetherExceedTheSourceAndEveryOtherBadRowAreRefused() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        try await recordSmallSource(browser)
        let html = try await assertRefused(browser, "allocations", Self.csv([
            "source_reference,route_code,amount,start_day,end_day",
            "TEST-10K,BHM-01,6000,,",
            "TEST-10K,BHM-02,6000,,",
            "TEST-10K,BHM-03,1,2024-01-01,",
            "TEST-10K,COV-01,1,,",
            "TEST-10K,XXX-99,1,,",
            "NOPE-1,BHM-01,1,,",
            "TEST-10K,BHM-04,abc,,",
            "TEST-10K,NMR-01,1,,",
            "TEST-10K,BHM-05,1,2024-06-01,2024-05-01",
        ]), naming: [
            "Row 3", "would bring allocations to £12,000.00, over the source's £10,000.00",
            "Row 4", "before the source begins",
            "Row 5", "may pay only for routes in 1 named local authority",
            "Row 6", "No route has the code XXX-99",
            "Row 7", "No funding source has the reference NOPE-1",
            "Row 8", "'abc' is not an amount of money",
            "Row 9", "No route has the code NMR-01",
            "Row 10", "is before the start date",
        ])
        XCTAssertFalse(html.contains("Row 2<"), "the row within the source has no problem: the next one tips it over")
    }

    func testOnlyCommissionersImportAllocationsAndNeverIntoAnotherTenant() async throws {
        try await assertOnlyCommissionersImport("allocations", try fixture("allocations-good.xlsx"))
    }
}
