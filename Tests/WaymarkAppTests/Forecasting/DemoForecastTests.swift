import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain
import WaymarkSimulation

/// The demo story as scenarios, forecast from 1 Sep 2022 — before the central money ends on
/// 31 Oct 2022: with no renewal the routes that were in fact lost are forecast lost from
/// November, and with the councils and schools pledging as they did, the 14 routes kept are
/// the ones covered.
final class DemoForecastTests: AppTestCase {
    static let lost: Set<String> = ["BHM-06", "COV-03", "COV-04", "DUD-01", "DUD-02", "DUD-03", "SAN-03", "WSL-01", "WSL-02", "WSL-03"]

    func base() async throws -> SimulationBase {
        try await platform { db in
            let tenant = try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()!
            return try await SimulationBaseLoader.load(.system(tenant: tenant, db: db, job: "test"), asOf: Day(2022, 9, 1), horizonMonths: 12)
        }
    }

    func testWithNoRenewalTheRoutesThatWereLostAreForecastLostFromNovember() async throws {
        let base = try await base()
        let result = Simulation.run(Scenario(name: "No renewal", samples: 200, seed: 7), on: base)
        let lostFromNovember = Set(result.routes.filter { $0.likelyLostFrom == Day(2022, 11, 1) }.map(\.code))
        XCTAssertTrue(Self.lost.isSubset(of: lostFromNovember), "\(Self.lost.subtracting(lostFromNovember))")
        let october = result.months.firstIndex(of: Day(2022, 10, 1))!
        XCTAssertTrue(result.routes.allSatisfy { $0.probabilityCovered[october] == 1 }, "every route is paid to the end of October")
    }

    func testWithThePartnersPledgingAsTheyDidThe14RoutesKeptAreCovered() async throws {
        let base = try await base()
        // The money that in fact came after 1 Sep 2022, as hypothetical sources with its real
        // amounts and routes; the pledges already known then come for certain.
        let later = try await platform { db in
            let tenant = try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()!
            let sources = try await FundingSourceRecord.query(on: db).filter(\.$tenantID == tenant.id!).all()
            let allocations = try await AllocationRecord.query(on: db).filter(\.$tenantID == tenant.id!).all()
            return sources.filter { source in !base.sources.contains { $0.id == source.id } }.map { source in
                HypotheticalSource(funderName: "Later \(source.programme)", amount: source.amount, period: source.period, probability: 1,
                                   routeIDs: allocations.filter { $0.sourceID == source.id }.map(\.routeID))
            }
        }
        XCTAssertFalse(later.isEmpty)
        var scenario = Scenario(name: "Partners pledge as they did", samples: 50, seed: 7)
        scenario.uncertainty.overrides = base.sources.filter { $0.status == .pledged }.map { ProbabilityOverride(sourceID: $0.id, probability: 1) }
        scenario.interventions = later.map { .addSource(source: $0) }
        let result = Simulation.run(scenario, on: base)
        let december = result.months.firstIndex(of: Day(2022, 12, 1))!
        let covered = Set(result.routes.filter { $0.probabilityCovered[december] == 1 }.map(\.code))
        let uncovered = Set(result.routes.filter { $0.probabilityCovered[december] == 0 }.map(\.code))
        XCTAssertEqual(covered.count, 14, "\(covered.sorted())")
        XCTAssertEqual(uncovered, Self.lost)
    }
}

/// The same story through the product: the demo's own saved scenarios, run from their page.
final class DemoSavedForecastTests: AppTestCase {
    func testTheDemosSavedScenariosTellTheStory() async throws {
        let records = try await platform { db in
            try await ForecastScenarioRecord.query(on: db).filter(\.$createdBy == "Waymark demo seed").sort(\.$name).all()
        }
        XCTAssertEqual(records.map(\.name), ["Councils and schools pledge as they did", "No renewal of central funding"])
        // Fewer samples than the demo's 10,000, to keep a debug-build test quick: the
        // outcomes asserted are certain (every probability here is 0 or 1).
        try await platform { db in
            for record in records {
                var scenario = try record.scenario
                scenario.samples = 100
                record.definition = try ScenarioJSON.encode(scenario)
                try await record.save(on: db)
            }
        }
        let browser = try await signedIn(DemoPeople.commissioner)
        for record in records { try await runScenario(browser, record.id!.uuidString) }

        let pledgedRecord = try await scenarioRecord(records[0].id!.uuidString)
        let pledged = try XCTUnwrap(pledgedRecord.storedResults).scenario
        let december = try XCTUnwrap(pledged.months.firstIndex { $0.month == "2022-12" })
        let kept = pledged.routes.filter { $0.probabilityCovered[december] == 1 }
        XCTAssertEqual(kept.count, 14, "\(kept.map(\.code))")
        XCTAssertEqual(Set(pledged.routes.filter { $0.probabilityCovered[december] == 0 }.map(\.code)), DemoForecastTests.lost)

        let noneRecord = try await scenarioRecord(records[1].id!.uuidString)
        let none = try XCTUnwrap(noneRecord.storedResults).scenario
        let lostFromNovember = Set(none.routes.filter { $0.likelyLostFrom == "2022-11-01" }.map(\.code))
        XCTAssertTrue(DemoForecastTests.lost.isSubset(of: lostFromNovember))

        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let shared = try await partner.get("/t/west-midlands/forecasts/\(records[0].id!.uuidString)")
        XCTAssertEqual(shared.status, .ok, "the demo's scenarios are shared with partners")
    }
}
