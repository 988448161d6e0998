import Fluent
import XCTVapor
import WaymarkDomain
@testable import WaymarkApp

/// A route's daily cost changed by effective date, and who may change routes at all.
final class RouteCostFormTests: AppTestCase {
    func testACostIsAddedCorrectedAndRemovedWhileInForceOnesStay() async throws {
        stopClockAt15January2024()
        let browser = try await signedIn(DemoPeople.commissioner)
        let page = try await browser.get("/t/west-midlands/routes/WLV-01/costs")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("£234.00") && page.body.string.contains("In force"))
        XCTAssertTrue(page.body.string.contains("value=\"2024-01-15\""), "a new change starts today by default")
        let inForce = try await costs(of: "WLV-01")
        let version = try await route("WLV-01")!.version

        let cost = [("cost_from", "2024-04-01"), ("chaperones", "4"), ("minutes_per_day", "240"),
                    ("hourly_rate", "17.00"), ("daily_management", "36.00")]
        let added = try await browser.post("/t/west-midlands/routes/WLV-01/costs", pairs: cost + [("version", String(version))])
        XCTAssertEqual(added.status, .seeOther, added.body.string)
        let entries = try await costs(of: "WLV-01").count
        XCTAssertEqual(entries, inForce.count + 1)
        let list = try await browser.get("/t/west-midlands/routes/WLV-01/costs").body.string
        XCTAssertTrue(list.contains("£308.00"), "4 × 4 h × £17 + £36")
        XCTAssertTrue(list.contains("href=\"/t/west-midlands/routes/WLV-01/costs/2024-04-01\""))

        // The same day twice, and a stale page, are refused.
        let twice = try await browser.post("/t/west-midlands/routes/WLV-01/costs", pairs: cost + [("version", String(version + 1))])
        XCTAssertEqual(twice.status, .unprocessableEntity)
        XCTAssertTrue(twice.body.string.contains("There is already a cost from 1 April 2024") || twice.body.string.contains("There is already a cost from"))
        let stale = try await browser.post("/t/west-midlands/routes/WLV-01/costs",
                                           pairs: cost.setting("cost_from", "2024-05-01") + [("version", String(version))])
        XCTAssertEqual(stale.status, .conflict)

        let corrected = try await browser.post("/t/west-midlands/routes/WLV-01/costs/2024-04-01",
                                               pairs: cost.setting("chaperones", "3").setting("cost_from", "2024-04-08")
                                                   + [("version", String(version + 1)), ("intent", "save")])
        XCTAssertEqual(corrected.status, .seeOther, corrected.body.string)
        let lastFrom = try await costs(of: "WLV-01").last?.effectiveFrom
        XCTAssertEqual(lastFrom, "2024-04-08")
        let lastChaperones = try await costs(of: "WLV-01").last?.chaperones
        XCTAssertEqual(lastChaperones, 3)
        let intoThePast = try await browser.post("/t/west-midlands/routes/WLV-01/costs/2024-04-08",
                                                 pairs: cost.setting("cost_from", "2024-01-01") + [("version", String(version + 2))])
        XCTAssertEqual(intoThePast.status, .unprocessableEntity)
        XCTAssertTrue(intoThePast.body.string.contains("href=\"#cost_from\""))

        let removed = try await browser.post("/t/west-midlands/routes/WLV-01/costs/2024-04-08",
                                             pairs: [("intent", "remove"), ("version", String(version + 2))])
        XCTAssertEqual(removed.status, .seeOther)
        let remaining = try await costs(of: "WLV-01").map(\.effectiveFrom)
        XCTAssertEqual(remaining, inForce.map(\.effectiveFrom))
        let actions = try await platform { db in try await AuditEntry.query(on: db).filter(\.$entityID == "WLV-01").all().map(\.action) }
        XCTAssertEqual(Set(actions), ["route.cost_added", "route.cost_corrected", "route.cost_removed"])

        // An entry already in force stays as it is.
        let locked = try await browser.get("/t/west-midlands/routes/WLV-01/costs/\(inForce[0].effectiveFrom)")
        XCTAssertEqual(locked.status, .conflict)
        let lockedPost = try await browser.post("/t/west-midlands/routes/WLV-01/costs/\(inForce[0].effectiveFrom)",
                                                pairs: [("intent", "remove"), ("version", String(version + 3))])
        XCTAssertEqual(lockedPost.status, .conflict)
        let afterLocked = try await costs(of: "WLV-01").count
        XCTAssertEqual(afterLocked, inForce.count)
    }

    func testBadCostFieldsAreEachNamedAndNothingIsSaved() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let before = try await costs(of: "WLV-01").count
        let response = try await browser.post("/t/west-midlands/routes/WLV-01/costs", pairs: [
            ("cost_from", "2024-02-30"), ("chaperones", "51"), ("minutes_per_day", "0"), ("hourly_rate", "-1"),
            ("daily_management", "lots"), ("version", "1")])
        XCTAssertEqual(response.status, .unprocessableEntity)
        for field in ["cost_from", "chaperones", "minutes_per_day", "hourly_rate", "daily_management"] {
            XCTAssertTrue(response.body.string.contains("href=\"#\(field)\""), field)
        }
        XCTAssertTrue(response.body.string.contains("value=\"lots\""))
        let afterBad = try await costs(of: "WLV-01").count
        XCTAssertEqual(afterBad, before)
    }

    func testOnlyCommissionersChangeRoutesAndNeverInAnotherTenant() async throws {
        let fields = try await newRouteFields(code: "TEST-09")
        for (role, email) in DemoPeople.byRole where role != "commissioner" {
            let browser = try await signedIn(email)
            for path in ["/t/west-midlands/routes/new", "/t/west-midlands/routes/WLV-01/edit", "/t/west-midlands/routes/WLV-01/costs"] {
                let status = try await browser.get(path).status
                XCTAssertEqual(status, .forbidden, "\(role) GET \(path)")
            }
            let posted = try await browser.post("/t/west-midlands/routes/new", pairs: fields).status
            XCTAssertEqual(posted, .forbidden, "\(role) POST")
            let list = try await browser.get("/t/west-midlands/routes").body.string
            XCTAssertFalse(list.contains("routes/new"), "\(role) is not offered the form")
        }
        let northmoor = try await signedIn(DemoPeople.northmoorCommissioner)
        for path in ["/t/west-midlands/routes/new", "/t/west-midlands/routes/WLV-01/edit", "/t/west-midlands/routes/WLV-01/costs"] {
            let status = try await northmoor.get(path).status
            XCTAssertEqual(status, .notFound, path)
        }
        let posted = try await northmoor.post("/t/west-midlands/routes/new", pairs: fields).status
        XCTAssertEqual(posted, .notFound)
        let intruded = try await route("TEST-09")
        XCTAssertNil(intruded)
    }
}

extension RouteCostFormTests {
    func testARoutesOnlyCostIsCorrectedButNotRemoved() async throws {
        stopClockAt15January2024()
        let browser = try await signedIn(DemoPeople.commissioner)
        let added = try await browser.post("/t/west-midlands/routes/new",
                                           pairs: try await newRouteFields(code: "TEST-02").setting("cost_from", "2024-09-02"))
        XCTAssertEqual(added.status, .seeOther)
        let removed = try await browser.post("/t/west-midlands/routes/TEST-02/costs/2024-09-02", pairs: [("intent", "remove"), ("version", "1")])
        XCTAssertEqual(removed.status, .unprocessableEntity)
        XCTAssertTrue(removed.body.string.contains("only daily cost"))
        let entries = try await costs(of: "TEST-02")
        XCTAssertEqual(entries.count, 1)
    }
}
