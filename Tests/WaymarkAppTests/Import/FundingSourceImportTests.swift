import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Importing funding sources: added or updated by reference, status moves recorded,
/// and a file with any problem refused whole.
final class FundingSourceImportTests: AppTestCase {
    static let header = "reference,funder,programme,kind,amount,start_day,end_day,status,restricted_local_authorities,restricted_routes,renewable,conditions,documents"

    func testAWorkbookAddsASourceAndMovesADemoSourceToReceived() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let before = try await fundingCounts()
        let checked = try await check(browser, "fundingSources", "funding-sources-good.xlsx", try fixture("funding-sources-good.xlsx"))
        XCTAssertEqual(checked.status, .ok, checked.body.string)
        XCTAssertTrue(checked.body.string.contains("1 funding source added, 1 updated"))
        let unchecked = try await fundingCounts()
        XCTAssertEqual(unchecked, before, "checking writes nothing")

        let done = try await importFile(browser, "fundingSources", "funding-sources-good.xlsx", try fixture("funding-sources-good.xlsx"))
        XCTAssertEqual(done.status, .seeOther)
        let list = try await browser.get("/t/west-midlands/funding").body.string
        XCTAssertTrue(list.contains("Safer Journeys fund 2024/25"), "the new source is on the funding page")
        let added = try await platform { db in try await FundingSourceRecord.query(on: db).filter(\.$reference == "BCC-SJ-2425").first() }
        XCTAssertEqual(added?.amount, Money(pounds: 60_000))
        XCTAssertEqual(added?.sourceKind, .council, "'Council' is read as the council kind")
        XCTAssertEqual(added?.restrictions.routeIDs.count, 2)
        XCTAssertEqual(added?.restrictions.localAuthorityIDs.count, 1)
        XCTAssertEqual(added?.renewable, true)
        let detail = try await browser.get("/t/west-midlands/funding/\(added!.id!.uuidString)").body.string
        XCTAssertTrue(detail.contains("BHM-01, BHM-02") && detail.contains("Amara Okafor"), "restrictions and who recorded it")

        let moved = try await platform { db in try await FundingSourceRecord.query(on: db).filter(\.$reference == "BCC-SJ-0412").first()! }
        XCTAssertEqual(moved.sourceStatus, .received)
        XCTAssertEqual(moved.documents, "Remittance advice 2023")
        XCTAssertEqual(moved.programme, "Safer Journeys fund", "blank cells keep what Waymark holds")
        let change = try await platform { db in
            try await FundingStatusChange.query(on: db).filter(\.$sourceID == moved.id!).filter(\.$toStatus == "received").first()
        }
        XCTAssertEqual(change?.fromStatus, "confirmed")
        XCTAssertTrue(change?.changedBy.contains(DemoPeople.commissioner) ?? false, "the move records who made it")
        let actions = try await auditActions()
        for action in ["funding_source.imported", "funding_source.updated_by_import", "funding_source.status_changed", "import.applied"] {
            XCTAssertTrue(actions.contains(action), action)
        }
    }

    func testACSVAddsASourceAndAnUnchangedRowChangesNothing() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv([Self.header,
                             "PCC-2024-7,Office of the West Midlands Police and Crime Commissioner,Safer Streets 6,policeAndCrimeCommissioner,\"£45,000\",01/04/2024,31/03/2025,confirmed,,,no,,",
                             "HO-VRU-2021-114,,,,,,,,,,,,"])
        let checked = try await check(browser, "fundingSources", "sources.csv", file)
        XCTAssertTrue(checked.body.string.contains("No change"), "a row repeating what is held changes nothing")
        let done = try await importFile(browser, "fundingSources", "sources.csv", file)
        XCTAssertEqual(done.status, .seeOther)
        let added = try await platform { db in try await FundingSourceRecord.query(on: db).filter(\.$reference == "PCC-2024-7").first() }
        XCTAssertEqual(added?.amount, Money(pounds: 45_000))
        XCTAssertEqual(added?.period.display, DayRange(start: Day(2024, 4, 1), end: Day(2025, 3, 31))!.display)
        let list = try await browser.get("/t/west-midlands/funding").body.string
        XCTAssertTrue(list.contains("Safer Streets 6"))
    }

    func testEveryBadRowIsNamedAndNothingLands() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        try await assertRefused(browser, "fundingSources", Self.csv([
            Self.header,
            "NEW-OK,Home Office,A good row that must not land,centralGrant,1000,2024-04-01,2025-03-31,pledged,,,,,",
            "NEW-2,Nowhere Trust,Unknown funder,other,1000,2024-04-01,2025-03-31,pledged,,,,,",
            "NEW-3,Home Office,Bad amount,centralGrant,lots,2024-04-01,2025-03-31,pledged,,,,,",
            "NEW-4,Home Office,Backwards,centralGrant,1000,2025-03-31,2024-04-01,pledged,,,,,",
            "NEW-5,Home Office,Unknown route,centralGrant,1000,2024-04-01,2025-03-31,pledged,E08990001,BHM-01; XXX-99,,,",
            "BCC-SJ-0412,,,,,,,pledged,,,,,",
            "HO-VRU-2021-114,,,,100,,,,,,,,",
            "YEF-ST-22-031,,,,,,,,,BHM-01,,,",
            "NEW-OK,Home Office,Twice,centralGrant,1000,2024-04-01,2025-03-31,pledged,,,,,",
        ]), naming: [
            "Row 3", "No organisation called 'Nowhere Trust'",
            "Row 4", "'lots' is not an amount of money",
            "Row 5", "is before the start date",
            "Row 6", "No route has the code XXX-99", "'E08990001' is not one of this tenant's local authorities",
            "Row 7", "The status says pledged, but it became confirmed",
            "Row 8", "is less than the", "already allocated",
            "Row 9", "would bar 23 routes",
            "Row 10", "also on row 2",
        ])
    }

    func testTheImportPageOffersTheFundingKinds() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let index = try await browser.get("/t/west-midlands/imports").body.string
        for title in ["Funding sources", "Allocations", "Pledges on behalf of partners"] { XCTAssertTrue(index.contains(title), title) }
        let guide = try await browser.get("/t/west-midlands/imports/fundingSources").body.string
        XCTAssertTrue(guide.contains("restricted_local_authorities") && guide.contains("only moves forward"), "the column guide")
    }

    func testOnlyCommissionersImportSourcesAndNeverIntoAnotherTenant() async throws {
        try await assertOnlyCommissionersImport("fundingSources", try fixture("funding-sources-good.xlsx"))
    }
}
