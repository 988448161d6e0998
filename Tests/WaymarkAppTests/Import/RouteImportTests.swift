import Fluent
import XCTVapor
@testable import WaymarkApp

final class RouteImportTests: AppTestCase {
    func testAWorkbookFromASpreadsheetLibraryAddsAndUpdatesRoutes() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let checked = try await check(browser, "routes", "routes-good.xlsx", try fixture("routes-good.xlsx"))
        XCTAssertEqual(checked.status, .ok)
        let html = checked.body.string
        XCTAssertTrue(html.contains("1 route added, 1 updated"), "the check says what will change")
        XCTAssertTrue(html.contains("Nothing has been saved yet"))
        let before = try await platform { db in try await Route.query(on: db).filter(\.$code == "WLV-04").count() }
        XCTAssertEqual(before, 0, "checking writes nothing")

        let done = try await importFile(browser, "routes", "routes-good.xlsx", try fixture("routes-good.xlsx"))
        XCTAssertEqual(done.status, .seeOther)
        let detail = try await browser.get("/t/west-midlands/routes/WLV-04")
        XCTAssertEqual(detail.status, .ok)
        XCTAssertTrue(detail.body.string.contains("Heath Town: Chervil Rise to Wednesfield Road"))
        XCTAssertTrue(detail.body.string.contains("£234.00"), "3 × 4 h × £16.50 + £36.00 from the cost columns")
        XCTAssertTrue(detail.body.string.contains("Chervil Rise corner"))
        XCTAssertTrue(detail.body.string.contains("Heath Town Academy"), "linked to the school by URN")
        let wlv01 = try await platform { db in try await Route.query(on: db).filter(\.$code == "WLV-01").first() }
        XCTAssertEqual(wlv01?.childrenPerDay, 760)
        XCTAssertEqual(wlv01?.version, 2, "an update bumps the version, so open edit forms are refused")
        XCTAssertFalse(wlv01?.path.isEmpty ?? true, "a blank path cell keeps the stored path")
        let audit = try await browser.get("/t/west-midlands/audit").body.string
        XCTAssertTrue(audit.contains("route.imported") && audit.contains("route.updated_by_import") && audit.contains("import.applied"))
    }

    func testAFileWithAnyErrorChangesNothingAndNamesEveryRowAndColumn() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let countBefore = try await platform { db in try await Route.query(on: db).count() }
        let response = try await check(browser, "routes", "routes-bad.xlsx", try fixture("routes-bad.xlsx"))
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        XCTAssertTrue(html.contains("Nothing was imported"))
        XCTAssertTrue(html.contains("&#39;E08990001&#39; is not one of this tenant&#39;s local authorities") || html.contains("E08990001"),
                      "another tenant's authority is unknown here")
        for expected in ["Row 3", "Row 4", "Row 5", "children_per_day", "out of range", "next Tuesday", "sometimes",
                         "No school with URN 999999", "Enter the path of this new route", "minutes_per_day"] {
            XCTAssertTrue(html.contains(expected), "the problems list mentions \(expected)")
        }
        XCTAssertFalse(html.contains("Row 2<"), "the good row has no problem")
        let countAfter = try await platform { db in try await Route.query(on: db).count() }
        XCTAssertEqual(countAfter, countBefore)
    }

    func testAConfirmedPayloadIsCheckedAgainAndAnInvalidOneSavesNothing() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        try await browser.get("/t/west-midlands/imports/routes")
        let forged = Self.csv(["code,name,local_authority,children_per_day,path",
                               "WLV-09,Forged,E08000031,300,52.59 -2.10; 52.60 -2.11",
                               "WLV-10,Bad,Nowhere,300,52.59 -2.10; 52.60 -2.11"]).base64EncodedString()
        let response = try await browser.post("/t/west-midlands/imports/routes",
                                              form: ["action": "import", "filename": "forged.csv", "payload": forged])
        XCTAssertEqual(response.status, .unprocessableEntity)
        XCTAssertTrue(response.body.string.contains("&#39;Nowhere&#39;") || response.body.string.contains("Nowhere"))
        let saved = try await platform { db in try await Route.query(on: db).filter(\.$code == "WLV-09").count() }
        XCTAssertEqual(saved, 0, "the valid row of a rejected file is not saved")
    }

    func testUnreadableAndMissingFilesGetClearMessages() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let empty = try await check(browser, "routes", "", Data())
        XCTAssertEqual(empty.status, .unprocessableEntity)
        XCTAssertTrue(empty.body.string.contains("Choose a CSV or Excel (.xlsx) file to upload"))
        let legacy = try await check(browser, "routes", "routes.xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0, 1, 2]))
        XCTAssertTrue(legacy.body.string.contains("must be a CSV or an Excel .xlsx workbook"))
        let noColumns = try await check(browser, "routes", "r.csv", Self.csv(["code,name", "X-1,Y"]))
        XCTAssertTrue(noColumns.body.string.contains("&#39;local_authority&#39;") || noColumns.body.string.contains("local_authority"))
        XCTAssertTrue(noColumns.body.string.contains("Whole file"))
        let duplicate = try await check(browser, "routes", "r.csv", Self.csv([
            "code,name,local_authority,children_per_day", "WLV-01,One,E08000031,300", "wlv-01,Two,E08000031,300"]))
        XCTAssertTrue(duplicate.body.string.contains("also on row 2"))
    }

    func testOnlyCommissionersImportAndNeverIntoAnotherTenant() async throws {
        let provider = try await signedIn(DemoPeople.provider)
        try await provider.get("/t/west-midlands")
        let refused = try await provider.postMultipart("/t/west-midlands/imports/routes", fields: ["action": "check"],
                                                       file: (name: "file", filename: "r.csv", data: try fixture("routes-good.xlsx")))
        XCTAssertEqual(refused.status, .forbidden)

        let commissioner = try await signedIn(DemoPeople.commissioner)
        try await commissioner.get("/t/west-midlands")
        let elsewhere = try await commissioner.postMultipart("/t/northmoor/imports/routes", fields: ["action": "check"],
                                                             file: (name: "file", filename: "r.xlsx", data: try fixture("routes-good.xlsx")))
        XCTAssertEqual(elsewhere.status, .notFound)
        let template = try await commissioner.get("/t/northmoor/imports/routes/template.csv")
        XCTAssertEqual(template.status, .notFound)
        let theirSchool = try await check(commissioner, "routes", "r.csv", Self.csv([
            "code,name,local_authority,children_per_day,schools,path",
            "WLV-11,Reaching over,E08000031,300,156244,52.59 -2.10; 52.60 -2.11"]))
        XCTAssertTrue(theirSchool.body.string.contains("No school with URN 156244"), "a Northmoor school is unknown in the West Midlands")
    }

    func testTemplatesDownloadAsCSVAndExcelAndImportCleanly() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        for kind in ImportKind.allCases {
            let csv = try await browser.get("/t/west-midlands/imports/\(kind.rawValue)/template.csv")
            XCTAssertEqual(csv.status, .ok)
            XCTAssertTrue(csv.body.string.hasPrefix("\u{FEFF}" + kind.columns[0].name))
            let xlsx = try await browser.get("/t/west-midlands/imports/\(kind.rawValue)/template.xlsx")
            XCTAssertEqual(xlsx.headers.first(name: .contentType), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let checked = try await check(browser, kind.rawValue, "template.xlsx", Data(buffer: xlsx.body))
            XCTAssertEqual(checked.status, .ok, "the \(kind.rawValue) template's example row is valid")
            XCTAssertTrue(checked.body.string.contains("is ready to import"))
            // Imported in order, because the allocations example draws on the source the
            // funding sources example adds: every demo source is allocated in full.
            let imported = try await importFile(browser, kind.rawValue, "template.xlsx", Data(buffer: xlsx.body))
            XCTAssertEqual(imported.status, .seeOther, "the \(kind.rawValue) template imports")
        }
    }
}
