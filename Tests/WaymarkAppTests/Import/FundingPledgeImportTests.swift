import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Importing pledges received by letter: each becomes what the pledge form makes, pledged
/// by the commissioner who imported it, and a file with any problem is refused whole.
final class FundingPledgeImportTests: AppTestCase {
    static let header = "pledge_reference,organisation,programme,start_day,end_day,route_code,amount,note"

    func testAWorkbookRecordsTwoPledgesAwaitingDecision() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let before = try await fundingCounts()
        let checked = try await check(browser, "pledges", "pledges-good.xlsx", try fixture("pledges-good.xlsx"))
        XCTAssertTrue(checked.body.string.contains("2 pledges added"), checked.body.string)
        let done = try await importFile(browser, "pledges", "pledges-good.xlsx", try fixture("pledges-good.xlsx"))
        XCTAssertEqual(done.status, .seeOther)
        let after = try await fundingCounts()
        XCTAssertEqual(after, FundingCounts(sources: before.sources + 2, statusChanges: before.statusChanges + 2,
                                            allocations: before.allocations + 3, pledges: before.pledges + 2))

        let source = try await platform { db in
            try await FundingSourceRecord.query(on: db).filter(\.$reference == "BCC-LETTER-2024-03").first()!
        }
        XCTAssertEqual(source.sourceStatus, .pledged)
        XCTAssertEqual(source.amount, Money(pounds: 20_500))
        XCTAssertEqual(source.sourceKind, .council)
        XCTAssertEqual(source.restrictions.routeIDs.count, 2, "restricted to the pledged routes")
        let pledge = try await platform { db in try await Pledge.query(on: db).filter(\.$sourceID == source.id!).first()! }
        XCTAssertEqual(pledge.pledgeState, .awaitingDecision)
        XCTAssertTrue(pledge.pledgedBy.contains(DemoPeople.commissioner), "pledged_by is the person who imported it")
        XCTAssertTrue(pledge.note.contains("Director of Communities"))
        let queue = try await browser.get("/t/west-midlands/pledges").body.string
        XCTAssertTrue(queue.contains("Route continuation 2024/25") && queue.contains("Blakenhall bridge funding"))
        let actions = try await auditActions()
        XCTAssertEqual(actions.filter { $0 == "pledge.imported" }.count, 2)
    }

    func testACSVPledgeLandsAndCannotBeImportedTwice() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv([Self.header, "SMBC-1,Sandwell Metropolitan Borough Council,Sandwell top-up,2024-04-01,2024-07-19,SAN-03,5000,"])
        let done = try await importFile(browser, "pledges", "p.csv", file)
        XCTAssertEqual(done.status, .seeOther)
        let queue = try await browser.get("/t/west-midlands/pledges").body.string
        XCTAssertTrue(queue.contains("Sandwell top-up"))
        try await assertRefused(browser, "pledges", file, naming: ["Row 2", "already has the reference SMBC-1"])
        // Its source moves only through the pledge's decision, not by a funding-sources import.
        try await assertRefused(browser, "fundingSources", Self.csv([FundingSourceImportTests.header, "SMBC-1,,,,,,,confirmed,,,,,"]),
                                naming: ["Row 2", "awaiting a decision: confirm or decline it on the pledge"])
    }

    func testRowsOfOnePledgeMustAgreeAndEveryBadRowIsNamed() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        try await assertRefused(browser, "pledges", Self.csv([
            Self.header,
            "P-1,Birmingham City Council,Top-up,2024-04-01,2025-03-31,BHM-01,1000,",
            "P-1,Coventry City Council,,,,BHM-02,1000,",
            "P-1,,,2024-10-01,,BHM-03,1000,",
            "P-1,,,,,BHM-01,1000,",
            "P-2,Nowhere Trust,Unknown,2024-04-01,2025-03-31,XXX-99,0,",
            "P-3,Home Office,Backwards,2025-04-01,2024-04-01,BHM-04,100,",
            "HO-VRU-2021-114,Home Office,Again,2024-04-01,2025-03-31,BHM-04,100,",
            "P-4,Home Office,No amount,2024-04-01,2025-03-31,BHM-05,,",
        ]), naming: [
            "Row 3", "Row 2 of pledge P-1 says Birmingham City Council here",
            "Row 4", "Row 2 of pledge P-1 says",
            "Row 5", "BHM-01 is already on row 2 of pledge P-1",
            "Row 6", "No organisation called 'Nowhere Trust'", "No route has the code XXX-99",
            "Row 7", "is before the start date",
            "Row 8", "already has the reference HO-VRU-2021-114",
            "Row 9", "Enter a value",
        ])
    }

    func testOnlyCommissionersImportPledgesAndNeverIntoAnotherTenant() async throws {
        try await assertOnlyCommissionersImport("pledges", try fixture("pledges-good.xlsx"))
    }
}
