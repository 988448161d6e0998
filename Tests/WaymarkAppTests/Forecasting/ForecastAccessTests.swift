import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Who sees which saved scenario: editors all; partners and viewers only those shared
/// with them, read-only; another tenant nothing.
final class ForecastAccessTests: AppTestCase {
    func testPartnersAndViewersSeeOnlySharedScenariosAndCannotChangeThem() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let shared = try await createScenario(commissioner, ["name": "Shared forecast", "shared": "yes"])
        let private_ = try await createScenario(commissioner, ["name": "Private forecast"])
        try await runScenario(commissioner, shared)

        for email in [DemoPeople.birminghamPartner, DemoPeople.viewer] {
            let reader = try await signedIn(email)
            let list = try await reader.get("/t/west-midlands/forecasts")
            XCTAssertTrue(list.body.string.contains("Shared forecast"), email)
            XCTAssertFalse(list.body.string.contains("Private forecast"), email)
            let page = try await reader.get("/t/west-midlands/forecasts/\(shared)")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("Routes fully covered each month"))
            XCTAssertFalse(page.body.string.contains("Run again"), "read-only: no run button")
            XCTAssertFalse(page.body.string.contains("Delete this scenario"))
            let hidden = try await reader.get("/t/west-midlands/forecasts/\(private_)")
            XCTAssertEqual(hidden.status, .notFound, "an unshared scenario is not found, for \(email)")
            let hiddenCSV = try await reader.get("/t/west-midlands/forecasts/\(private_)/scenario.json")
            XCTAssertEqual(hiddenCSV.status, .notFound)
            for path in ["run", "delete", "edit", "chances"] {
                let response = try await reader.post("/t/west-midlands/forecasts/\(shared)/\(path)", form: ["version": "1"])
                XCTAssertEqual(response.status, .forbidden, "\(email) may not \(path)")
            }
        }
        let provider = try await signedIn(DemoPeople.provider)
        let refused = try await provider.get("/t/west-midlands/forecasts/\(shared)")
        XCTAssertEqual(refused.status, .forbidden)
        let count = try await scenarioCount()
        XCTAssertEqual(count, 2, "nothing was deleted")
    }

    func testAnotherTenantSeesNothing() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let id = try await createScenario(commissioner, ["shared": "yes"])
        let other = try await signedIn(DemoPeople.northmoorCommissioner)
        let page = try await other.get("/t/west-midlands/forecasts/\(id)")
        XCTAssertEqual(page.status, .notFound)
        let own = try await other.get("/t/northmoor/forecasts/\(id)")
        XCTAssertEqual(own.status, .notFound, "the id does not cross into the other tenant")
        let list = try await other.get("/t/northmoor/forecasts")
        XCTAssertFalse(list.body.string.contains("No renewal"), "neither the test's scenario nor the demo's")
    }
}
