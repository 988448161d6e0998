import Fluent
import XCTVapor
@testable import WaymarkApp

final class APITests: AppTestCase {
    /// Creates a token through the page, as a person would, and returns it.
    func makeToken(as email: String, tenant: String = "west-midlands") async throws -> (Browser, String) {
        let browser = try await signedIn(email)
        let page = try await browser.post("/t/\(tenant)/tokens", form: ["name": "Test spreadsheet"])
        XCTAssertEqual(page.status, .ok)
        let html = page.body.string
        guard let start = html.range(of: "id=\"new-token\">")?.upperBound, let end = html[start...].firstIndex(of: "<") else {
            throw TestFailure("the new token is shown once on the page")
        }
        return (browser, String(html[start..<end]))
    }

    func bearer(_ token: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        return headers
    }

    func testRoutesAsJSONWithSnakeCaseByToken() async throws {
        let (_, token) = try await makeToken(as: DemoPeople.viewer)
        let list = try await browser().get("/api/v1/t/west-midlands/routes", headers: bearer(token))
        XCTAssertEqual(list.status, .ok)
        let json = try JSONSerialization.jsonObject(with: Data(list.body.string.utf8)) as! [String: Any]
        XCTAssertEqual(json["count"] as? Int, 24)
        let first = (json["routes"] as! [[String: Any]])[0]
        XCTAssertEqual(first["code"] as? String, "BHM-01")
        XCTAssertNotNil(first["children_per_day"])
        XCTAssertNotNil(first["local_authority"])

        let one = try await browser().get("/api/v1/t/west-midlands/routes/WLV-02", headers: bearer(token))
        let route = try JSONSerialization.jsonObject(with: Data(one.body.string.utf8)) as! [String: Any]
        XCTAssertEqual((route["local_authority"] as? [String: Any])?["gss_code"] as? String, "E08000031")
        XCTAssertEqual(((route["costs"] as? [[String: Any]])?.first?["daily_cost_pence"]) as? Int, 23_400)
        XCTAssertGreaterThan((route["path"] as? [Any])?.count ?? 0, 5)
    }

    func testTheSessionWorksTooAndNothingWithoutEither() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let viaSession = try await browser.get("/api/v1/t/west-midlands/routes/BHM-01")
        XCTAssertEqual(viaSession.status, .ok)
        let anonymous = try await self.browser().get("/api/v1/t/west-midlands/routes")
        XCTAssertEqual(anonymous.status, .unauthorized)
        XCTAssertTrue(anonymous.body.string.contains("\"status\":401"))
        XCTAssertEqual(anonymous.headers.first(name: .wwwAuthenticate), "Bearer")
        let madeUp = try await self.browser().get("/api/v1/t/west-midlands/routes", headers: bearer("wmk_not-a-real-token"))
        XCTAssertEqual(madeUp.status, .unauthorized)
    }

    func testATokenWorksForItsOwnTenantOnly() async throws {
        let (_, token) = try await makeToken(as: DemoPeople.northmoorCommissioner, tenant: "northmoor")
        let own = try await browser().get("/api/v1/t/northmoor/routes", headers: bearer(token))
        XCTAssertEqual(own.status, .ok)
        let other = try await browser().get("/api/v1/t/west-midlands/routes", headers: bearer(token))
        XCTAssertEqual(other.status, .unauthorized)
        XCTAssertFalse(other.body.string.contains("BHM-01"))
    }

    func testAPartnersTokenSeesOnlyTheirAuthority() async throws {
        let (_, token) = try await makeToken(as: DemoPeople.birminghamPartner)
        let list = try await browser().get("/api/v1/t/west-midlands/routes", headers: bearer(token))
        XCTAssertTrue(list.body.string.contains("BHM-01"))
        XCTAssertFalse(list.body.string.contains("WLV-01"))
        let hidden = try await browser().get("/api/v1/t/west-midlands/routes/WLV-01", headers: bearer(token))
        XCTAssertEqual(hidden.status, .notFound)
    }

    func testRevokedTokensStopWorkingAndAreStoredHashed() async throws {
        let (browser, token) = try await makeToken(as: DemoPeople.finance)
        let stored = try await app.platformDB { db in try await APIToken.query(on: db).first()! }
        XCTAssertNotEqual(stored.tokenHash, token)
        XCTAssertFalse(stored.tokenHash.contains(token))
        let list = try await browser.get("/t/west-midlands/tokens")
        XCTAssertFalse(list.body.string.contains(token), "shown once, never again")
        let revoked = try await browser.post("/t/west-midlands/tokens/\(stored.id!.uuidString)/revoke", form: [:])
        XCTAssertEqual(revoked.status, .seeOther)
        let after = try await self.browser().get("/api/v1/t/west-midlands/routes", headers: bearer(token))
        XCTAssertEqual(after.status, .unauthorized)
    }

    func testAnotherPersonCannotRevokeMyToken() async throws {
        _ = try await makeToken(as: DemoPeople.finance)
        let stored = try await app.platformDB { db in try await APIToken.query(on: db).first()! }
        let other = try await signedIn(DemoPeople.commissioner)
        let response = try await other.post("/t/west-midlands/tokens/\(stored.id!.uuidString)/revoke", form: [:])
        XCTAssertEqual(response.status, .notFound)
    }

    func testTheOpenAPIDocumentDescribesEveryAPIRoute() async throws {
        let response = try await browser().get("/api/v1/openapi.json")
        XCTAssertEqual(response.status, .ok)
        let json = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as! [String: Any]
        XCTAssertEqual(json["openapi"] as? String, "3.1.0")
        let paths = Set((json["paths"] as! [String: Any]).keys)
        let registered = app.routes.all
            .map { "/" + $0.path.map { component -> String in
                if case .parameter(let name) = component { return "{\(name)}" }
                return component.description
            }.joined(separator: "/") }
            .filter { $0.hasPrefix("/api/") }
        XCTAssertFalse(registered.isEmpty)
        for path in registered { XCTAssertTrue(paths.contains(path), "\(path) is described") }
    }
}
