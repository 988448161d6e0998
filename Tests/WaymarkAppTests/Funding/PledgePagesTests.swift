import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// A partner pledges, the commissioner decides; a partner can only pledge to, and see,
/// their own area's routes and their own pledges.
final class PledgePagesTests: AppTestCase {
    let pledgeForm: [String: String] = [
        "programme": "Route continuation 2024 to 2025", "start_day": "2024-04-01", "end_day": "2025-03-31",
        "amounts[BHM-01]": "£40,000", "amounts[BHM-06]": "25000", "note": "Approved by cabinet on 12 March",
    ]

    struct Listing: Decodable {
        struct Route: Decodable { let code: String; let funded_until_projected: String? }
        let routes: [Route]
    }

    func pledge(_ browser: Browser, _ form: [String: String]? = nil) async throws -> String {
        let response = try await browser.post("/t/west-midlands/pledges/new", form: form ?? pledgeForm)
        XCTAssertEqual(response.status, .seeOther, response.body.string)
        return try XCTUnwrap(response.headers.first(name: .location))
    }

    func testAPartnersPledgeCountsInProjectedCoverageAndTheCommissionerConfirmsIt() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let location = try await pledge(partner)
        let page = try await partner.get(location).body.string
        XCTAssertTrue(page.contains("Awaiting decision"))
        XCTAssertTrue(page.contains("£65,000.00"))
        XCTAssertTrue(page.contains("Withdraw pledge"))
        XCTAssertFalse(page.contains("Confirm pledge"), "partners do not decide their own pledges")

        let record = try await platform { db in
            try await FundingSourceRecord.query(on: db).filter(\.$programme == "Route continuation 2024 to 2025").first()!
        }
        XCTAssertEqual(record.sourceStatus, .pledged)
        XCTAssertEqual(record.amount, Money(pounds: 65_000))
        let allocations = try await platform { db in
            try await AllocationRecord.query(on: db).filter(\.$sourceID == record.id!).count()
        }
        XCTAssertEqual(allocations, 2)

        let commissioner = try await signedIn(DemoPeople.commissioner)
        let sourcePage = try await commissioner.get("/t/west-midlands/funding/\(record.id!.uuidString)").body.string
        let version = try XCTUnwrap(sourcePage.firstMatch(of: try Regex(#"name="version" value="(\d+)""#))?.output[1].substring)
        let sideways = try await commissioner.post("/t/west-midlands/funding/\(record.id!.uuidString)/status",
                                                   form: ["status": "confirmed", "version": String(version)])
        XCTAssertEqual(sideways.status, .unprocessableEntity)
        XCTAssertTrue(sideways.body.string.contains("confirm or decline it on the pledge&#39;s page") ||
                      sideways.body.string.contains("confirm or decline it on the pledge's page"))
        let queue = try await commissioner.get("/t/west-midlands/pledges").body.string
        XCTAssertTrue(queue.contains("Waiting for your decision"))
        XCTAssertTrue(queue.contains("Route continuation 2024 to 2025"))
        let got1 = try await commissioner.post(location + "/confirm", form: [:]).status
        XCTAssertEqual(got1, .seeOther)
        let confirmed = try await platform { db in try await FundingSourceRecord.find(record.id, on: db)! }
        XCTAssertEqual(confirmed.sourceStatus, .confirmed)
        let again = try await commissioner.post(location + "/decline", form: ["reason": "Changed my mind"])
        XCTAssertEqual(again.status, .conflict)
        XCTAssertTrue(again.body.string.contains("already been confirmed"))
        let withdrawLate = try await partner.post(location + "/withdraw", form: [:])
        XCTAssertEqual(withdrawLate.status, .conflict, "a decided pledge cannot be withdrawn")
        let actions = try await auditActions()
        XCTAssertTrue(actions.contains("pledge.made"))
        XCTAssertTrue(actions.contains("pledge.confirmed"))
    }

    func testDecliningNeedsAReasonWhichThePartnerReads() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let location = try await pledge(partner)
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let blank = try await commissioner.post(location + "/decline", form: ["reason": "  "])
        XCTAssertEqual(blank.status, .unprocessableEntity)
        XCTAssertTrue(blank.body.string.contains("Enter the reason for declining"))
        let got2 = try await commissioner.post(location + "/decline", form: ["reason": "BHM-06 is being redesigned"]).status
        XCTAssertEqual(got2, .seeOther)
        let page = try await partner.get(location).body.string
        XCTAssertTrue(page.contains("Declined"))
        XCTAssertTrue(page.contains("BHM-06 is being redesigned"))
        let source = try await platform { db in
            try await FundingSourceRecord.query(on: db).filter(\.$programme == "Route continuation 2024 to 2025").first()!
        }
        XCTAssertEqual(source.sourceStatus, .withdrawn, "declined money counts nowhere")
    }

    func testAPartnerWithdrawsBeforeTheDecision() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let location = try await pledge(partner)
        let got3 = try await partner.post(location + "/withdraw", form: [:]).status
        XCTAssertEqual(got3, .seeOther)
        let page = try await partner.get(location).body.string
        XCTAssertTrue(page.contains("Withdrawn"))
    }

    func testAPledgeToARouteOutsideThePartnersAreaIsRefusedWholeAndNothingIsSaved() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let sources = try await sourceCount(), allocations = try await allocationCount()
        var form = pledgeForm
        form["amounts[COV-01]"] = "£5,000"
        let response = try await partner.post("/t/west-midlands/pledges/new", form: form)
        XCTAssertEqual(response.status, .unprocessableEntity)
        XCTAssertTrue(response.body.string.contains("You can pledge only to routes in your area; COV-01 is not one of them"))
        XCTAssertTrue(response.body.string.contains("value=\"£40,000\""), "the amounts typed are kept")
        let got4 = try await sourceCount()
        XCTAssertEqual(got4, sources)
        let got5 = try await allocationCount()
        XCTAssertEqual(got5, allocations)
    }

    func testBadPledgesNameEveryProblem() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let before = try await sourceCount()
        let response = try await partner.post("/t/west-midlands/pledges/new", form: [
            "programme": "", "start_day": "2025-04-01", "end_day": "2024-03-31", "amounts[BHM-01]": "-5", "amounts[BHM-02]": "ten"])
        XCTAssertEqual(response.status, .unprocessableEntity)
        let page = response.body.string
        XCTAssertTrue(page.contains("Enter a name for the pledge"))
        XCTAssertTrue(page.contains("must be on or after the first"))
        XCTAssertTrue(page.contains("Enter the amount for BHM-01"))
        XCTAssertTrue(page.contains("Enter the amount for BHM-02"))
        let empty = try await partner.post("/t/west-midlands/pledges/new", form: [
            "programme": "Nothing", "start_day": "2024-04-01", "end_day": "2025-03-31"])
        XCTAssertTrue(empty.body.string.contains("Enter an amount for at least one route"))
        let got6 = try await sourceCount()
        XCTAssertEqual(got6, before)
    }

    func testOtherPartnersAndOtherTenantsCannotSeeAPledge() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let location = try await pledge(partner)
        let police = try await signedIn(DemoPeople.policePartner)
        let got7 = try await police.get(location).status
        XCTAssertEqual(got7, .notFound, "another partner's pledge does not exist for them")
        let list = try await police.get("/t/west-midlands/pledges").body.string
        XCTAssertFalse(list.contains("Route continuation 2024 to 2025"))
        let got8 = try await police.post(location + "/withdraw", form: [:]).status
        XCTAssertEqual(got8, .notFound)
        let northmoor = try await signedIn(DemoPeople.northmoorCommissioner)
        let got9 = try await northmoor.get(location).status
        XCTAssertEqual(got9, .notFound)
        let provider = try await signedIn(DemoPeople.provider)
        let got10 = try await provider.get(location).status
        XCTAssertEqual(got10, .forbidden)
    }
}
