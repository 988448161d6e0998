import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Returns read as of a day (DESIGN.md, "Time: as of"): October 2023's return, due 14 Nov,
/// is submitted late on 16 Nov and approved on 20 Nov. Each screen answers as it stood on
/// the day asked about: overdue on the 15th, awaiting review on the 16th, approved on the 20th.
final class ReturnAsOfTests: AppTestCase {
    var contract = ""

    override func setUp() async throws {
        try await super.setUp()
        // The demo's contracts on WLV-01 and WLV-02 would add their own October figures.
        try await removeDemoContracts(servingAnyOf: ["WLV-01", "WLV-02"])
        app.clock.set(ReturnFixtures.today)
        contract = try await returnsContract()
    }

    func submitOn16thApproveOn20th() async throws {
        let october = ReturnFixtures.october
        app.clock.set(ContractFixtures.instant(2023, 11, 16, hour: 10))
        let provider = try await signedIn(DemoPeople.provider)
        let days = try await templateSchoolDays(provider, contract, october)
        let form = try await provider.get(returnPath(contract, october, "/form")).body.string
        let submitted = try await provider.post(returnPath(contract, october, "/form"), form: returnForm(days, version: try versionField(form)))
        XCTAssertEqual(submitted.status, .seeOther, submitted.body.string)
        app.clock.set(ContractFixtures.instant(2023, 11, 20, hour: 10))
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let page = try await commissioner.get(returnPath(contract, october)).body.string
        let approved = try await commissioner.post(returnPath(contract, october, "/review"), form: ["step": "approve", "version": try versionField(page)])
        XCTAssertEqual(approved.status, .seeOther, approved.body.string)
        app.clock.set(ContractFixtures.instant(2023, 12, 1, hour: 10))
    }

    /// October's entry in the returns API on `day`.
    func listed(_ browser: Browser, _ day: String) async throws -> [String: Any]? {
        let response = try await browser.get("/api/v1/t/west-midlands/returns?as_of=\(day)")
        XCTAssertEqual(response.status, .ok)
        let body = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as? [String: Any])
        return (body["returns"] as? [[String: Any]])?.first {
            $0["contract_reference"] as? String == ReturnFixtures.reference && $0["month"] as? String == ReturnFixtures.october
        }
    }

    func testEachScreenAnswersAsTheReturnStoodThatDay() async throws {
        try await submitOn16thApproveOn20th()
        let commissioner = try await signedIn(DemoPeople.commissioner)

        let on15th = try await listed(commissioner, "2023-11-15")
        XCTAssertEqual(on15th?["status"] as? String, "not_started", "not yet submitted on the 15th")
        XCTAssertEqual(on15th?["timeliness"] as? String, "Overdue by 1 day")
        let on16th = try await listed(commissioner, "2023-11-16")
        XCTAssertEqual(on16th?["status"] as? String, "submitted")
        let on19th = try await listed(commissioner, "2023-11-19")
        XCTAssertEqual(on19th?["status"] as? String, "submitted", "not yet approved on the 19th")
        let on20th = try await listed(commissioner, "2023-11-20")
        XCTAssertEqual(on20th?["status"] as? String, "approved")

        let overdue = try await commissioner.get("/t/west-midlands/returns?show=overdue&as_of=2023-11-15").body.string
        XCTAssertTrue(overdue.contains("October 2023"), "overdue as it was on the 15th")
        let overdueNow = try await commissioner.get("/t/west-midlands/returns?show=overdue").body.string
        XCTAssertTrue(overdueNow.contains("September 2023"), "September was never filed")
        XCTAssertFalse(overdueNow.contains("October 2023"), "in since the 16th")

        let page15 = try await commissioner.get(returnPath(contract, ReturnFixtures.october) + "?as_of=2023-11-15").body.string
        XCTAssertTrue(page15.contains("Not started"))
        XCTAssertFalse(page15.contains("name=\"step\""), "no review on a past day")
        let page16 = try await commissioner.get(returnPath(contract, ReturnFixtures.october) + "?as_of=2023-11-16").body.string
        XCTAssertTrue(page16.contains("Awaiting review"))
        let page20 = try await commissioner.get(returnPath(contract, ReturnFixtures.october) + "?as_of=2023-11-20").body.string
        XCTAssertTrue(page20.contains("Approved"))
        let api19 = try await commissioner.get("/api/v1/t/west-midlands/contracts/\(contract)/returns/\(ReturnFixtures.october)?as_of=2023-11-19").body.string
        XCTAssertTrue(api19.contains("\"status\":\"submitted\""), api19)

        // The delivery dashboard counts approved figures only: approved by the day.
        let csv19 = try await commissioner.get("/t/west-midlands/delivery.csv?as_of=2023-11-19").body.string
        XCTAssertFalse(csv19.contains("2023-10,WLV-01"), "not approved on the 19th")
        let csv20 = try await commissioner.get("/t/west-midlands/delivery.csv?as_of=2023-11-20").body.string
        XCTAssertTrue(csv20.contains("2023-10,WLV-01"), "approved on the 20th")
    }

    func testAPaymentLineIsPayableFromTheDayItsReturnsWereApproved() async throws {
        // The first line covers 4 to 30 September: payable once September's return is approved, on the 21st.
        app.clock.set(ContractFixtures.instant(2023, 11, 21, hour: 10))
        try await fileAndApprove(contract, ReturnFixtures.september)
        app.clock.set(ContractFixtures.instant(2023, 12, 1, hour: 10))
        let finance = try await signedIn(DemoPeople.finance)
        func firstLine(_ day: String) async throws -> String {
            let csv = try await finance.get("/t/west-midlands/payments.csv?as_of=\(day)").body.string
            return String(csv.split(separator: "\r\n").first { $0.hasPrefix("\(ReturnFixtures.reference),Lanternway Youth Trust,1,") } ?? "")
        }
        let before = try await firstLine("2023-11-20")
        XCTAssertTrue(before.contains(",awaiting_returns,2023-09,"), before)
        let after = try await firstLine("2023-11-21")
        XCTAssertTrue(after.contains(",payable,"), after)
    }
}
