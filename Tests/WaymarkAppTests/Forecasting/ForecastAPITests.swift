import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Running and reading scenarios through the API, in the scenario file's own format.
final class ForecastAPITests: AppTestCase {
    func post(_ path: String, token: String, json: String) async throws -> XCTHTTPResponse {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        headers.contentType = .json
        return try await app.testable().sendRequest(HTTPMethod.POST, path, headers: headers, body: ByteBuffer(string: json))
    }

    func get(_ path: String, token: String) async throws -> [String: Any] {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        let response = try await app.testable().sendRequest(HTTPMethod.GET, path, headers: headers)
        XCTAssertEqual(response.status, .ok, response.body.string)
        return try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as! [String: Any]
    }

    func testAScenarioIsCreatedRunAndReadBack() async throws {
        let token = try await apiToken(as: DemoPeople.commissioner)
        let body = #"{"as_of": "2022-09-01", "horizon_months": 6, "shared": true, "scenario": {"name": "Costs rise", "samples": 100, "seed": 3, "uncertainty": {"inflation": {"low": 0.03, "high": 0.06}}}}"#
        let created = try await post("/api/v1/t/west-midlands/scenarios", token: token, json: body)
        XCTAssertEqual(created.status, .accepted, created.body.string)
        let location = try XCTUnwrap(created.headers.first(name: .location))
        await app.jobWorker.waitUntilIdle()
        let read = try await get(location, token: token)
        XCTAssertEqual(read["state"] as? String, "finished")
        XCTAssertEqual(read["name"] as? String, "Costs rise")
        let scenario = try XCTUnwrap(read["scenario"] as? [String: Any])
        XCTAssertNotNil((scenario["uncertainty"] as? [String: Any])?["byStatus"], "the definition keeps the file format's keys")
        let results = try XCTUnwrap(read["results"] as? [String: Any])
        let forecast = try XCTUnwrap(results["scenario"] as? [String: Any])
        XCTAssertEqual((forecast["months"] as? [Any])?.count, 6)
        XCTAssertEqual((forecast["routes"] as? [Any])?.count, 24)
        XCTAssertNotNil(results["what_it_would_take"])

        let list = try await get("/api/v1/t/west-midlands/scenarios", token: token)
        let named = (list["scenarios"] as? [[String: Any]] ?? []).filter { ($0["name"] as? String) == "Costs rise" }
        XCTAssertEqual(named.count, 1)
        let partner = try await apiToken(as: DemoPeople.birminghamPartner)
        let shared = try await get(location, token: partner)
        XCTAssertEqual(shared["name"] as? String, "Costs rise", "a shared scenario is readable by partners")
        let again = try await post(location + "/run", token: partner, json: "{}")
        XCTAssertEqual(again.status, .forbidden, "but not run by them")
        let refused = try await post("/api/v1/t/west-midlands/scenarios", token: partner, json: body)
        XCTAssertEqual(refused.status, .forbidden)
    }

    func testBadScenariosAreRefusedWithTheKeyNamed() async throws {
        let token = try await apiToken(as: DemoPeople.commissioner)
        let cases: [(String, String)] = [
            (#"{"as_of": "2022-09-01", "scenario": {"uncertainty": {"byStatus": {"pledged": 1.4}}}}"#, "uncertainty.byStatus.pledged"),
            (#"{"as_of": "2022-09-01", "scenario": {"interventions": [{"withdrawSource": {"sourceID": "6A1F6D62-0000-0000-0000-000000000000", "from": "2023-04-01"}}]}}"#, "no source has the id"),
            (#"{"as_of": "9999-12-15", "scenario": {}}"#, "as_of"),
            (#"{"as_of": "2022-09-01", "horizon_months": 0, "scenario": {}}"#, "horizon_months"),
            (#"{"as_of": "2022-09-01"}"#, "scenario"),
            (#"{"as_of": "2022-09-01", "scenario": "no renewal"}"#, "scenario: give the scenario as a JSON object"),
            (#"{"as_of": "2022-09-01", "scenario": 5}"#, "scenario: give the scenario as a JSON object"),
            (#"{"as_of": "2022-09-01", "scenario": {"samples": 500000}}"#, "scenario.samples"),
        ]
        for (body, named) in cases {
            let response = try await post("/api/v1/t/west-midlands/scenarios", token: token, json: body)
            XCTAssertEqual(response.status, .badRequest, body)
            XCTAssertTrue(response.body.string.contains(named), "\(body) → \(response.body.string)")
        }
        let count = try await scenarioCount()
        XCTAssertEqual(count, 0, "nothing was saved")
    }
}
