import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// A return's whole life through the pages, as the demo people: the provider files October
/// by form (refused figures and a personal-data warning first), the commissioner queries a
/// line, the provider answers with an .xlsx written by openpyxl, the commissioner compares
/// the versions and approves; then September, approved, makes the first payment payable and
/// finance marks it paid.
final class ReturnCycleTests: AppTestCase {
    var contract = ""

    override func setUp() async throws {
        try await super.setUp()
        app.clock.set(ReturnFixtures.today)
        contract = try await returnsContract()
    }

    func testFileQueryResubmitByExcelAndApprove() async throws {
        let provider = try await signedIn(DemoPeople.provider)
        let october = ReturnFixtures.october
        let page = try await provider.get(returnPath(contract, october))
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("Not started"))
        XCTAssertTrue(page.body.string.contains("14 Nov 2023"), "due on the 10th working day of November")
        XCTAssertTrue(page.body.string.contains("Not due yet"), "reminders start three working days before")
        let days = try await templateSchoolDays(provider, contract, october)
        XCTAssertEqual(days, ["WLV-01": 17, "WLV-02": 17], "October 2023 less half-term")

        // Too many sessions and a word for a number: refused, named, kept, nothing saved.
        let formPage = try await provider.get(returnPath(contract, october, "/form")).body.string
        let version = try versionField(formPage)
        let bad = try await provider.post(returnPath(contract, october, "/form"), form: returnForm(days, version: version, changes: [
            "lines[WLV-01][sessions_delivered]": "35", "lines[WLV-02][police_contacts]": "lots"]))
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.body.string.contains("WLV-02: Police contacts must be a whole number, like 12"))
        XCTAssertTrue(bad.body.string.contains("href=\"#WLV-02-police_contacts\""), "the summary links to the field")
        XCTAssertTrue(bad.body.string.contains("value=\"lots\""), "what was typed is kept")
        let tooMany = try await provider.post(returnPath(contract, october, "/form"), form: returnForm(days, version: version, changes: [
            "lines[WLV-01][sessions_delivered]": "35"]))
        XCTAssertTrue(tooMany.body.string.contains("WLV-01: 35 sessions delivered is more than the 34 planned (17 school days, 2 a day)"))
        XCTAssertTrue(tooMany.body.string.contains("aria-describedby=\"WLV-01-sessions_delivered-error\""))
        let afterBad = try await storedReturn(contract, october)
        XCTAssertNil(afterBad, "nothing saved")

        // A phone number in the narrative: a warning first, saved only once confirmed or removed.
        let phone = try await provider.post(returnPath(contract, october, "/form"), form: returnForm(days, version: version,
                                                                                                     narrative: "Call Jo's mum on 07700 900123."))
        XCTAssertEqual(phone.status, .unprocessableEntity)
        XCTAssertTrue(phone.body.string.contains("looks like it holds personal data: a phone number (07700 900123)"))
        let afterPhone = try await storedReturn(contract, october)
        XCTAssertNil(afterPhone)

        let submitted = try await provider.post(returnPath(contract, october, "/form"), form: returnForm(days, version: version))
        XCTAssertEqual(submitted.status, .seeOther, submitted.body.string)
        let first = try await storedReturn(contract, october)
        XCTAssertEqual(first?.status, .submitted)
        XCTAssertEqual(first?.latestVersion, 1)

        // The commissioner queries WLV-01's sessions.
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let review = try await commissioner.get(returnPath(contract, october)).body.string
        XCTAssertTrue(review.contains("Awaiting review") && review.contains("Record the decision"))
        let emptyQuery = try await commissioner.post(returnPath(contract, october, "/review"),
                                                     form: ["step": "query", "version": try versionField(review)])
        XCTAssertEqual(emptyQuery.status, .unprocessableEntity)
        XCTAssertTrue(emptyQuery.body.string.contains("Write a comment on at least one line to query the return"))
        let queried = try await commissioner.post(returnPath(contract, october, "/review"), form: [
            "step": "query", "version": try versionField(review),
            "comments[WLV-01]": "33 sessions, but the school's register shows every session ran: please check."])
        XCTAssertEqual(queried.status, .seeOther, queried.body.string)
        let providerTold = try await inbox(DemoPeople.provider, containing: "TEST-RET")
        XCTAssertEqual(providerTold, ["TEST-RET: the October 2023 return was queried"], "the provider hears, once")
        for other in [ReturnFixtures.partner, CommissioningPeople.kestrel, DemoPeople.commissioner] {
            let told = try await inbox(other, containing: "TEST-RET")
            XCTAssertEqual(told, [], other)
        }
        let queriedPage = try await provider.get(returnPath(contract, october)).body.string
        XCTAssertTrue(queriedPage.contains("WLV-01: 33 sessions, but the school&#39;s register shows every session ran: please check."))
        XCTAssertTrue(queriedPage.contains("Queried"))

        // A bad workbook changes nothing and lists every problem by row and column.
        let stateBefore = try await storedReturn(contract, october)
        let badFile = try await provider.postMultipart(returnPath(contract, october, "/upload"), fields: ["version": try versionField(queriedPage)],
                                                       file: ("file", "return-2023-10-bad.xlsx", try returnFixture("return-2023-10-bad.xlsx")))
        XCTAssertEqual(badFile.status, .unprocessableEntity)
        let listed = badFile.body.string
        for expected in ["WLV-09 is not one of this contract&#39;s routes in October 2023",
                         "WLV-01: the referrals total says 4 but the referrals by kind add up to 3",
                         "WLV-01: 35 sessions delivered is more than the 34 planned",
                         "WLV-01: 9 de-escalated is more than the 6 incidents seen",
                         "WLV-02: Police contacts cannot be negative"] {
            XCTAssertTrue(listed.contains(expected) || listed.contains(expected.replacingOccurrences(of: "&#39;", with: "'")), expected)
        }
        XCTAssertTrue(listed.contains("<td class=\"wm-table__cell\">4</td><td class=\"wm-table__cell\">route_code</td>"), "row and column named")
        XCTAssertTrue(listed.contains("<td class=\"wm-table__cell\">3</td><td class=\"wm-table__cell\">police_contacts</td>"))
        let stateAfter = try await storedReturn(contract, october)
        XCTAssertEqual(stateAfter?.version, stateBefore?.version, "nothing changed")
        let versionsAfterBad = try await versionCount(contract, october)
        XCTAssertEqual(versionsAfterBad, 1)

        // The corrected workbook is version 2.
        let good = try await provider.postMultipart(returnPath(contract, october, "/upload"), fields: ["version": try versionField(queriedPage)],
                                                    file: ("file", "return-2023-10-good.xlsx", try returnFixture("return-2023-10-good.xlsx")))
        XCTAssertEqual(good.status, .seeOther, good.body.string)
        let second = try await storedReturn(contract, october)
        XCTAssertEqual(second?.latestVersion, 2)
        XCTAssertEqual(second?.status, .submitted)

        // Side by side: WLV-01's sessions went from 33 to 34.
        let compare = try await commissioner.get(returnPath(contract, october, "/versions?a=1&b=2"))
        XCTAssertEqual(compare.status, .ok)
        XCTAssertTrue(compare.body.string.contains("<mark>34</mark> <span class=\"wm-hint\">(was 33)</span>"))
        let returnPage = try await commissioner.get(returnPath(contract, october)).body.string
        XCTAssertTrue(returnPage.contains("Version 2: ") && returnPage.contains("through an Excel upload"))
        XCTAssertTrue(returnPage.contains("Version 1: ") && returnPage.contains("through the web form"))

        let approved = try await commissioner.post(returnPath(contract, october, "/review"), form: ["step": "approve", "version": try versionField(returnPage)])
        XCTAssertEqual(approved.status, .seeOther)
        let final = try await storedReturn(contract, october)
        XCTAssertEqual(final?.status, .approved)
        let approvedTold = try await inbox(DemoPeople.provider, containing: "return was approved")
        XCTAssertEqual(approvedTold, ["TEST-RET: the October 2023 return was approved"])
        let again = try await commissioner.post(returnPath(contract, october, "/review"), form: ["step": "approve", "version": String(final?.version ?? 0)])
        XCTAssertEqual(again.status, .unprocessableEntity, "approval is final")
        XCTAssertTrue(again.body.string.contains("This return has already been approved"))
        let resubmit = try await provider.get(returnPath(contract, october, "/form"))
        XCTAssertEqual(resubmit.status, .conflict)
    }

    func testAnApprovedMonthMakesItsPaymentPayableAndFinancePaysIt() async throws {
        try await fileAndApprove(contract, ReturnFixtures.september)
        let finance = try await signedIn(DemoPeople.finance)
        let contractPage = try await finance.get("/t/west-midlands/contracts/\(contract)").body.string
        XCTAssertTrue(contractPage.contains("Mark paid"), "September's line is payable once September is approved")
        XCTAssertTrue(contractPage.contains("Awaiting returns for Oct 2023, Nov 2023 and Dec 2023"), "the next quarter still waits")
        let lineID = try await platform { [contract] db in
            try await PaymentLineRecord.query(on: db).filter(\.$contractID == UUID(uuidString: contract)!).filter(\.$number == 1).first()!.id!
        }
        let paid = try await finance.post("/t/west-midlands/contracts/\(contract)/payments/\(lineID.uuidString)/paid",
                                          form: ["paid_on": "2023-11-08", "version": try versionField(contractPage)])
        XCTAssertEqual(paid.status, .seeOther, paid.body.string)
        let line = try await platform { db in try await PaymentLineRecord.find(lineID, on: db) }
        XCTAssertEqual(line?.paidOn, "2023-11-08")
        let paidTold = try await inbox(DemoPeople.provider, containing: " paid, ")
        let amount = Money(pence: try XCTUnwrap(line?.amountPence)).display
        XCTAssertEqual(paidTold.count, 1, "the provider hears of the payment")
        XCTAssertTrue(paidTold.first?.hasSuffix(" paid, \(amount)") == true, paidTold.joined())
        let financeTold = try await inbox(DemoPeople.finance, containing: "TEST-RET")
        XCTAssertEqual(financeTold, [], "finance made it")
    }

    func returnFixture(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: TestApp.repositoryRoot).appendingPathComponent("Tests/Fixtures/returns/\(name)"))
    }
}
