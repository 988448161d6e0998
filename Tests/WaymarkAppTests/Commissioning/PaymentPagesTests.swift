import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Payment schedules: every line awaits approved monthly returns (which do not exist yet), so
/// finance cannot mark one paid through the pages; the paid path itself is reached through
/// the app's marking with returns approved by the test.
final class PaymentPagesTests: AppTestCase {
    var contract = ""

    override func setUp() async throws {
        try await super.setUp()
        stopClock(at: ContractFixtures.today)
        let award = try await storeContractAward()
        contract = try await makeContract(award, reference: "TEST-PAY")
    }

    func testMarkingPaidIsRefusedWhileReturnsAreAwaited() async throws {
        let line = try await paymentLines(contractPath: contract)[0]
        let finance = try await signedIn(DemoPeople.finance)
        let page = try await finance.get(contract).body.string
        XCTAssertFalse(page.contains("Mark paid"), "no line is payable, so no form is offered")
        let response = try await finance.post(contract + "/payments/\(line.id!.uuidString)/paid",
                                              form: ["paid_on": "2023-10-05", "version": "1"])
        XCTAssertEqual(response.status, .unprocessableEntity)
        XCTAssertTrue(response.body.string.contains("The monthly return for September 2023 has not been approved yet"))
        XCTAssertTrue(response.body.string.contains("href=\"#line-\(line.id!.uuidString)\""), "the summary links to the line")
        XCTAssertTrue(openingTag(response.body.string, id: "line-\(line.id!.uuidString)").contains("tabindex=\"-1\""), "which takes focus")
        let after = try await paymentLines(contractPath: contract)[0]
        XCTAssertNil(after.paidOn)
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let notFinance = try await commissioner.post(contract + "/payments/\(line.id!.uuidString)/paid", form: ["paid_on": "2023-10-05"])
        XCTAssertEqual(notFinance.status, .forbidden, "only finance records payments")
    }

    func testALineIdInLowerCaseFindsItsLine() async throws {
        let line = try await paymentLines(contractPath: contract)[0]
        let finance = try await signedIn(DemoPeople.finance)
        let lower = line.id!.uuidString.lowercased()
        let response = try await finance.post(contract + "/payments/\(lower)/paid", form: ["paid_on": "2023-10-05", "version": "1"])
        XCTAssertEqual(response.status, .unprocessableEntity, "the line is found, and refused for its awaited returns (not 404)")
        XCTAssertTrue(response.body.string.contains("The monthly return for September 2023 has not been approved yet"))
        let unknown = try await finance.post(contract + "/payments/\(UUID().uuidString.lowercased())/paid", form: ["paid_on": "2023-10-05"])
        XCTAssertEqual(unknown.status, .notFound)
        let garbled = try await finance.post(contract + "/payments/not-an-id/paid", form: ["paid_on": "2023-10-05"])
        XCTAssertEqual(garbled.status, .notFound)
    }

    func testThePaidPathOnceReturnsAreApproved() async throws {
        let lines = try await paymentLines(contractPath: contract)
        stopClock(at: ContractFixtures.afterFirstPayment)   // a payment is recorded on or after the day it was made
        let early = try await markPaid(contract, line: lines[0], on: "2023-09-29", approving: true)
        XCTAssertEqual(early.map(\.message), ["Q2 2023/24 is paid in arrears: the payment date must be after its period ends on 30 Sep 2023"])
        let paid = try await markPaid(contract, line: lines[0], on: "2023-10-05", approving: true)
        XCTAssertEqual(paid, [])
        let again = try await markPaid(contract, line: lines[0], on: "2023-10-06", approving: true)
        XCTAssertEqual(again.map(\.message), ["Q2 2023/24 was already paid on 5 Oct 2023"])
        let finance = try await signedIn(DemoPeople.finance)
        let page = try await finance.get(contract).body.string
        XCTAssertTrue(page.contains("Paid on 5 Oct 2023, recorded by Gareth Pryce"))
        let actions = try await auditActions()
        XCTAssertTrue(actions.contains("payment.paid"))
        let csv = try await finance.get(contract + "/payments.csv").body.string
        XCTAssertTrue(csv.contains("TEST-PAY,Lanternway Youth Trust,1,Q2 2023/24,2023-09-04,2023-09-30,"))
        XCTAssertTrue(csv.contains(",paid,,2023-10-05,Gareth Pryce"))
    }

    func testThePaymentsPageListsEveryLineWithItsStatusAndDownloads() async throws {
        // The demo's contracts have payable and paid lines of their own; this is about the test's.
        try await removeDemoContracts()
        let finance = try await signedIn(DemoPeople.finance)
        let page = try await finance.get("/t/west-midlands/payments")
        XCTAssertEqual(page.status, .ok)
        let html = page.body.string
        XCTAssertTrue(html.contains("No payment is payable"))
        XCTAssertTrue(html.contains("Awaiting returns for Oct 2023, Nov 2023 and Dec 2023"))
        let csv = try await finance.get("/t/west-midlands/payments.csv")
        XCTAssertEqual(csv.headers.contentType?.description, "text/csv; charset=utf-8")
        let rows = csv.body.string.split(separator: "\r\n")
        XCTAssertTrue(rows[0].hasSuffix("contract_reference,provider,line,quarter,start_day,end_day,amount,status,awaiting_returns_for,paid_on,paid_by"))
        let testLines = rows.filter { $0.hasPrefix("TEST-PAY,") }
        XCTAssertEqual(testLines.count, 5, "five quarters of this test's contract")
        XCTAssertTrue(testLines[1].contains("awaiting_returns,2023-10 2023-11 2023-12"))
    }

    func testTheContractsListAndItsCSV() async throws {
        try await setSignedOn(contract, "2023-07-20")
        let viewer = try await signedIn(DemoPeople.viewer)
        let list = try await viewer.get("/t/west-midlands/contracts").body.string
        XCTAssertTrue(list.contains("TEST-PAY"))
        XCTAssertTrue(list.contains("Running"))
        let csv = try await viewer.get("/t/west-midlands/contracts.csv").body.string
        XCTAssertTrue(csv.contains("reference,title,provider,routes,value,start_day,end_day,status,as_of"))
        XCTAssertTrue(csv.contains("TEST-PAY,Test Together Wolverhampton 2023/24,Lanternway Youth Trust,WLV-01 WLV-02,91260.00,2023-09-04,2024-07-31,running,2023-10-02"))
        stopClock(at: ContractFixtures.instant(2023, 8, 1))
        let before = try await viewer.get("/t/west-midlands/contracts.csv").body.string
        XCTAssertTrue(before.contains(",not_started,2023-08-01"))
        stopClock(at: ContractFixtures.instant(2024, 9, 1))
        let after = try await viewer.get("/t/west-midlands/contracts.csv").body.string
        XCTAssertTrue(after.contains(",ended,2024-09-01"))
    }

    func testContractPagesReadAsOfTheDayAsked() async throws {
        try await setSignedOn(contract, "2023-08-15")
        let viewer = try await signedIn(DemoPeople.viewer)
        let today = try await viewer.get(contract).body.string
        XCTAssertTrue(today.contains(">Running</strong>"), "the stopped clock's day by default")
        let before = try await viewer.get(contract + "?as_of=2023-09-03")
        XCTAssertEqual(before.status, .ok)
        XCTAssertTrue(before.body.string.contains(">Not started</strong>"), "the day before it starts")
        let after = try await viewer.get(contract + "?as_of=2024-08-01").body.string
        XCTAssertTrue(after.contains(">Ended</strong>"), "the day after it ends")
        let list = try await viewer.get("/t/west-midlands/contracts?as_of=2023-09-03").body.string
        XCTAssertTrue(list.contains("where it stands on 3 Sep 2023"))
        let csv = try await viewer.get("/t/west-midlands/contracts.csv?as_of=2024-08-01").body.string
        XCTAssertTrue(csv.contains("TEST-PAY,Test Together Wolverhampton 2023/24,Lanternway Youth Trust,WLV-01 WLV-02,91260.00,2023-09-04,2024-07-31,ended,2024-08-01"))
        let bad = try await viewer.get(contract + "?as_of=yesterday")
        XCTAssertEqual(bad.status, .badRequest)
        let id = String(contract.split(separator: "/").last!)
        let api = try await viewer.get("/api/v1/t/west-midlands/contracts?as_of=2023-09-03")
        let body = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(api.body.string.utf8)) as? [String: Any])
        XCTAssertEqual(body["as_of"] as? String, "2023-09-03")
        let listed = (body["contracts"] as? [[String: Any]])?.first { $0["reference"] as? String == "TEST-PAY" }
        XCTAssertEqual(listed?["status"] as? String, "not_started")
        let one = try await viewer.get("/api/v1/t/west-midlands/contracts/\(id)?as_of=2024-08-01")
        let oneBody = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(one.body.string.utf8)) as? [String: Any])
        XCTAssertEqual((oneBody["contract"] as? [String: Any])?["status"] as? String, "ended")
    }

    func testPaymentsAsOfADayBeforeAPaymentShowItUnpaid() async throws {
        let lines = try await paymentLines(contractPath: contract)
        stopClock(at: ContractFixtures.afterFirstPayment)   // a payment is recorded on or after the day it was made
        let paid = try await markPaid(contract, line: lines[0], on: "2023-10-05", approving: true)
        XCTAssertEqual(paid, [])
        let finance = try await signedIn(DemoPeople.finance)
        let now = try await finance.get("/t/west-midlands/payments.csv").body.string
        XCTAssertTrue(now.contains(",paid,,2023-10-05,Gareth Pryce"), "every recorded payment when no day is asked about")
        let before = try await finance.get("/t/west-midlands/payments.csv?as_of=2023-10-04").body.string
        let line = before.split(separator: "\r\n").first { $0.hasPrefix("TEST-PAY,Lanternway Youth Trust,1,") }
        XCTAssertEqual(line.map { $0.contains(",paid,") }, false, "not yet paid on 4 Oct")
        let page = try await finance.get("/t/west-midlands/payments?as_of=2023-10-04").body.string
        XCTAssertTrue(page.contains("As Waymark knew it on 4 Oct 2023"))
        XCTAssertFalse(page.contains("Paid on 5 Oct 2023"))
        let contractPage = try await finance.get(contract + "?as_of=2023-10-04").body.string
        XCTAssertFalse(contractPage.contains("Paid on 5 Oct 2023"))
        let api = try await finance.get("/api/v1/t/west-midlands/payments?as_of=2023-10-05").body.string
        XCTAssertTrue(api.contains("\"paid_on\":\"2023-10-05\""), "paid by the day it was paid")
    }
}
