import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Variations keep the whole history, re-plan the payment schedule, and change what a
/// route's status reasons say about delivery.
final class ContractVariationTests: AppTestCase {
    override func setUp() async throws {
        try await super.setUp()
        stopClock(at: ContractFixtures.today)
    }

    func vary(_ browser: Browser, _ contract: String, kind: String, _ fields: [String: String]) async throws -> XCTHTTPResponse {
        let form = try await browser.get(contract + "/variations/new?kind=\(kind)")
        XCTAssertEqual(form.status, .ok)
        var body = fields
        body["kind"] = kind
        body["version"] = try versionField(form.body.string)
        return try await browser.post(contract + "/variations/new", form: body)
    }

    func reasons(_ browser: Browser, route: String, asOf: String = "2023-10-02") async throws -> String {
        let page = try await browser.get("/t/west-midlands/routes/\(route)?as_of=\(asOf)")
        XCTAssertEqual(page.status, .ok)
        return page.body.string
    }

    func testATerminationIsKeptInTheHistoryAndTheRoutesReasonsSayTheContractEndsBeforeItsFunding() async throws {
        // Birmingham's routes, with the demo's contracts for them taken away, so they have this contract alone.
        try await removeDemoContracts(servingAnyOf: ["BHM-01", "BHM-02", "BHM-03"])
        let award = try await storeContractAward(title: "Test Together: Birmingham routes", routes: ["BHM-01", "BHM-02"], authority: "Birmingham")
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let before = try await reasons(commissioner, route: "BHM-01")
        XCTAssertFalse(before.contains("Funded but no contract"), "a route never on a contract says nothing of delivery")
        let contract = try await makeContract(award, reference: "TEST-BHM-T", as: commissioner)
        let beforeItStarts = try await reasons(commissioner, route: "BHM-01", asOf: "2023-07-03")
        XCTAssertFalse(beforeItStarts.contains("Funded but no contract"), "nor does one whose first contract has not started")
        let running = try await reasons(commissioner, route: "BHM-01")
        XCTAssertTrue(running.contains("Contract runs to 31 Jul 2024, funding ends"), "the confirmed grant ends before the contract")

        let response = try await vary(commissioner, contract, kind: "terminate", [
            "effective_day": "2023-12-20", "reason": "The provider is withdrawing from Birmingham at Christmas."])
        XCTAssertEqual(response.status, .seeOther, response.body.string)
        let page = try await commissioner.get(contract).body.string
        XCTAssertTrue(page.contains("1 Original"), "the original terms stay in the history")
        XCTAssertTrue(page.contains("2 Termination"))
        XCTAssertTrue(page.contains("The provider is withdrawing from Birmingham at Christmas."))
        XCTAssertTrue(page.contains("Amara Okafor"), "who approved it")
        XCTAssertTrue(page.contains("Terminated: the last day of service is 20 Dec 2023 instead of 31 Jul 2024"))
        XCTAssertFalse(page.contains("Terminate it"), "a terminated contract takes no more variations")

        let ended = try await reasons(commissioner, route: "BHM-01")
        XCTAssertTrue(ended.contains("Contract ends 20 Dec 2023, funding runs to"), ended)
        let unrelated = try await reasons(commissioner, route: "BHM-03")
        for words in ["Funded but no contract", "Contract runs", "Contract ends"] {
            XCTAssertFalse(unrelated.contains(words), "BHM-03 was never on a contract")
        }
        let dashboard = try await commissioner.get("/t/west-midlands/dashboard?as_of=2023-10-02").body.string
        XCTAssertTrue(dashboard.contains("Contract ends 20 Dec 2023"), "the dashboard shows delivery reasons too")
        let api = try await commissioner.get("/api/v1/t/west-midlands/routes?as_of=2023-10-02").body.string
        XCTAssertTrue(api.contains("Contract ends 20 Dec 2023, funding runs to"))
        let asKnownBefore = try await reasons(commissioner, route: "BHM-01", asOf: "2023-10-01")
        XCTAssertTrue(asKnownBefore.contains("Contract runs to 31 Jul 2024"), "as of the day before, the termination was not yet approved")

        let lines = try await paymentLines(contractPath: contract)
        XCTAssertEqual(lines.last?.endDay, "2023-12-20", "the schedule is re-planned to the new end")
        XCTAssertEqual(lines.reduce(0) { $0 + $1.amountPence }, ContractFixtures.price.pence,
                       "terminating keeps the agreed values until a value change settles them")
        let actions = try await auditActions()
        XCTAssertTrue(actions.contains("contract.varied"))
        stopClock(at: ContractFixtures.instant(2024, 1, 10))
        let list = try await commissioner.get("/t/west-midlands/contracts.csv").body.string
        XCTAssertTrue(list.contains(",2023-09-04,2023-12-20,terminated,2024-01-10"), "the list gives the end now and the status today")
    }

    func testExtensionsAndValueChangesReplanTheSchedule() async throws {
        let award = try await storeContractAward()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let contract = try await makeContract(award, reference: "TEST-WLV-V", as: commissioner)
        let extended = try await vary(commissioner, contract, kind: "extend", [
            "new_end": "2024-08-31", "effective_day": "2023-10-02", "reason": "Summer holiday club agreed with the schools."])
        XCTAssertEqual(extended.status, .seeOther, extended.body.string)
        var lines = try await paymentLines(contractPath: contract)
        XCTAssertEqual(lines.last?.endDay, "2024-08-31")
        let changed = try await vary(commissioner, contract, kind: "values", [
            "values[WLV-01]": "50,000", "values[WLV-02]": "£45,630.00", "effective_day": "2023-11-01",
            "reason": "A third chaperone on WLV-01 from November."])
        XCTAssertEqual(changed.status, .seeOther, changed.body.string)
        lines = try await paymentLines(contractPath: contract)
        XCTAssertEqual(lines.reduce(0) { $0 + $1.amountPence }, Money(pounds: 95_630).pence)
        XCTAssertEqual(lines.map(\.number), Array(1...lines.count))
        let page = try await commissioner.get(contract).body.string
        XCTAssertTrue(page.contains("3 Value change"), "the history shows a change approved to take effect later")
        XCTAssertTrue(page.contains("WLV-01 from £45,630.00 to £50,000.00"))
        XCTAssertTrue(page.contains("End moved from 31 Jul 2024 to 31 Aug 2024"))
        XCTAssertTrue(page.contains("<dd class=\"wm-summary-list__value\">£91,260.00</dd>"), "its terms in force today: the value change is not yet")
        let november = try await commissioner.get(contract + "?as_of=2023-11-01").body.string
        XCTAssertTrue(november.contains("£95,630.00 (£91,260.00 when made)"), "in force from 1 Nov")
    }

    func testABadVariationIsRefusedWithItsReasonsAndNothingIsSaved() async throws {
        let award = try await storeContractAward()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let contract = try await makeContract(award, reference: "TEST-WLV-BAD", as: commissioner)
        let linesBefore = try await paymentLines(contractPath: contract)
        let response = try await vary(commissioner, contract, kind: "terminate", ["effective_day": "2024-09-30", "reason": "No"])
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        XCTAssertTrue(html.contains("Give the reason for the variation"))
        XCTAssertTrue(html.contains("The effective date must fall within the contract"))
        XCTAssertTrue(html.contains("value=\"2024-09-30\""), "what was typed is kept")
        XCTAssertTrue(openingTag(html, id: "effective_day").contains("aria-describedby=\"effective_day-hint effective_day-error\""))
        XCTAssertTrue(openingTag(html, id: "reason").contains("aria-describedby=\"reason-hint reason-error\""))
        // Everything wrong at once: nothing readable, and a reason too short, in one answer.
        let allWrong = try await vary(commissioner, contract, kind: "extend", ["new_end": "later", "effective_day": "", "reason": "No"])
        XCTAssertEqual(allWrong.status, .unprocessableEntity)
        for field in ["effective_day", "new_end", "reason"] {
            XCTAssertTrue(allWrong.body.string.contains("<a href=\"#\(field)\">"), "\(field) is listed at once")
        }
        let removeLast = try await vary(commissioner, contract, kind: "add-route", [
            "route": "WLV-01", "value": "1,000", "effective_day": "2023-11-01", "reason": "Adding a route already there."])
        XCTAssertEqual(removeLast.status, .unprocessableEntity)
        XCTAssertTrue(removeLast.body.string.contains("is already on this contract"))
        let variations = try await platform { db in try await ContractVariationRecord.query(on: db).count() }
        XCTAssertEqual(variations, 0)
        let linesAfter = try await paymentLines(contractPath: contract)
        XCTAssertEqual(linesAfter.map(\.id), linesBefore.map(\.id), "the schedule is untouched")
    }

    func testAFormOpenedBeforeAnotherVariationIsRefused() async throws {
        let award = try await storeContractAward()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let contract = try await makeContract(award, reference: "TEST-WLV-STALE", as: commissioner)
        let stale = try versionField(try await commissioner.get(contract + "/variations/new?kind=extend").body.string)
        let first = try await vary(commissioner, contract, kind: "extend", [
            "new_end": "2024-08-31", "effective_day": "2023-10-02", "reason": "Summer holiday club agreed."])
        XCTAssertEqual(first.status, .seeOther)
        let second = try await commissioner.post(contract + "/variations/new", form: [
            "kind": "extend", "version": stale, "new_end": "2024-08-16", "effective_day": "2023-10-02", "reason": "A shorter summer."])
        XCTAssertEqual(second.status, .conflict)
        XCTAssertTrue(second.body.string.contains("Someone else changed this record after you opened it"))
        let count = try await platform { db in try await ContractVariationRecord.query(on: db).count() }
        XCTAssertEqual(count, 1)
    }

    func testReplanningLeavesPaidLinesAsTheyAre() async throws {
        let award = try await storeContractAward()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let contract = try await makeContract(award, reference: "TEST-WLV-PAID", as: commissioner)
        let first = try await paymentLines(contractPath: contract)[0]
        stopClock(at: ContractFixtures.afterFirstPayment)   // a payment is recorded on or after the day it was made
        let errors = try await markPaid(contract, line: first, on: "2023-10-05", approving: true)
        XCTAssertEqual(errors, [])
        let changed = try await vary(commissioner, contract, kind: "values", [
            "values[WLV-01]": "40,000", "values[WLV-02]": "45,630", "effective_day": "2023-11-01", "reason": "WLV-01 runs with one chaperone."])
        XCTAssertEqual(changed.status, .seeOther, changed.body.string)
        let lines = try await paymentLines(contractPath: contract)
        XCTAssertEqual(lines[0].id, first.id)
        XCTAssertEqual(lines[0].amountPence, first.amountPence)
        XCTAssertEqual(lines[0].paidOn, "2023-10-05")
        XCTAssertEqual(lines.reduce(0) { $0 + $1.amountPence }, Money(pounds: 85_630).pence)
    }
}
