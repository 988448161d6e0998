import Fluent
import XCTVapor
@testable import WaymarkApp

/// The tenant's settings: the risk windows and the working day returns fall due.
final class TenantSettingsTests: AppTestCase {
    func tenant() async throws -> Tenant {
        try await platform { db in try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()! }
    }

    func testTheDueDayMovesEveryReturnNotExtended() async throws {
        app.clock.set(ReturnFixtures.today)
        let contract = try await returnsContract()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let page = try await commissioner.get("/t/west-midlands/settings").body.string
        XCTAssertTrue(page.contains("value=\"10\""))
        let saved = try await commissioner.post("/t/west-midlands/settings", form: [
            "at_risk_window_days": "60", "watch_window_days": "150", "return_due_working_day": "5", "version": try versionField(page)])
        XCTAssertEqual(saved.status, .seeOther)
        let after = try await tenant()
        XCTAssertEqual([after.atRiskWindowDays, after.watchWindowDays, after.returnDueWorkingDay], [60, 150, 5])
        let october = try await commissioner.get(returnPath(contract, ReturnFixtures.october)).body.string
        XCTAssertTrue(october.contains("7 Nov 2023"), "the 5th working day of November 2023")
        let audited = try await platform { db in try await AuditEntry.query(on: db).filter(\.$action == "tenant.settings_changed").count() }
        XCTAssertEqual(audited, 1)
    }

    func testBadSettingsAreNamedAndNothingIsSaved() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let page = try await commissioner.get("/t/west-midlands/settings").body.string
        let version = try versionField(page)
        let bad = try await commissioner.post("/t/west-midlands/settings", form: [
            "at_risk_window_days": "lots", "watch_window_days": "90", "return_due_working_day": "25", "version": version])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        let html = bad.body.string
        XCTAssertTrue(html.contains("Enter the at-risk window as a whole number of days from 1 to 365"))
        XCTAssertTrue(html.contains("Enter the working day returns fall due as a number from 1 to 20"))
        XCTAssertTrue(html.contains("value=\"lots\""), "what was typed is kept")
        let shorter = try await commissioner.post("/t/west-midlands/settings", form: [
            "at_risk_window_days": "120", "watch_window_days": "90", "return_due_working_day": "10", "version": version])
        XCTAssertTrue(shorter.body.string.contains("The watch window must be at least as long as the at-risk window, 120 days"))
        let unchanged = try await tenant()
        XCTAssertEqual([unchanged.atRiskWindowDays, unchanged.watchWindowDays, unchanged.returnDueWorkingDay], [90, 180, 10])
        let good = ["at_risk_window_days": "60", "watch_window_days": "150", "return_due_working_day": "5", "version": version]
        let first = try await commissioner.post("/t/west-midlands/settings", form: good)
        XCTAssertEqual(first.status, .seeOther)
        let stale = try await commissioner.post("/t/west-midlands/settings", form: good)
        XCTAssertEqual(stale.status, .conflict, "a form opened before someone else saved is refused")
    }
}
