import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// The returns API: a provider submits JSON checked by the form's rules; every role reads
/// what its pages show it.
final class ReturnsAPITests: AppTestCase {
    var contract = ""

    override func setUp() async throws {
        try await super.setUp()
        app.clock.set(ReturnFixtures.today)
        contract = try await returnsContract()
    }

    func call(_ method: HTTPMethod, _ path: String, token: String, body: [String: Any]? = nil) async throws -> (HTTPStatus, [String: Any]) {
        var status: HTTPStatus = .internalServerError
        var json: [String: Any] = [:]
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        headers.contentType = .json
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        try await app.test(method, path, headers: headers, body: data.map { ByteBuffer(data: $0) }) { response in
            status = response.status
            json = (try? JSONSerialization.jsonObject(with: Data(response.body.string.utf8))) as? [String: Any] ?? [:]
        }
        return (status, json)
    }

    func submission(version: Int, delivered: Int = 33, routes: [String] = ["WLV-01", "WLV-02"]) -> [String: Any] {
        ["version": version, "narrative": "Filed through the API.",
         "lines": routes.map { code in
             ["route_code": code, "chaperone_hours": 130.5,
              "counts": ["sessions_delivered": delivered, "young_people_engaged": 100, "staff_on_route": 2, "staff_checks_in_date": 2]] as [String: Any]
         }]
    }

    func testAProviderSubmitsJSONCheckedLikeTheForm() async throws {
        let token = try await apiToken(as: DemoPeople.provider)
        let path = "/api/v1/t/west-midlands/contracts/\(contract.lowercased())/returns/\(ReturnFixtures.october)"
        let (readStatus, before) = try await call(.GET, path, token: token)
        XCTAssertEqual(readStatus, .ok)
        XCTAssertEqual(before["status"] as? String, "not_started")
        XCTAssertEqual((before["expected_routes"] as? [[String: Any]])?.compactMap { $0["school_days"] as? Int }, [17, 17])

        var bad = submission(version: 0, delivered: 35, routes: ["WLV-01", "WLV-02", "BHM-01"])
        bad["narrative"] = ""
        let (badStatus, refusal) = try await call(.POST, path, token: token, body: bad)
        XCTAssertEqual(badStatus, .unprocessableEntity)
        let messages = (refusal["problems"] as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
        XCTAssertTrue(messages.contains("BHM-01 is not one of this contract's routes in October 2023"), "\(messages)")
        XCTAssertTrue(messages.contains("WLV-01: 35 sessions delivered is more than the 34 planned (17 school days, 2 a day)"), "\(messages)")
        XCTAssertTrue(messages.contains("Write a short narrative of the month"), "\(messages)")
        let nothing = try await storedReturn(contract, ReturnFixtures.october)
        XCTAssertNil(nothing, "nothing saved")

        var personal = submission(version: 0)
        personal["narrative"] = "Filed through the API. DOB 3 April 2011 for the lad we helped."
        let (held, warning) = try await call(.POST, path, token: token, body: personal)
        XCTAssertEqual(held, .unprocessableEntity)
        XCTAssertTrue(((warning["problems"] as? [[String: Any]])?.first?["message"] as? String ?? "").contains("a date of birth (DOB 3 April 2011)"))
        let (created, body) = try await call(.POST, path, token: token, body: submission(version: 0))
        XCTAssertEqual(created, .created)
        XCTAssertEqual(body["status"] as? String, "submitted")
        let versions = try XCTUnwrap(body["versions"] as? [[String: Any]])
        XCTAssertEqual(versions.first?["channel"] as? String, "api")
        let lines = try XCTUnwrap(versions.first?["lines"] as? [[String: Any]])
        XCTAssertEqual((lines.first?["counts"] as? [String: Any])?["sessions_delivered"] as? Int, 33)
        let (again, _) = try await call(.POST, path, token: token, body: submission(version: 1))
        XCTAssertEqual(again, .unprocessableEntity, "awaiting review: it cannot be changed")

        let (listStatus, list) = try await call(.GET, "/api/v1/t/west-midlands/returns", token: token)
        XCTAssertEqual(listStatus, .ok)
        let october = (list["returns"] as? [[String: Any]])?.first {
            $0["month"] as? String == "2023-10" && $0["contract_reference"] as? String == ReturnFixtures.reference
        }
        XCTAssertEqual(october?["status"] as? String, "submitted")
        XCTAssertEqual(october?["due_date"] as? String, "2023-11-14")
    }

    func testWhoMayReadAndSubmit() async throws {
        let path = "/api/v1/t/west-midlands/contracts/\(contract)/returns/\(ReturnFixtures.october)"
        let other = try await apiToken(as: ContractAccessTests.otherProvider)
        let (otherRead, _) = try await call(.GET, path, token: other)
        XCTAssertEqual(otherRead, .notFound)
        let (otherPost, _) = try await call(.POST, path, token: other, body: submission(version: 0))
        XCTAssertEqual(otherPost, .notFound)
        let commissioner = try await apiToken(as: DemoPeople.commissioner)
        let (commissionerRead, _) = try await call(.GET, path, token: commissioner)
        XCTAssertEqual(commissionerRead, .ok)
        let (commissionerPost, _) = try await call(.POST, path, token: commissioner, body: submission(version: 0))
        XCTAssertEqual(commissionerPost, .forbidden, "commissioners review returns; they do not file them")
        let assessor = try await apiToken(as: DemoPeople.assessor)
        let (assessorList, _) = try await call(.GET, "/api/v1/t/west-midlands/returns", token: assessor)
        XCTAssertEqual(assessorList, .forbidden)
        let stored = try await storedReturn(contract, ReturnFixtures.october)
        XCTAssertNil(stored)
    }
}
