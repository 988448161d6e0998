import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Recording a contract let before Waymark through the API: the form's fields and checks in
/// one request, for commissioners only.
final class ExistingContractAPITests: AppTestCase {
    override func setUp() async throws {
        try await super.setUp()
        stopClock(at: ExistingContractFixtures.today)
    }

    func post(_ body: [String: Any], token: String) async throws -> (HTTPStatus, [String: Any]) {
        var status: HTTPStatus = .internalServerError
        var json: [String: Any] = [:]
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        headers.contentType = .json
        let data = try JSONSerialization.data(withJSONObject: body)
        try await app.test(.POST, "/api/v1/t/west-midlands/contracts", headers: headers, body: ByteBuffer(data: data)) { response in
            status = response.status
            json = (try? JSONSerialization.jsonObject(with: Data(response.body.string.utf8))) as? [String: Any] ?? [:]
        }
        return (status, json)
    }

    func body(_ reference: String) async throws -> [String: Any] {
        ["reference": reference, "title": "Test Together by API", "provider": try await organisationID(ContractFixtures.lanternway),
         "value": "91260", "start_day": "2023-09-04", "end_day": "2024-07-31", "kpis": "Route staffed on 98% of school days",
         "route_values": ["WLV-01": "45630", "WLV-02": "45630"], "how_let": "framework_call_off", "signed_on": "2023-08-21",
         "paid_on": ["2023-09-04": "2023-10-16"]]
    }

    func testACommissionerRecordsAContractAndEveryProblemIsListed() async throws {
        let token = try await apiToken(as: DemoPeople.commissioner)
        let (status, json) = try await post(try await body("TEST-API-EX"), token: token)
        XCTAssertEqual(status, .created, "\(json)")
        let lines = json["payment_lines"] as? [[String: Any]] ?? []
        XCTAssertEqual(lines.map { $0["status"] as? String }, ["paid", "awaiting_returns", "awaiting_returns", "awaiting_returns", "awaiting_returns"])

        var bad = try await body("TEST-API-EX")
        bad["how_let"] = "awarded_in_waymark"
        bad["paid_on"] = ["2023-09-05": "2023-10-16", "2023-10-01": "2099-01-01"]
        let (refused, problems) = try await post(bad, token: token)
        XCTAssertEqual(refused, .unprocessableEntity)
        let fields = (problems["problems"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
        XCTAssertEqual(Set(fields), ["reference", "how_let", "schedule", "paid_on-2023-10-01"], "\(problems)")
        let count = try await contractCount()
        XCTAssertEqual(count, 1)
    }

    func testOthersMayNot() async throws {
        let token = try await apiToken(as: DemoPeople.finance)
        let (status, _) = try await post(try await body("TEST-API-NO"), token: token)
        XCTAssertEqual(status, .forbidden)
        let count = try await contractCount()
        XCTAssertEqual(count, 0)
    }
}
