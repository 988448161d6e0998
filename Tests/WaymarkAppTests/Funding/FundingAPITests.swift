import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// The funding API through a signed-in session (tokens share the same handlers; APITests
/// covers bearer tokens): coverage by month, sources, allocations, pledges and alerts.
final class FundingAPITests: AppTestCase {
    func json(_ browser: Browser, _ path: String) async throws -> [String: Any] {
        let response = try await browser.get(path)
        XCTAssertEqual(response.status, .ok, "\(path): \(response.body.string)")
        return try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as! [String: Any]
    }

    func testCoverageByMonthShowsPaidAndGapOnBothBases() async throws {
        let browser = try await signedIn(DemoPeople.finance)
        let body = try await json(browser, "/api/v1/t/west-midlands/coverage?from=2022-11-01&to=2022-12-31&as_of=2022-11-15")
        XCTAssertEqual(body["from"] as? String, "2022-11-01")
        let routes = Dictionary(uniqueKeysWithValues: (body["routes"] as! [[String: Any]]).map { ($0["code"] as! String, $0) })
        XCTAssertEqual(routes.count, 24)
        let funded = (routes["BHM-01"]!["months"] as! [[String: Any]])[0]
        XCTAssertEqual(funded["month"] as? String, "2022-11")
        let secured = funded["secured"] as! [String: Any]
        XCTAssertEqual(secured["fully_covered"] as? Int, funded["school_days"] as? Int, "Birmingham's money pays every day")
        XCTAssertEqual(secured["gap_pence"] as? Int, 0)
        let lost = ((routes["BHM-06"]!["months"] as! [[String: Any]])[0]["projected"]) as! [String: Any]
        XCTAssertEqual(lost["paid_pence"] as? Int, 0)
        XCTAssertEqual(lost["gap_pence"] as? Int, lost["cost_pence"] as? Int)
        XCTAssertGreaterThan(lost["cost_pence"] as? Int ?? 0, 0)
    }

    func testBadCoverageDatesAreNamed() async throws {
        let browser = try await signedIn(DemoPeople.finance)
        let bad = try await browser.get("/api/v1/t/west-midlands/coverage?from=November")
        XCTAssertEqual(bad.status, .badRequest)
        XCTAssertTrue(bad.body.string.contains("from must be a date"))
        let backwards = try await browser.get("/api/v1/t/west-midlands/coverage?from=2023-01-01&to=2022-01-01")
        XCTAssertEqual(backwards.status, .unprocessableEntity, "well formed, but against a rule the document states")
        XCTAssertTrue(backwards.body.string.contains("must be on or after from"))
    }

    func testSourcesAndAllocationsFollowThePagesVisibility() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let sources = try await json(partner, "/api/v1/t/west-midlands/funding-sources?as_of=2023-01-03")["sources"] as! [[String: Any]]
        XCTAssertEqual(sources.map { $0["funder"] as! String }, ["Birmingham City Council"])
        let safer = sources[0]
        XCTAssertEqual(safer["status"] as? String, "confirmed")
        XCTAssertGreaterThan(safer["drawn_to_date_pence"] as? Int ?? 0, 0)
        let detail = try await json(partner, safer["url"] as! String)
        XCTAssertEqual((detail["allocations"] as! [[String: Any]]).map { $0["route_code"] as! String }.sorted(),
                       ["BHM-01", "BHM-02", "BHM-03", "BHM-04"])
        let allocations = try await json(partner, "/api/v1/t/west-midlands/allocations")["allocations"] as! [[String: Any]]
        XCTAssertTrue(allocations.allSatisfy { ($0["route_code"] as! String).hasPrefix("BHM-") })

        let finance = try await signedIn(DemoPeople.finance)
        let all = try await json(finance, "/api/v1/t/west-midlands/allocations?route=COV-01&as_of=2023-12-01")["allocations"] as! [[String: Any]]
        XCTAssertEqual(all.count, 3, "the pilot, the extension and Coventry's own money")
        let today = try await json(finance, "/api/v1/t/west-midlands/allocations?route=COV-01")["allocations"] as! [[String: Any]]
        XCTAssertGreaterThan(today.count, 3, "and the money that carried the route on since")
        let provider = try await signedIn(DemoPeople.provider)
        let refused = try await provider.get("/api/v1/t/west-midlands/funding-sources")
        XCTAssertEqual(refused.status, .forbidden)
    }

    func testPledgesAndAlertsAreThere() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let made = try await partner.post("/t/west-midlands/pledges/new", form: [
            "programme": "Summer top-up", "start_day": "2024-04-01", "end_day": "2024-07-19", "amounts[BHM-02]": "1,500"])
        XCTAssertEqual(made.status, .seeOther)
        let pledges = try await json(partner, "/api/v1/t/west-midlands/pledges")["pledges"] as! [[String: Any]]
        XCTAssertEqual(pledges.first?["amount_pence"] as? Int, 150_000)
        XCTAssertEqual(pledges.first?["state"] as? String, "awaiting_decision")

        _ = try await FundingAlertsJob.run(app, asOf: Day(2022, 9, 1))
        _ = try await FundingAlertsJob.run(app, asOf: Day(2022, 11, 15))
        let alerts = try await json(partner, "/api/v1/t/west-midlands/alerts")["alerts"] as! [[String: Any]]
        XCTAssertEqual(Set(alerts.map { $0["kind"] as! String }), ["route_status"], "Birmingham's four routes became secure")
        XCTAssertEqual(alerts.count, 4)
        XCTAssertEqual(alerts.first?["read"] as? Bool, false)
    }
}
