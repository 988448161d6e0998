import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// A commissioner brings in several months of returns from one spreadsheet: checked whole,
/// then saved as submissions awaiting review.
final class ReturnsImportTests: AppTestCase {
    static let header = "contract_reference,month,route_code,chaperone_hours,sessions_delivered,young_people_engaged,incidents_violence,incidents_bullying,incidents_anti_social_behaviour,incidents_weapons,incidents_other,incidents_de_escalated,safeguarding_concerns,referrals_mental_health,referrals_food_and_clothing,referrals_diversionary_activity,referrals_mentoring,referrals_other,police_contacts,school_contacts,staff_on_route,staff_checks_in_date,narrative"

    static func row(_ month: String, _ code: String, delivered: Int, narrative: String = "") -> String {
        "TEST-RET,\(month),\(code),120,\(delivered),90,0,1,0,0,0,1,0,0,0,0,1,0,0,4,2,2,\(narrative)"
    }

    var contract = ""

    override func setUp() async throws {
        try await super.setUp()
        app.clock.set(ReturnFixtures.today)
        contract = try await returnsContract()
    }

    func testTwoMonthsOfTheDemoContractInOneFile() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv([Self.header,
                             Self.row("2023-09", "WLV-01", delivered: 30, narrative: "First weeks of term."),
                             Self.row("2023-09", "WLV-02", delivered: 30),
                             Self.row("2023-10", "WLV-01", delivered: 34, narrative: "Half-term week off."),
                             Self.row("2023-10", "WLV-02", delivered: 33)])
        let done = try await importFile(commissioner, "returns", "returns.csv", file)
        XCTAssertEqual(done.status, .seeOther, done.body.string)
        let october = try await storedReturn(contract, "2023-10")
        XCTAssertEqual(october?.status, .submitted)
        let september = try await storedReturn(contract, "2023-09")
        XCTAssertEqual(september?.latestVersion, 1)
        let ids = [try XCTUnwrap(september?.id), try XCTUnwrap(october?.id)]
        let channels = try await platform { db in try await ReturnVersionRecord.query(on: db).filter(\.$returnID ~~ ids).all().map(\.channel) }
        XCTAssertEqual(channels, ["import", "import"])
        let audited = try await platform { db in
            try await AuditEntry.query(on: db).filter(\.$action == "return.imported").all().filter { $0.afterJSON?.contains("TEST-RET") == true }.count
        }
        XCTAssertEqual(audited, 2)
        let verification = try await platform { db in try await AuditVerifier.verify(on: db) }
        XCTAssertNil(verification.firstBreak, "the batch of entries keeps the chain whole")
        // Both now await review, so importing them again is refused and changes nothing.
        let again = try await check(commissioner, "returns", "returns.csv", file)
        XCTAssertEqual(again.status, .unprocessableEntity)
        XCTAssertTrue(again.body.string.contains("TEST-RET October 2023: This return is awaiting review"))
    }

    func testEveryProblemIsListedAndNothingIsSaved() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv([Self.header,
                             Self.row("2023-09", "WLV-01", delivered: 99, narrative: "Too many."),
                             Self.row("2023-10", "WLV-01", delivered: 30, narrative: "WLV-02 is missing."),
                             Self.row("2021-10", "WLV-01", delivered: 30, narrative: "Before the contract."),
                             "ST-XXX,2023-10,WLV-01,1,1,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,x"])
        let checked = try await check(commissioner, "returns", "returns.csv", file)
        XCTAssertEqual(checked.status, .unprocessableEntity)
        let html = checked.body.string
        XCTAssertTrue(html.contains("WLV-01: 99 sessions delivered is more than the"))
        XCTAssertTrue(html.contains("Add a line for WLV-02"))
        XCTAssertTrue(html.contains("October 2021 is outside contract TEST-RET"))
        XCTAssertTrue(html.contains("No contract has the reference ST-XXX"))
        let stored = try await platform { [contract] db in
            try await MonthlyReturnRecord.query(on: db).filter(\.$contractID == UUID(uuidString: contract)!).count()
        }
        XCTAssertEqual(stored, 0)
        let provider = try await signedIn(DemoPeople.provider)
        let refused = try await provider.get("/t/west-midlands/imports/returns")
        XCTAssertEqual(refused.status, .forbidden, "only commissioners import")
    }
}
