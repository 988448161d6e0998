import Fluent
import XCTVapor
import WaymarkDomain
@testable import WaymarkApp

/// Adding and editing routes by form (issue 14), on routes of the tests' own (TEST-…)
/// or on a demo route each test's fresh database holds.
final class RouteFormTests: AppTestCase {
    func testACommissionerAddsARouteThatTheListDashboardAndPageShow() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let list = try await browser.get("/t/west-midlands/routes").body.string
        XCTAssertTrue(list.contains("href=\"/t/west-midlands/routes/new\""), "the list links to the form")
        let form = try await browser.get("/t/west-midlands/routes/new")
        XCTAssertEqual(form.status, .ok)
        XCTAssertTrue(form.body.string.contains("<legend class=\"wm-fieldset__legend wm-fieldset__legend--m\">Schools served</legend>"))

        let saved = try await browser.post("/t/west-midlands/routes/new", pairs: try await newRouteFields(code: "test-01"))
        XCTAssertEqual(saved.status, .seeOther, saved.body.string)
        XCTAssertEqual(saved.headers.first(name: .location), "/t/west-midlands/routes/TEST-01")
        let route = try await route("TEST-01")
        XCTAssertEqual(route?.childrenPerDay, 1250)
        XCTAssertEqual(route?.version, 1)
        XCTAssertEqual(route?.path.count, 3)
        XCTAssertEqual(route?.chaperonePoints.first?.label, "Mill Street corner")
        let firstArea = try await areas(of: Self.wolverhampton).first?.id
        XCTAssertEqual(route?.areaID, firstArea)
        let linked = try await schoolLinks(of: "TEST-01")
        let firstSchool = try await schools(of: Self.wolverhampton).first!.id!
        XCTAssertEqual(linked, [firstSchool])
        let dailyCosts = try await costs(of: "TEST-01").map(\.entry.dailyCost)
        XCTAssertEqual(dailyCosts, [Money(pence: 10_000)], "2 × 3 h × £15 + £10")
        let audit = try await platform { db in try await AuditEntry.query(on: db).filter(\.$action == "route.created").first() }
        XCTAssertEqual(audit?.entityID, "TEST-01")

        let page = try await browser.get("/t/west-midlands/routes/TEST-01").body.string
        XCTAssertTrue(page.contains("Test Lane: Mill Street to Church Road") && page.contains("£100.00") && page.contains("<polyline"))
        let listed = try await browser.get("/t/west-midlands/routes").body.string.contains("25 routes")
        XCTAssertTrue(listed)
        let dashboard = try await browser.get("/t/west-midlands/dashboard?as_of=2024-01-15").body.string
        // The 14 routes kept after 2022 and the new one (the 10 lost routes closed in December 2022).
        XCTAssertTrue(dashboard.contains("15 active routes by funding status"), "the new active route counts")
        let byStatus = try await browser.get("/t/west-midlands/dashboard/tables/routes-by-status.csv?as_of=2024-01-15").body.string
        XCTAssertTrue(byStatus.contains("TEST-01") && byStatus.contains(",unfunded,"), "no money yet: unfunded")
    }

    func testEditingChangesAreaSchoolsAndPathInOneAuditedSave() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let form = try await browser.get("/t/west-midlands/routes/WLV-01/edit").body.string
        XCTAssertTrue(form.contains("name=\"path\"") && form.contains("name=\"schools[]\""))
        let areas = try await areas(of: Self.wolverhampton), schools = try await schools(of: Self.wolverhampton)
        let before = try await route("WLV-01")!
        let area = areas.first { $0.id != before.areaID }!
        let fields = try await editFields("WLV-01")
            .setting("area", area.id!.uuidString)
            .setting("schools[]", schools[0].id!.uuidString, schools[1].id!.uuidString)
            .setting("path", "52.5965 -2.1006; 52.5900 -2.1000")
            .setting("chaperone_points", "")
        let saved = try await browser.post("/t/west-midlands/routes/WLV-01/edit", pairs: fields)
        XCTAssertEqual(saved.status, .seeOther, saved.body.string)
        let after = try await route("WLV-01")!
        XCTAssertEqual(after.areaID, area.id)
        XCTAssertEqual(after.path.count, 2)
        XCTAssertEqual(after.chaperonePoints, [])
        XCTAssertEqual(after.version, before.version + 1)
        let linkedNow = try await schoolLinks(of: "WLV-01")
        XCTAssertEqual(Set(linkedNow), Set([schools[0].id!, schools[1].id!]))
        let page = try await browser.get("/t/west-midlands/routes/WLV-01").body.string
        XCTAssertTrue(page.contains(area.name) && page.contains(schools[1].name))
        let audit = try await platform { db in try await AuditEntry.query(on: db).filter(\.$action == "route.updated").first() }
        XCTAssertTrue(audit?.afterJSON?.contains(area.id!.uuidString) ?? false)

        // Saving the form again unchanged keeps the stored path exactly.
        let again = try await browser.post("/t/west-midlands/routes/WLV-01/edit", pairs: try await editFields("WLV-01"))
        XCTAssertEqual(again.status, .seeOther)
        let pathNow = try await route("WLV-01")!.pathJSON
        XCTAssertEqual(pathNow, after.pathJSON)
    }

    func testEveryBadFieldIsNamedTheFormIsKeptAndNothingIsSaved() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let routesBefore = try await platform { db in try await WaymarkApp.Route.query(on: db).count() }
        let bad = try await newRouteFields(code: "BAD CODE!")
            .setting("name", "").setting("local_authority", "E99999999").setting("children_per_day", "lots")
            .setting("status", "flying").setting("start_day", "2023-02-30").setting("path", "somewhere")
            .setting("chaperone_points", "no colon here").setting("cost_from", "soon").setting("chaperones", "0")
            .setting("minutes_per_day", "9999").setting("hourly_rate", "cheap").setting("daily_management", "-3")
            .setting("schools[]", "not-a-school")
        let response = try await browser.post("/t/west-midlands/routes/new", pairs: bad)
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        for field in ["code", "name", "local_authority", "schools", "children_per_day", "status", "start_day", "path",
                      "chaperone_points", "cost_from", "chaperones", "minutes_per_day", "hourly_rate", "daily_management"] {
            XCTAssertTrue(html.contains("href=\"#\(field)\""), "the summary links to \(field)")
            XCTAssertTrue(html.contains("id=\"\(field)-error\""), "\(field) has its message")
        }
        XCTAssertTrue(html.contains("value=\"lots\"") && html.contains(">somewhere</textarea>"), "what was typed is kept")

        // Right shapes, wrong together: a taken code, an area of another authority, dates reversed.
        let birminghamArea = try await areas(of: "E08000025").first!
        let clash = try await newRouteFields(code: "wlv-01").setting("area", birminghamArea.id!.uuidString)
            .setting("end_day", "2020-01-01").setting("path", "52.0 -2.0; 53.0 -2.0")
        let refused = try await browser.post("/t/west-midlands/routes/new", pairs: clash).body.string
        XCTAssertTrue(refused.contains("There is already a route WLV-01"))
        XCTAssertTrue(refused.contains("is not an area of City of Wolverhampton") || refused.contains("is not an area of Wolverhampton"))
        XCTAssertTrue(refused.contains("is before the start date"))
        XCTAssertTrue(refused.contains("a walking route is under 10 km"))

        let edit = try await browser.post("/t/west-midlands/routes/WLV-02/edit",
                                          pairs: try await editFields("WLV-02").setting("path", "").setting("children_per_day", "-1"))
        XCTAssertEqual(edit.status, .unprocessableEntity)
        XCTAssertTrue(edit.body.string.contains("href=\"#path\"") && edit.body.string.contains("href=\"#children_per_day\""))
        let routes = try await platform { db in try await WaymarkApp.Route.query(on: db).count() }
        XCTAssertEqual(routes, routesBefore, "no route added")
        let badRoute = try await route("BAD CODE!")
        XCTAssertNil(badRoute)
        let untouched = try await route("WLV-02")?.version
        XCTAssertEqual(untouched, 1, "nothing saved")
    }

    func testAStaleEditIsRefusedAndSavesNothing() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let opened = try await editFields("WLV-03")
        let first = try await browser.post("/t/west-midlands/routes/WLV-03/edit", pairs: opened.setting("children_per_day", "111"))
        XCTAssertEqual(first.status, .seeOther)
        let stale = try await browser.post("/t/west-midlands/routes/WLV-03/edit", pairs: opened.setting("children_per_day", "222"))
        XCTAssertEqual(stale.status, .conflict)
        XCTAssertTrue(stale.body.string.contains("Someone else changed this record"))
        XCTAssertTrue(stale.body.string.contains("value=\"222\""), "the form is kept")
        let kept = try await route("WLV-03")?.childrenPerDay
        XCTAssertEqual(kept, 111)
    }
}
