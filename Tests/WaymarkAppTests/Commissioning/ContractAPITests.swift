import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// The contracts API as each role: the pages' data and the pages' visibility.
final class ContractAPITests: AppTestCase {
    var contractID = ""

    override func setUp() async throws {
        try await super.setUp()
        stopClock(at: ContractFixtures.today)
        let award = try await storeContractAward()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let path = try await makeContract(award, reference: "TEST-API", as: commissioner)
        contractID = String(path.split(separator: "/").last!).lowercased()
        let form = try await commissioner.get(path + "/variations/new?kind=extend").body.string
        let varied = try await commissioner.post(path + "/variations/new", form: [
            "kind": "extend", "version": try versionField(form), "new_end": "2024-08-31", "effective_day": "2023-10-02",
            "reason": "Summer holiday club agreed with the schools."])
        XCTAssertEqual(varied.status, .seeOther)
    }

    func json(_ email: String, _ path: String) async throws -> (HTTPStatus, [String: Any]) {
        let browser = try await signedIn(email)
        let response = try await browser.get(path)
        let body = (try? JSONSerialization.jsonObject(with: Data(response.body.string.utf8))) as? [String: Any] ?? [:]
        return (response.status, body)
    }

    func testTheCommissionerReadsAContractWithItsVersionsAndPaymentLines() async throws {
        let (status, body) = try await json(DemoPeople.commissioner, "/api/v1/t/west-midlands/contracts/\(contractID)")
        XCTAssertEqual(status, .ok)
        let contract = try XCTUnwrap(body["contract"] as? [String: Any])
        XCTAssertEqual(contract["reference"] as? String, "TEST-API")
        XCTAssertEqual(contract["value_pence"] as? Int, 9_126_000)
        XCTAssertEqual(contract["end_date"] as? String, "2024-08-31")
        XCTAssertEqual(contract["status"] as? String, "running")
        let versions = try XCTUnwrap(body["versions"] as? [[String: Any]])
        XCTAssertEqual(versions.map { $0["kind"] as? String }, ["original", "extend"])
        XCTAssertEqual(versions[1]["reason"] as? String, "Summer holiday club agreed with the schools.")
        XCTAssertEqual(versions[1]["approved_by"] as? String, "Amara Okafor")
        XCTAssertEqual((versions[0]["terms"] as? [String: Any])?["end_date"] as? String, "2024-07-31")
        let lines = try XCTUnwrap(body["payment_lines"] as? [[String: Any]])
        XCTAssertEqual(lines.count, 5)
        XCTAssertEqual(lines.compactMap { $0["amount_pence"] as? Int }.reduce(0, +), 9_126_000)
        XCTAssertEqual(lines[0]["status"] as? String, "awaiting_returns")
        XCTAssertEqual(lines[0]["awaiting_returns_for"] as? [String], ["2023-09"])
        let terms = try XCTUnwrap(body["terms"] as? [String: Any])
        XCTAssertEqual((terms["routes"] as? [[String: Any]])?.count, 2)
    }

    func testEachRoleSeesWhatThePagesShowThem() async throws {
        let list = "/api/v1/t/west-midlands/contracts", one = "/api/v1/t/west-midlands/contracts/\(contractID)"
        let payments = "/api/v1/t/west-midlands/payments"
        for email in [DemoPeople.finance, DemoPeople.viewer, DemoPeople.provider] {
            let (listStatus, listBody) = try await json(email, list)
            XCTAssertEqual(listStatus, .ok, email)
            let references = (listBody["contracts"] as? [[String: Any]])?.compactMap { $0["reference"] as? String }
            XCTAssertEqual(references?.filter { $0 == "TEST-API" }.count, 1, "this test's contract is listed: \(email)")
            let (oneStatus, _) = try await json(email, one)
            XCTAssertEqual(oneStatus, .ok, email)
            let (_, paymentBody) = try await json(email, payments)
            let lines = (paymentBody["payments"] as? [[String: Any]]) ?? []
            XCTAssertEqual(lines.filter { $0["contract_reference"] as? String == "TEST-API" }.count, 5, email)
        }
        let other = ContractAccessTests.otherProvider
        let (otherList, otherBody) = try await json(other, list)
        XCTAssertEqual(otherList, .ok)
        let otherReferences = (otherBody["contracts"] as? [[String: Any]])?.compactMap { $0["reference"] as? String }
        XCTAssertNotNil(otherReferences)
        XCTAssertFalse(otherReferences?.contains("TEST-API") ?? true, "another provider's contract is not listed")
        let (otherOne, _) = try await json(other, one)
        XCTAssertEqual(otherOne, .notFound)
        let (_, otherPayments) = try await json(other, payments)
        let otherLines = try XCTUnwrap(otherPayments["payments"] as? [[String: Any]])
        XCTAssertEqual(otherLines.filter { $0["contract_reference"] as? String == "TEST-API" }.count, 0, "nor its payment lines")
        let (partner, _) = try await json(DemoPeople.birminghamPartner, list)
        XCTAssertEqual(partner, .forbidden)
        let (northmoor, _) = try await json(DemoPeople.northmoorCommissioner, one)
        XCTAssertEqual(northmoor, .notFound)
        let (ownTenant, ownBody) = try await json(DemoPeople.northmoorCommissioner, "/api/v1/t/northmoor/contracts")
        XCTAssertEqual(ownTenant, .ok)
        let northmoorReferences = try XCTUnwrap((ownBody["contracts"] as? [[String: Any]])?.compactMap { $0["reference"] as? String })
        XCTAssertFalse(northmoorReferences.contains("TEST-API"), "one tenant's contracts never show in another")
    }
}
