import Foundation
import XCTVapor
@testable import WaymarkApp

/// The demo's funding story, read through the API and the pages at dates either side of
/// the end of the central money (31 Oct 2022).
final class DemoFundingStoryTests: AppTestCase {
    struct Listing: Decodable {
        struct Route: Decodable { let code: String; let funding_status: String?; let funded_until: String?; let reasons: [String] }
        let as_of: String
        let routes: [Route]
    }

    func listing(_ browser: Browser, asOf: String) async throws -> [String: Listing.Route] {
        let response = try await browser.get("/api/v1/t/west-midlands/routes?as_of=\(asOf)")
        XCTAssertEqual(response.status, .ok)
        let body = try JSONDecoder().decode(Listing.self, from: Data(buffer: response.body))
        XCTAssertEqual(body.as_of, asOf)
        return Dictionary(uniqueKeysWithValues: body.routes.map { ($0.code, $0) })
    }

    func testAfterTheCentralMoneyEnds14RoutesAreFundedAnd10AreNot() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let routes = try await listing(browser, asOf: "2022-11-15")
        let unfunded = routes.values.filter { $0.funding_status == "unfunded" }.map(\.code).sorted()
        XCTAssertEqual(unfunded, ["BHM-06", "COV-03", "COV-04", "DUD-01", "DUD-02", "DUD-03", "SAN-03", "WSL-01", "WSL-02", "WSL-03"])
        XCTAssertEqual(routes.count - unfunded.count, 14)
        XCTAssertEqual(routes["BHM-01"]?.funded_until, "2024-03-22", "Birmingham's grant runs to the last school day before 31 Mar 2024")
        XCTAssertEqual(routes["COV-01"]?.funded_until, "2023-03-31")
        XCTAssertEqual(routes["COV-01"]?.funding_status, "watch", "Coventry's money ends within 180 days, not 90")
    }

    func testBeforeTheEndTheDashboardOfRoutesNamesTheEndingGrant() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let routes = try await listing(browser, asOf: "2022-09-01")
        XCTAssertEqual(routes["BHM-06"]?.funding_status, "atRisk")
        XCTAssertTrue(routes["BHM-06"]?.reasons.first?.contains("Youth Endowment Fund") ?? false, "\(routes["BHM-06"]?.reasons ?? [])")
        XCTAssertEqual(routes["BHM-01"]?.funding_status, "watch", "kept going after October only by Birmingham's pledge")
        XCTAssertEqual(routes["SOL-01"]?.funding_status, "atRisk", "Solihull's grant was not known until 3 Oct 2022")
        let page = try await browser.get("/t/west-midlands/routes/BHM-06?as_of=2022-09-01").body.string
        XCTAssertTrue(page.contains("You are looking at the past:</strong> Waymark as of <strong>1 Sep 2022</strong>"))
        XCTAssertTrue(page.contains("wm-tag--at-risk"))
    }

    func testABadAsOfDateIsRefusedByName() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let response = try await browser.get("/api/v1/t/west-midlands/routes?as_of=31-10-2022")
        XCTAssertEqual(response.status, .badRequest)
        XCTAssertTrue(response.body.string.contains("as_of"))
        let page = try await browser.get("/t/west-midlands/routes?as_of=tomorrow")
        XCTAssertEqual(page.status, .badRequest)
        // A real date at the edge of the calendar is refused too, not worked with.
        for path in ["/t/west-midlands/dashboard?as_of=9999-12-15", "/t/west-midlands/routes/BHM-01?as_of=9999-12-15",
                     "/api/v1/t/west-midlands/coverage?from=9999-12-01"] {
            let far = try await browser.get(path)
            XCTAssertEqual(far.status, .badRequest, path)
            XCTAssertTrue(far.body.string.contains("from 1900 to 2199"), path)
        }
    }

    func testAPartnerSeesTheFundingOfTheirAuthoritysRoutesOnly() async throws {
        let browser = try await signedIn(DemoPeople.birminghamPartner)
        let routes = try await listing(browser, asOf: "2022-11-15")
        XCTAssertTrue(routes.keys.allSatisfy { $0.hasPrefix("BHM-") })
        XCTAssertEqual(routes["BHM-06"]?.funding_status, "unfunded")
    }
}
