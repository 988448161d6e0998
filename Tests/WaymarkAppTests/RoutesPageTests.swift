import Fluent
import XCTVapor
@testable import WaymarkApp

final class RoutesPageTests: AppTestCase {
    func testListFiltersSortsAndDownloads() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let all = try await browser.get("/t/west-midlands/routes")
        XCTAssertTrue(all.body.string.contains("24 routes"))
        let wolverhampton = try await browser.get("/t/west-midlands/routes?local_authority=E08000031")
        let body = wolverhampton.body.string
        XCTAssertTrue(body.contains("WLV-01") && body.contains("WLV-02") && !body.contains("BHM-01"))
        let active = try await browser.get("/t/west-midlands/routes?status=active")
        XCTAssertTrue(active.body.string.contains("COV-01") && active.body.string.contains("WLV-01"))
        let closed = try await browser.get("/t/west-midlands/routes?status=closed")
        XCTAssertFalse(closed.body.string.contains("WLV-01"))
        let byChildren = try await browser.get("/t/west-midlands/routes?sort=children&order=desc").body.string
        let first = byChildren.range(of: "BHM-06")!.lowerBound, later = byChildren.range(of: "DUD-03")!.lowerBound
        XCTAssertLessThan(first, later, "1,420 children sorts before 380")
        let csv = try await browser.get("/t/west-midlands/routes.csv?local_authority=E08000031")
        XCTAssertEqual(csv.headers.first(name: .contentType), "text/csv; charset=utf-8")
        let lines = csv.body.string.split(separator: "\r\n")
        XCTAssertEqual(lines.count, 4, "a header and the three Wolverhampton routes")
        XCTAssertTrue(lines[1].hasPrefix("WLV-01,"))
    }

    func testDetailDrawsThePathAndListsChaperonePointsAndCost() async throws {
        let browser = try await signedIn(DemoPeople.viewer)
        let response = try await browser.get("/t/west-midlands/routes/WLV-01")
        XCTAssertEqual(response.status, .ok)
        let html = response.body.string
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertTrue(html.contains("<polyline"))
        XCTAssertTrue(html.contains("£234.00"), "3 chaperones × 4 h × £16.50 + £36.00")
        XCTAssertTrue(html.contains("Chaperone points"))
        XCTAssertFalse(html.contains("Edit route details"), "viewers do not edit")
        let missing = try await browser.get("/t/west-midlands/routes/NOPE-99")
        XCTAssertEqual(missing.status, .notFound)
    }

    func testEditingSavesAuditsAndRefusesStaleVersions() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let form = try await browser.get("/t/west-midlands/routes/BHM-01/edit")
        XCTAssertTrue(form.body.string.contains("name=\"version\" value=\"1\""))
        // The form now edits everything; the fields not changed here go back as the page filled them in.
        let fields = try await editFields("BHM-01")
            .setting("name", "Erdington: Summer Road to Kingsbury Park").setting("status", "paused")
            .setting("children_per_day", "1200").setting("start_day", "2021-09-06").setting("end_day", "")
        let saved = try await browser.post("/t/west-midlands/routes/BHM-01/edit", pairs: fields)
        XCTAssertEqual(saved.status, .seeOther)
        let route = try await platform { db in try await Route.query(on: db).filter(\.$code == "BHM-01").first()! }
        XCTAssertEqual(route.status, "paused")
        XCTAssertEqual(route.childrenPerDay, 1200)
        XCTAssertEqual(route.version, 2)
        let entry = try await platform { db in try await AuditEntry.query(on: db).filter(\.$action == "route.updated").first() }
        XCTAssertEqual(entry?.entityID, "BHM-01")
        XCTAssertTrue(entry?.beforeJSON?.contains("\"status\":\"active\"") ?? false)
        XCTAssertTrue(entry?.afterJSON?.contains("\"status\":\"paused\"") ?? false)

        // Someone who opened the form at version 1 cannot overwrite version 2.
        let stale = fields.setting("children_per_day", "50")
        let conflict = try await browser.post("/t/west-midlands/routes/BHM-01/edit", pairs: stale)
        XCTAssertEqual(conflict.status, .conflict)
        XCTAssertTrue(conflict.body.string.contains("Someone else changed this record"))
        let unchanged = try await platform { db in try await Route.query(on: db).filter(\.$code == "BHM-01").first()! }
        XCTAssertEqual(unchanged.childrenPerDay, 1200)
    }

    func testBadInputNamesTheFieldsKeepsTheFormAndSavesNothing() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let response = try await browser.post("/t/west-midlands/routes/BHM-02/edit", form: [
            "name": "", "status": "flying", "children_per_day": "lots", "start_day": "2023-02-30",
            "end_day": "2020-01-01", "version": "1"])
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        for message in ["Enter the route&#39;s name", "Choose the route&#39;s status", "as a whole number",
                        "Enter the start date as a real date"] {
            XCTAssertTrue(html.contains(message) || html.contains(message.replacingOccurrences(of: "&#39;", with: "'")), message)
        }
        XCTAssertTrue(html.contains("value=\"lots\""), "what was typed is kept")
        let route = try await platform { db in try await Route.query(on: db).filter(\.$code == "BHM-02").first()! }
        XCTAssertEqual(route.version, 1)
        let audited = try await platform { db in try await AuditEntry.query(on: db).filter(\.$action == "route.updated").count() }
        XCTAssertEqual(audited, 0)
    }
}
