import XCTVapor
@testable import WaymarkApp

/// Issue 16, finding 9: the API keeps the rules its OpenAPI document states.
final class APIContractTests: AppTestCase {
    func get(_ browser: Browser, _ path: String) async throws -> (HTTPStatus, String) {
        let response = try await browser.get(path)
        return (response.status, response.body.string)
    }

    func testQueryValuesAreGivenOnceAndNeverEmpty() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let (empty, emptyBody) = try await get(commissioner, "/api/v1/t/west-midlands/allocations?as_of=")
        XCTAssertEqual(empty, .badRequest)
        XCTAssertTrue(emptyBody.contains("as_of: give a value, or leave it out"), emptyBody)
        let (twice, twiceBody) = try await get(commissioner, "/api/v1/t/west-midlands/routes?status=active&status=closed")
        XCTAssertEqual(twice, .badRequest)
        XCTAssertTrue(twiceBody.contains("status: give it once"), twiceBody)
        let (unknown, unknownBody) = try await get(commissioner, "/api/v1/t/west-midlands/routes?status=null")
        XCTAssertEqual(unknown, .badRequest)
        XCTAssertTrue(unknownBody.contains("status: 'null' is not one of proposed, active, paused, closed"), unknownBody)
        let (fine, _) = try await get(commissioner, "/api/v1/t/west-midlands/routes?status=active&as_of=2022-09-01")
        XCTAssertEqual(fine, .ok)
        let (page, _) = try await get(commissioner, "/t/west-midlands/routes?as_of=")
        XCTAssertEqual(page, .ok, "pages' forms send empty fields, and that is today")
    }

    func testAMethodThePathDoesNotTakeIs405() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let response = try await commissioner.send(.TRACE, "/api/v1/t/west-midlands/scenarios")
        XCTAssertEqual(response.status, .methodNotAllowed)
        XCTAssertEqual(response.headers.first(name: .allow), "GET, POST")
        let nowhere = try await commissioner.send(.TRACE, "/api/v1/t/west-midlands/nothing-here")
        XCTAssertEqual(nowhere.status, .notFound)
    }

    func testInstantsAreRFC3339AndTheDocumentStatesTheDateRange() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let (_, list) = try await get(commissioner, "/api/v1/t/west-midlands/scenarios")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [String: Any])
        let scenarios = try XCTUnwrap(json["scenarios"] as? [[String: Any]])
        XCTAssertFalse(scenarios.isEmpty)
        for scenario in scenarios {
            let updated = try XCTUnwrap(scenario["updated_at"] as? String, "a string, not seconds")
            XCTAssertNotNil(ISO8601DateFormatter().date(from: updated), updated)
        }
        let (_, document) = try await get(browser(), "/api/v1/openapi.json")
        XCTAssertTrue(document.contains(OpenAPIRules.datePattern.replacingOccurrences(of: "\\", with: "\\\\")), "every date has its range")
        XCTAssertTrue(document.contains("\"covered_without_extra\""))
        XCTAssertTrue(document.contains("\"allowEmptyValue\":false"))
    }

    func testABodyMemberTheDocumentDoesNotDeclareIsRefusedByName() async throws {
        let token = try await apiToken(as: DemoPeople.commissioner)
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        headers.contentType = .json
        let before = try await platform { db in try await ForecastScenarioRecord.query(on: db).count() }
        let body = #"{"as_of": "2022-09-01", "scenario": {}, "run": false, "colour": "blue"}"#
        let response = try await app.testable().sendRequest(.POST, "/api/v1/t/west-midlands/scenarios", headers: headers,
                                                            body: ByteBuffer(string: body))
        XCTAssertEqual(response.status, .badRequest)
        XCTAssertTrue(response.body.string.contains("colour: not a member of this request's body"), response.body.string)
        let after = try await platform { db in try await ForecastScenarioRecord.query(on: db).count() }
        XCTAssertEqual(after, before, "nothing was saved")
    }
}
