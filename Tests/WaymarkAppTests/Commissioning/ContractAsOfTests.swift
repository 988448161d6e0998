import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Contracts read as of a day (DESIGN.md, "Time: as of"): a contract exists from the day it
/// was signed, shows the terms in force on the day, and "as recorded" leaves out what Waymark
/// was told later. The test records its own contract with a known signed day, so the demo's
/// signed days do not matter.
final class ContractAsOfTests: AppTestCase {
    static let reference = "TEST-BHM-2022"

    override func setUp() async throws {
        try await super.setUp()
        stopClock(at: ExistingContractFixtures.today)
    }

    /// Birmingham's BHM-01 keeps its pilot contract (to 31 Oct 2022); the demo's contract from
    /// November 2022 gives way to the test's: signed 24 Oct 2022, from 1 Nov 2022 to 31 Mar 2023.
    func recordSignedInOctober(_ browser: Browser) async throws -> String {
        try await platform { db in
            for record in try await ContractRecord.query(on: db).filter(\.$reference == "ST-BHM-2022-01").all() {
                try await PaymentLineRecord.query(on: db).filter(\.$contractID == record.id!).delete()
                try await ContractVariationRecord.query(on: db).filter(\.$contractID == record.id!).delete()
                try await MonthlyReturnRecord.query(on: db).filter(\.$contractID == record.id!).delete()
                try await record.delete(on: db)
            }
        }
        let response = try await recordExistingContract(browser, reference: Self.reference, changes: [
            "title": "Test chaperones, Birmingham 2022 to 2023", "value": "20,000", "start_day": "2022-11-01", "end_day": "2023-03-31",
            "route_values[WLV-01]": "", "route_values[WLV-02]": "", "route_values[BHM-01]": "20,000", "signed_on": "2022-10-24",
        ])
        XCTAssertEqual(response.status, .seeOther, response.body.string)
        return try XCTUnwrap(response.headers.first(name: .location))
    }

    func testAContractSignedInOctoberDoesNotExistOnTheFirstOfSeptember() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let contract = try await recordSignedInOctober(commissioner)
        let id = String(contract.split(separator: "/").last!)

        let list = try await commissioner.get("/t/west-midlands/contracts?as_of=2022-09-01").body.string
        XCTAssertFalse(list.contains("\(Self.reference)</a>"), "not signed until 24 Oct")
        let signed = try await commissioner.get("/t/west-midlands/contracts?as_of=2022-10-24").body.string
        XCTAssertTrue(signed.contains("\(Self.reference)</a>"), "there from the day it was signed")
        XCTAssertTrue(signed.contains("Not started"))
        let csv = try await commissioner.get("/t/west-midlands/contracts.csv?as_of=2022-09-01").body.string
        XCTAssertFalse(csv.contains(Self.reference))
        let november = try await commissioner.get("/t/west-midlands/contracts.csv?as_of=2022-11-01").body.string
        XCTAssertTrue(november.contains("\(Self.reference),\"Test chaperones, Birmingham 2022 to 2023\""))
        let got1 = try await commissioner.get(contract + "?as_of=2022-09-01")
        XCTAssertEqual(got1.status, .notFound)
        let got2 = try await commissioner.get(contract + "?as_of=2022-10-24")
        XCTAssertEqual(got2.status, .ok)
        let got3 = try await commissioner.get("/api/v1/t/west-midlands/contracts/\(id)?as_of=2022-09-01")
        XCTAssertEqual(got3.status, .notFound)
        let api = try await commissioner.get("/api/v1/t/west-midlands/contracts?as_of=2022-09-01").body.string
        XCTAssertFalse(api.contains(Self.reference))
        let apiSigned = try await commissioner.get("/api/v1/t/west-midlands/contracts?as_of=2022-10-24").body.string
        XCTAssertTrue(apiSigned.contains(Self.reference))
        let payments = try await commissioner.get("/t/west-midlands/payments.csv?as_of=2022-09-01").body.string
        XCTAssertFalse(payments.contains(Self.reference), "its payment lines neither")
    }

    func testTheFirstOfSeptemberDashboardNoLongerCitesIt() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        _ = try await recordSignedInOctober(commissioner)
        let september = try await commissioner.get("/t/west-midlands/routes/BHM-01?as_of=2022-09-01").body.string
        XCTAssertFalse(september.contains("Contract ends 31 Mar 2023"), "no reason cites a contract not yet signed")
        XCTAssertFalse(september.contains("Contract runs to 31 Mar 2023"))
        let dashboard = try await commissioner.get("/t/west-midlands/dashboard?as_of=2022-09-01").body.string
        XCTAssertFalse(dashboard.contains("Contract ends 31 Mar 2023"))
        XCTAssertFalse(dashboard.contains("Contract runs to 31 Mar 2023"))
        let november = try await commissioner.get("/t/west-midlands/routes/BHM-01?as_of=2022-11-01").body.string
        XCTAssertTrue(november.contains("Contract ends 31 Mar 2023"), "once signed, its end is a delivery reason")
    }

    func testAsRecordedLeavesOutAContractRecordedLaterWithAPastSignedDay() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let contract = try await recordSignedInOctober(commissioner)
        let asOf = try await commissioner.get("/t/west-midlands/contracts.csv?as_of=2022-11-01").body.string
        XCTAssertTrue(asOf.contains(Self.reference), "as of 1 Nov 2022: signed by then, however late it was typed in")
        let asRecorded = try await commissioner.get("/t/west-midlands/contracts.csv?as_recorded=2022-11-01").body.string
        XCTAssertFalse(asRecorded.contains(Self.reference), "as recorded on 1 Nov 2022: Waymark was told in April 2024")
        let got4 = try await commissioner.get(contract + "?as_recorded=2022-11-01")
        XCTAssertEqual(got4.status, .notFound)
        let got5 = try await commissioner.get(contract + "?as_recorded=2024-04-10")
        XCTAssertEqual(got5.status, .ok)
        let route = try await commissioner.get("/t/west-midlands/routes/BHM-01?as_of=2022-11-01").body.string
        XCTAssertTrue(route.contains("Contract ends 31 Mar 2023"))
        let api = try await commissioner.get("/api/v1/t/west-midlands/routes?as_recorded=2022-11-01").body.string
        XCTAssertFalse(api.contains("Contract ends 31 Mar 2023"), "nor do the delivery reasons as recorded then")
    }

    func testAPaidOnDayInTheFutureIsRefusedNamingTheField() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let contract = try await recordSignedInOctober(commissioner)
        let line = try await paymentLines(contractPath: contract)[0]
        let errors = try await markPaid(contract, line: line, on: "2030-01-15", approving: true)
        XCTAssertEqual(errors.map(\.message), ["Paid on: 15 Jan 2030 is in the future: give the day it happened, today at the latest"])
        XCTAssertEqual(errors.map(\.field), ["paid_on-\(line.id!.uuidString)"])
        let finance = try await signedIn(DemoPeople.finance)
        let response = try await finance.post(contract + "/payments/\(line.id!.uuidString)/paid",
                                              form: ["paid_on": "2030-01-15", "version": "1"])
        XCTAssertEqual(response.status, .unprocessableEntity)
        XCTAssertTrue(response.body.string.contains("Paid on: 15 Jan 2030 is in the future"))
        let after = try await paymentLines(contractPath: contract)[0]
        XCTAssertNil(after.paidOn, "nothing saved")
    }
}

extension AppTestCase {
    /// Gives a stored contract a signed day, as if it had been recorded with one.
    func setSignedOn(_ contractPath: String, _ day: String) async throws {
        let id = UUID(uuidString: String(contractPath.split(separator: "/").last!))!
        try await platform { db in
            guard let record = try await ContractRecord.find(id, on: db) else { throw TestFailure("no such contract") }
            record.signedOn = day
            try await record.update(on: db)
        }
    }
}
