import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain
import WaymarkSimulation

/// Building and running saved scenarios through the pages, as the demo people do.
extension AppTestCase {
    static let settings: [String: String] = [
        "name": "No renewal", "description": "Central money ends and nothing replaces it", "as_of": "2022-09-01",
        "horizon_months": "12", "samples": "200", "seed": "7", "p_prospective": "30", "p_pledged": "70",
        "p_confirmed": "100", "p_received": "100", "renewal": "none", "inflation_low": "0", "inflation_high": "0",
    ]

    /// Saves a scenario through the form and returns its id.
    func createScenario(_ browser: Browser, _ changes: [String: String] = [:]) async throws -> String {
        let response = try await browser.post("/t/west-midlands/forecasts/new", form: Self.settings.merging(changes) { _, new in new })
        XCTAssertEqual(response.status, .seeOther, response.body.string)
        let location = response.headers.first(name: .location) ?? ""
        guard let id = location.split(separator: "/").last.map(String.init), UUID(uuidString: id) != nil else {
            throw TestFailure("the new scenario's page is \(location)")
        }
        return id
    }

    func scenarioRecord(_ id: String) async throws -> ForecastScenarioRecord {
        try await platform { db in try await ForecastScenarioRecord.find(UUID(uuidString: id), on: db)! }
    }

    /// Scenarios saved by the test (the demo seeds two of its own).
    func scenarioCount() async throws -> Int {
        try await platform { db in try await ForecastScenarioRecord.query(on: db).filter(\.$createdBy != "Waymark demo seed").count() }
    }

    /// Runs the scenario from its page and waits for the background run to finish.
    func runScenario(_ browser: Browser, _ id: String) async throws {
        let record = try await scenarioRecord(id)
        let response = try await browser.post("/t/west-midlands/forecasts/\(id)/run", form: ["version": String(record.version)])
        XCTAssertEqual(response.status, .seeOther, response.body.string)
        await app.jobWorker.waitUntilIdle()
    }
}
