import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Recording a contract let before Waymark: checked as an award's contract is, its schedule
/// shown before saving, lines already paid marked with their day, and afterwards returns and
/// payments working on it as on any other contract.
final class ExistingContractFormTests: AppTestCase {
    override func setUp() async throws {
        try await super.setUp()
        stopClock(at: ExistingContractFixtures.today)
    }

    func testAContractWithTwoQuartersPaidIsRecordedThenReturnsAndPaymentsWorkOnIt() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let list = try await commissioner.get("/t/west-midlands/contracts").body.string
        XCTAssertTrue(list.contains("href=\"/t/west-midlands/contracts/new\""), "the list links to the form")
        let blank = try await commissioner.get(ExistingContractFixtures.path)
        XCTAssertEqual(blank.status, .ok)
        XCTAssertTrue(blank.body.string.contains("value=\"2024-04-10\""), "signed today by default")
        XCTAssertTrue(blank.body.string.contains("WLV-01") && blank.body.string.contains("BHM-01"), "every route of the tenant is offered")

        let saved = try await recordExistingContract(commissioner, reference: "TEST-EX-A",
                                                     paidOn: ["2023-09-04": "2023-10-16", "2023-10-01": "2024-01-15"])
        XCTAssertEqual(saved.status, .seeOther, saved.body.string)
        let location = try XCTUnwrap(saved.headers.first(name: .location))
        let page = try await commissioner.get(location).body.string
        XCTAssertTrue(page.contains("Contract TEST-EX-A recorded, with 5 quarterly payments in arrears, 2 of them already paid"))
        XCTAssertTrue(page.contains("Direct award") && page.contains("21 Aug 2023"), "how it was let and the day signed")
        let lines = try await paymentLines(contractPath: location)
        XCTAssertEqual(lines.map(\.paidOn), ["2023-10-16", "2024-01-15", nil, nil, nil])
        let commissionerID = try await platform { db in try await Person.query(on: db).filter(\.$email == DemoPeople.commissioner).first()!.id }
        XCTAssertEqual(lines[0].paidBy, commissionerID, "paid_by is the commissioner who recorded it")
        let actions = try await auditActions()
        XCTAssertTrue(actions.contains("contract.recorded"))

        // No return is owed for the months paid before Waymark; January onwards are.
        let contractID = String(location.split(separator: "/").last!)
        let returns = try await commissioner.get("/t/west-midlands/returns").body.string
        XCTAssertFalse(returns.contains(returnPath(contractID, "2023-10")), "October was paid before Waymark")
        XCTAssertTrue(returns.contains(returnPath(contractID, "2024-01")), returns)

        for month in ["2024-01", "2024-02", "2024-03"] { try await fileAndApprove(contractID, month) }
        let finance = try await signedIn(DemoPeople.finance)
        let payments = try await finance.get("/t/west-midlands/payments")
        XCTAssertEqual(payments.status, .ok)
        XCTAssertTrue(payments.body.string.contains("TEST-EX-A"))
        let contractPage = try await finance.get(location).body.string
        let q4 = try await paymentLines(contractPath: location)[2]
        let paid = try await finance.post(location + "/payments/\(q4.id!.uuidString)/paid",
                                          form: ["paid_on": "2024-04-09", "version": try versionField(contractPage)])
        XCTAssertEqual(paid.status, .seeOther, paid.body.string)
        let after = try await paymentLines(contractPath: location)
        XCTAssertEqual(after.map(\.paidOn), ["2023-10-16", "2024-01-15", "2024-04-09", nil, nil])
        let csv = try await finance.get(location + "/payments.csv")
        XCTAssertEqual(csv.status, .ok)
    }

    func testEveryBadFieldIsNamedAndNothingIsSaved() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        _ = try await commissioner.get(ExistingContractFixtures.path)
        var form = try await existingContractForm(reference: "", changes: [
            "provider": try await organisationID("Birmingham City Council"), "route_values[WLV-02]": "40,000",
            "how_let": "awarded_in_waymark", "signed_on": "2024-05-01", "step": "check"])
        form["end_day"] = "2024-02-30"
        let response = try await commissioner.post(ExistingContractFixtures.path, form: form)
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        for (field, message) in [("reference", "Enter a reference"), ("provider", "Choose the provider"),
                                 ("end_day", "Enter the last day of service"), ("how_let", "Choose how the contract was let"),
                                 ("signed_on", "cannot be in the future")] {
            XCTAssertTrue(html.contains("href=\"#\(field)\""), "the summary links to \(field)")
            XCTAssertTrue(html.contains(message), message)
        }
        XCTAssertTrue(html.contains("value=\"40,000\""), "what was typed is kept")
        XCTAssertFalse(html.contains("Payment schedule"), "no schedule until the contract is sound")

        // A sound contract whose paid-on days are wrong: each named by its line.
        let bad = try await recordExistingContract(commissioner, reference: "TEST-EX-B",
                                                   paidOn: ["2023-09-04": "2023-08-01", "2023-10-01": "2024-05-01", "2024-01-01": "soon"])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        let badHTML = bad.body.string
        XCTAssertTrue(badHTML.contains("href=\"#paid_on-2023-09-04\"") && badHTML.contains("before its period starts on 4 Sep 2023"))
        XCTAssertTrue(badHTML.contains("href=\"#paid_on-2023-10-01\"") && badHTML.contains("Q3 2023/24 paid on: 1 May 2024 is in the future"))
        XCTAssertTrue(badHTML.contains("href=\"#paid_on-2024-01-01\""))
        XCTAssertTrue(openingTag(badHTML, id: "paid_on-2023-10-01").contains("aria-describedby=\"paid_on-2023-10-01-error\""))

        // Dates changed after the check: the paid days are asked for again, nothing saved.
        _ = try await commissioner.get(ExistingContractFixtures.path)
        var stale = try await existingContractForm(reference: "TEST-EX-C", changes: ["start_day": "2023-10-02"])
        stale["checked_schedule"] = "2023-09-04 2023-10-01 2024-01-01 2024-04-01 2024-07-01"
        stale["paid_on[2023-09-04]"] = "2023-10-16"
        stale["step"] = "save"
        let changed = try await commissioner.post(ExistingContractFixtures.path, form: stale)
        XCTAssertEqual(changed.status, .unprocessableEntity)
        XCTAssertTrue(changed.body.string.contains("The payment schedule changed"))

        let count = try await contractCount()
        XCTAssertEqual(count, 0)
        let lines = try await fixturePaymentLineCount()
        XCTAssertEqual(lines, 0)
    }

    func testAReferenceAlreadyTakenIsRefused() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let first = try await recordExistingContract(commissioner, reference: "TEST-EX-D")
        XCTAssertEqual(first.status, .seeOther)
        let again = try await recordExistingContract(commissioner, reference: "TEST-EX-D")
        XCTAssertEqual(again.status, .unprocessableEntity)
        XCTAssertTrue(again.body.string.contains("Another contract already has the reference TEST-EX-D"))
        let count = try await contractCount()
        XCTAssertEqual(count, 1)
    }

    func testOnlyCommissionersMayRecordAndOtherTenantsSeeNothing() async throws {
        for (role, email) in DemoPeople.byRole where role != "commissioner" {
            let browser = try await signedIn(email)
            let page = try await browser.get(ExistingContractFixtures.path)
            XCTAssertEqual(page.status, .forbidden, role)
            let post = try await browser.post(ExistingContractFixtures.path, form: try await existingContractForm(reference: "TEST-EX-\(role)"))
            XCTAssertEqual(post.status, .forbidden, role)
            if role != "partner" && role != "assessor" {
                let list = try await browser.get("/t/west-midlands/contracts").body.string
                XCTAssertFalse(list.contains("/contracts/new"), "\(role) is not offered the form")
            }
        }
        let northmoor = try await signedIn(DemoPeople.northmoorCommissioner)
        let elsewhere = try await northmoor.get(ExistingContractFixtures.path)
        XCTAssertEqual(elsewhere.status, .notFound)
        let count = try await contractCount()
        XCTAssertEqual(count, 0)
    }
}
