import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// The commissioner makes the contract from an award through its form: filled in from the
/// winning bid, refused whole when it does not add up, and made once per award.
final class ContractFromAwardTests: AppTestCase {
    override func setUp() async throws {
        try await super.setUp()
        stopClock(at: ContractFixtures.today)
    }

    func testTheFormIsFilledInFromTheAwardAndMakesTheContractWithItsSchedule() async throws {
        let award = try await storeContractAward()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let form = try await commissioner.get(award.contractFormPath)
        XCTAssertEqual(form.status, .ok)
        let html = form.body.string
        XCTAssertTrue(html.contains("value=\"TT-WLV-2023-01\""), "a reference is suggested")
        XCTAssertTrue(html.contains("value=\"£45,630.00\""), "the winning price split as the specification splits it")
        XCTAssertTrue(html.contains("value=\"£91,260.00\""))
        XCTAssertTrue(html.contains("value=\"2023-09-04\"") && html.contains("value=\"2024-07-31\""))
        XCTAssertTrue(html.contains("Route staffed on 98% of school days"))
        XCTAssertTrue(html.contains("value=\"\(award.winnerID.uuidString)\" selected"), "the winner is the provider")

        let source = try await sourceID("Step Together 2023/24")
        let location = try await makeContract(award, reference: "TEST-WLV-A", changes: [
            "link_source[1]": source, "link_amount[1]": "60,000", "link_source[2]": "", "link_amount[2]": ""], as: commissioner)
        let page = try await commissioner.get(location)
        XCTAssertEqual(page.status, .ok)
        let body = page.body.string
        XCTAssertTrue(body.contains("Contract TEST-WLV-A"))
        XCTAssertTrue(body.contains("with 5 quarterly payments in arrears"), "the flash says what was made")
        XCTAssertTrue(body.contains("Lanternway Youth Trust"))
        XCTAssertTrue(body.contains("£60,000.00"), "the funding link")
        XCTAssertTrue(body.contains("Awaiting returns for Sep 2023"), "no month has an approved return yet")
        XCTAssertFalse(body.contains("Mark paid"), "nothing is payable, so finance has nothing to mark")

        let lines = try await paymentLines(contractPath: location)
        XCTAssertEqual(lines.map(\.startDay), ["2023-09-04", "2023-10-01", "2024-01-01", "2024-04-01", "2024-07-01"])
        XCTAssertEqual(lines.map(\.endDay).last, "2024-07-31")
        XCTAssertEqual(lines.reduce(0) { $0 + $1.amountPence }, ContractFixtures.price.pence, "the schedule adds up to the value")
        XCTAssertTrue(lines.allSatisfy { $0.paidOn == nil })
        let actions = try await auditActions()
        XCTAssertTrue(actions.contains("contract.made"))
    }

    func testTheScheduleFollowsTheRoutesSchoolDays() async throws {
        let award = try await storeContractAward()
        let location = try await makeContract(award, reference: "TEST-WLV-B")
        let lines = try await paymentLines(contractPath: location)
        // Wolverhampton's term dates are known to the end of the contract, so the summer
        // quarter (a fortnight of school in July) is paid far less than the autumn one.
        XCTAssertLessThan(lines[4].amountPence * 3, lines[1].amountPence, "July holds few school days")
        XCTAssertGreaterThan(lines[4].amountPence, 0)
    }

    func testASecondContractForTheSameAwardIsRefused() async throws {
        let award = try await storeContractAward()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        _ = try await makeContract(award, reference: "TEST-WLV-C", as: commissioner)
        let again = try await commissioner.get(award.contractFormPath)
        XCTAssertEqual(again.status, .conflict)
        XCTAssertTrue(again.body.string.contains("A contract has already been made from this award: TEST-WLV-C"))
        let post = try await commissioner.post(award.contractFormPath, form: contractForm(award, reference: "TEST-WLV-D"))
        XCTAssertEqual(post.status, .conflict)
        let count = try await contractCount()
        XCTAssertEqual(count, 1)
    }

    func testRouteValuesThatDoNotAddUpToTheValueAreRefusedAndNothingIsSaved() async throws {
        let award = try await storeContractAward()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        _ = try await commissioner.get(award.contractFormPath)
        let response = try await commissioner.post(award.contractFormPath, form: contractForm(award, reference: "TEST-WLV-E",
                                                                                              changes: ["route_values[WLV-02]": "40,000",
                                                                                                        "link_amount[1]": "100"]))
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        XCTAssertTrue(html.contains("The route values add up to £85,630.00, not the contract value £91,260.00"))
        XCTAssertTrue(html.contains("Choose the funding source for funding line 1"), "every problem is named at once")
        XCTAssertTrue(html.contains("href=\"#routes\""), "the error summary links to the routes")
        XCTAssertTrue(openingTag(html, id: "routes").contains("tabindex=\"-1\""), "which take focus from the link")
        XCTAssertTrue(openingTag(html, id: "route-WLV-02").contains("aria-describedby=\"routes-error\""), "each route's input is described by the error")
        XCTAssertTrue(openingTag(html, id: "link-1-source").contains("link-1-source-error"))
        XCTAssertTrue(html.contains("value=\"40,000\"") && html.contains("value=\"TEST-WLV-E\""), "what was typed is kept")
        let contracts = try await contractCount()
        XCTAssertEqual(contracts, 0)
        let lines = try await fixturePaymentLineCount()
        XCTAssertEqual(lines, 0)
    }

    func testBadFieldsAndFundingLinesAreNamedAndNothingIsSaved() async throws {
        let award = try await storeContractAward()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        _ = try await commissioner.get(award.contractFormPath)
        let northmoorSource = try await platform { db -> String in
            let northmoor = try await Tenant.query(on: db).filter(\.$slug == "northmoor").first()!
            return try await FundingSourceRecord.query(on: db).filter(\.$tenantID == northmoor.id!).first()?.id?.uuidString ?? UUID().uuidString
        }
        let response = try await commissioner.post(award.contractFormPath, form: contractForm(award, reference: "", changes: [
            "value": "lots", "end_day": "2024-02-30",
            "link_source[1]": northmoorSource, "link_amount[1]": "5,000",
            "link_source[2]": "", "link_amount[2]": "2,000",
            "link_source[3]": "", "link_amount[3]": "",
        ]))
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        XCTAssertTrue(html.contains("Enter a reference"))
        XCTAssertTrue(html.contains("Enter the contract value in pounds"))
        XCTAssertTrue(html.contains("Enter the last day of service"))
        XCTAssertTrue(html.contains("Funding line 1 names a funding source or allocation that does not exist"),
                      "another tenant's source is no source at all")
        XCTAssertTrue(html.contains("Choose the funding source for funding line 2"))
        XCTAssertFalse(html.contains("funding line 3"), "a blank line is ignored")
        XCTAssertTrue(html.contains("href=\"#link-1-source\""))
        XCTAssertTrue(openingTag(html, id: "reference").contains("aria-describedby=\"reference-hint reference-error\""))
        XCTAssertTrue(openingTag(html, id: "value").contains("aria-describedby=\"value-hint value-error\""))
        XCTAssertTrue(openingTag(html, id: "end_day").contains("aria-describedby=\"end_day-error\""))
        XCTAssertTrue(openingTag(html, id: "link-1-source").contains("link-1-source-error"))
        XCTAssertTrue(openingTag(html, id: "link-2-source").contains("link-2-source-error"))
        XCTAssertFalse(openingTag(html, id: "title").contains("aria-describedby"), "a field without an error is described by nothing")
        let contracts = try await contractCount()
        XCTAssertEqual(contracts, 0)
    }

    func testAReferenceInUseIsRefused() async throws {
        let first = try await storeContractAward()
        _ = try await makeContract(first, reference: "TEST-SAME")
        let second = try await storeContractAward(title: "Test Together: Birmingham routes", routes: ["BHM-01"], authority: "Birmingham")
        let commissioner = try await signedIn(DemoPeople.commissioner)
        _ = try await commissioner.get(second.contractFormPath)
        let response = try await commissioner.post(second.contractFormPath, form: contractForm(second, reference: "TEST-SAME"))
        XCTAssertEqual(response.status, .unprocessableEntity)
        XCTAssertTrue(response.body.string.contains("Another contract already has the reference TEST-SAME"))
    }

    func testASpecificationWithoutAnAwardHasNoContractForm() async throws {
        let award = try await storeContractAward()
        try await platform { db in try await AwardRecord.query(on: db).filter(\.$specificationID == award.specificationID).delete() }
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let response = try await commissioner.get(award.contractFormPath)
        XCTAssertEqual(response.status, .conflict)
        XCTAssertTrue(response.body.string.contains("has not been awarded yet"))
    }
}
