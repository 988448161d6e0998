import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain
import WaymarkSimulation

/// The scenario builder and results pages, walked as the commissioner and read as partners.
final class ForecastPagesTests: AppTestCase {
    func testTheCommissionerBuildsRunsAndReadsAScenario() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let form = try await browser.get("/t/west-midlands/forecasts/new")
        XCTAssertEqual(form.status, .ok)
        let id = try await createScenario(browser)
        let record = try await scenarioRecord(id)
        XCTAssertEqual(record.state, .notRun)
        XCTAssertEqual(try record.scenario.samples, 200)

        // A change: Dudley's routes close at Christmas.
        let dudley = try await platform { db in try await Route.query(on: db).filter(\.$code == "DUD-01").first()! }
        let added = try await browser.post("/t/west-midlands/forecasts/\(id)/changes/new/close-route",
                                           form: ["route": dudley.id!.uuidString, "on": "2022-12-16", "version": String(record.version)])
        XCTAssertEqual(added.status, .seeOther, added.body.string)
        let page = try await browser.get("/t/west-midlands/forecasts/\(id)")
        XCTAssertTrue(page.body.string.contains("Close DUD-01 on 16 Dec 2022"), page.body.string)

        try await runScenario(browser, id)
        let finished = try await scenarioRecord(id)
        XCTAssertEqual(finished.state, .finished, finished.runError ?? "")
        let results = try XCTUnwrap(finished.storedResults)
        XCTAssertEqual(results.scenario.routes.count, 24)
        XCTAssertNotNil(results.baseline, "a scenario with changes is run beside its baseline")
        let lost = Set(results.scenario.routes.filter { $0.likelyLostFrom == "2022-11-01" }.map(\.code))
        XCTAssertTrue(DemoForecastTests.lost.isSubset(of: lost), "\(lost.sorted())")

        let shown = try await browser.get("/t/west-midlands/forecasts/\(id)")
        let html = shown.body.string
        XCTAssertEqual(shown.status, .ok)
        for text in ["Routes fully covered each month", "role=\"img\"", "Each route's chance of being covered", "Baseline median",
                     "What it would take", "BHM-06", "Download the results (CSV)"] {
            XCTAssertTrue(html.contains(text), "the results page shows \(text)")
        }
        let csv = try await browser.get("/t/west-midlands/forecasts/\(id)/results.csv")
        XCTAssertEqual(csv.status, .ok)
        XCTAssertTrue(csv.body.string.contains("route,2022-11,BHM-06"))
        let json = try await browser.get("/t/west-midlands/forecasts/\(id)/scenario.json")
        XCTAssertNoThrow(try ScenarioJSON.decode(Data(json.body.string.utf8)))

        let audit = try await platform { db in try await AuditEntry.query(on: db).filter(\.$entityID == finished.id!.uuidString).all().map(\.action) }
        XCTAssertEqual(Set(audit), ["forecast.created", "forecast.change_added", "forecast.run"])
    }

    func testBadSettingsAreRefusedFieldByFieldAndNothingIsSaved() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let response = try await browser.post("/t/west-midlands/forecasts/new", form: Self.settings.merging([
            "name": " ", "samples": "0", "p_pledged": "140", "inflation_low": "6", "inflation_high": "3", "as_of": "9999-12-15",
            "renewal": "renew", "renewal_probability": "50", "renewal_factor_low": "90", "renewal_factor_high": "80", "renewal_delay_days": "-1",
        ]) { _, new in new })
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        for message in ["Enter a name for the scenario", "number of samples as a whole number from 1 to 100,000",
                        "chance that pledged money comes as a percentage from 0 to 100", "The highest cost rise (3%) must not be below the lowest (6%)",
                        "Enter the day the forecast starts from", "The largest renewal (80%) must not be below the smallest (90%)",
                        "days a renewal decision takes"] {
            XCTAssertTrue(html.contains(message), "names the problem: \(message)")
        }
        XCTAssertTrue(html.contains("Central money ends and nothing replaces it"), "the rest of the form is kept")
        XCTAssertTrue(html.contains("wm-error-summary"))
        let count = try await scenarioCount()
        XCTAssertEqual(count, 0)
    }

    func testABadChangeIsRefusedAndTheScenarioIsUnchanged() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let id = try await createScenario(browser)
        let before = try await scenarioRecord(id)
        let response = try await browser.post("/t/west-midlands/forecasts/\(id)/changes/new/pooled-fund", form: [
            "amount": "0", "start_day": "2023-04-01", "end_day": "2023-03-01", "probability": "120", "policy": "priority",
            "version": String(before.version),
        ])
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        for message in ["Enter the fund&#39;s amount in pounds, more than £0", "The last day (1 Mar 2023) must be on or after the first (1 Apr 2023)",
                        "Enter the chance the money comes as a percentage from 0 to 100", "Enter a priority score for at least one route"] {
            XCTAssertTrue(html.contains(message), "names the problem: \(message)")
        }
        let after = try await scenarioRecord(id)
        XCTAssertEqual(after.definition, before.definition)
        XCTAssertEqual(after.version, before.version)

        let stale = try await browser.post("/t/west-midlands/forecasts/\(id)/edit", form: Self.settings.merging(["version": "99"]) { _, new in new })
        XCTAssertEqual(stale.status, .conflict, "an edit over someone else's newer change is refused")
    }

    func testAPooledFundAndAnOpenedRouteAreBuiltByForm() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let id = try await createScenario(browser)
        let wolverhampton = try await platform { db in try await LocalAuthority.query(on: db).filter(\.$name == "Wolverhampton").first()! }
        var version = try await scenarioRecord(id).version
        let opened = try await browser.post("/t/west-midlands/forecasts/\(id)/changes/new/open-route", form: [
            "code": "wlv-09", "authority": wolverhampton.id!.uuidString, "children": "40", "daily_cost": "95", "from": "2023-01-04",
            "version": String(version),
        ])
        XCTAssertEqual(opened.status, .seeOther, opened.body.string)
        version += 1
        let bhm = try await platform { db in try await Route.query(on: db).filter(\.$code == "BHM-06").first()! }
        let fund = try await browser.post("/t/west-midlands/forecasts/\(id)/changes/new/pooled-fund", form: [
            "name": "PCC reserve", "amount": "50,000", "start_day": "2022-11-01", "end_day": "2023-03-31", "probability": "100",
            "policy": "priority", "scores[\(bhm.id!.uuidString)]": "9", "version": String(version),
        ])
        XCTAssertEqual(fund.status, .seeOther, fund.body.string)
        let scenario = try await scenarioRecord(id).scenario
        XCTAssertEqual(scenario.interventions.count, 2)
        guard case .openRoute(let route) = scenario.interventions[0], case .pooledFund(let pool) = scenario.interventions[1] else {
            return XCTFail("an opened route, then a pooled fund")
        }
        XCTAssertEqual(route.code, "WLV-09")
        XCTAssertEqual(pool.amount, Money(pounds: 50_000))
        XCTAssertEqual(pool.policy, .priority(scores: [RouteScore(routeID: bhm.id!, score: 9)]))

        try await runScenario(browser, id)
        let record = try await scenarioRecord(id)
        XCTAssertEqual(record.state, .finished, record.runError ?? "")
        let routes = try XCTUnwrap(record.storedResults).scenario.routes
        XCTAssertTrue(routes.contains { $0.code == "WLV-09" }, "the opened route is forecast")
        let page = try await browser.get("/t/west-midlands/forecasts/\(id)")
        XCTAssertTrue(page.body.string.contains("Pooled fund “PCC reserve” of £50,000.00"), page.body.string)
    }

    func testChancesPerSourceAndFunderGroupsAreSavedOrRefused() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let id = try await createScenario(browser)
        let version = try await scenarioRecord(id).version
        let form = try await browser.get("/t/west-midlands/forecasts/\(id)/chances")
        XCTAssertEqual(form.status, .ok)
        let bad = try await browser.post("/t/west-midlands/forecasts/\(id)/chances", form: [
            "funder_p[0]": "150", "groups": "Nobody Council; Birmingham City Council", "version": String(version),
        ])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.body.string.contains("no source&#39;s funder is called Nobody Council"), bad.body.string)
        XCTAssertTrue(bad.body.string.contains("as a percentage from 0 to 100, or leave it empty"))
        let good = try await browser.post("/t/west-midlands/forecasts/\(id)/chances", form: [
            "funder_p[0]": "55", "version": String(version),
        ])
        XCTAssertEqual(good.status, .seeOther)
        let overrides = try await scenarioRecord(id).scenario.uncertainty.overrides
        XCTAssertEqual(overrides.count, 1)
        XCTAssertEqual(overrides.first?.probability, 0.55)
    }

    func testARunWithNoJobBehindItShowsAsInterrupted() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let id = try await createScenario(browser)
        try await platform { db in
            let record = try await ForecastScenarioRecord.find(UUID(uuidString: id), on: db)!
            record.runState = ForecastScenarioRecord.RunState.running.rawValue
            try await record.save(on: db)
        }
        let page = try await browser.get("/t/west-midlands/forecasts/\(id)")
        XCTAssertTrue(page.body.string.contains("The last run stopped without finishing"))
        XCTAssertTrue(page.body.string.contains("Run the forecast"), "and it can be run again")
    }

    func testComparingTwoScenarios() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let first = try await createScenario(browser)
        let second = try await createScenario(browser, ["name": "Pledges all come", "p_pledged": "100"])
        try await runScenario(browser, first)
        try await runScenario(browser, second)
        let page = try await browser.get("/t/west-midlands/forecasts/compare?a=\(first)&b=\(second)")
        XCTAssertEqual(page.status, .ok)
        let html = page.body.string
        XCTAssertTrue(html.contains("Median of Pledges all come"))
        XCTAssertTrue(html.contains("Difference in mean"))
        let different = try await createScenario(browser, ["name": "Longer", "horizon_months": "24"])
        try await runScenario(browser, different)
        let refused = try await browser.get("/t/west-midlands/forecasts/compare?a=\(first)&b=\(different)")
        XCTAssertTrue(refused.body.string.contains("These scenarios forecast different months"))
    }
}
