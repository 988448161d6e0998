import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Drafts, CSV uploads, stale forms, extensions and the list's filters.
final class ReturnFilingTests: AppTestCase {
    var contract = ""

    override func setUp() async throws {
        try await super.setUp()
        app.clock.set(ReturnFixtures.today)
        contract = try await returnsContract()
    }

    func testADraftIsKeptButNotSubmittedAndAStaleFormIsRefused() async throws {
        let provider = try await signedIn(DemoPeople.provider)
        let october = ReturnFixtures.october
        let days = try await templateSchoolDays(provider, contract, october)
        // A draft may be incomplete: no narrative yet.
        let draft = try await provider.post(returnPath(contract, october, "/form"),
                                            form: returnForm(days, version: "0", action: "draft", narrative: ""))
        XCTAssertEqual(draft.status, .seeOther)
        let stored = try await storedReturn(contract, october)
        XCTAssertEqual(stored?.status, .draft)
        XCTAssertEqual(stored?.latestVersion, 0)
        XCTAssertNotNil(stored?.draft)
        let reopened = try await provider.get(returnPath(contract, october, "/form")).body.string
        XCTAssertTrue(reopened.contains("name=\"lines[WLV-01][sessions_delivered]\" type=\"text\" inputmode=\"numeric\" value=\"33\""), "the draft comes back")
        // Submitting without a narrative is refused; the form opened before the draft is stale.
        let noNarrative = try await provider.post(returnPath(contract, october, "/form"),
                                                  form: returnForm(days, version: try versionField(reopened), narrative: " "))
        XCTAssertEqual(noNarrative.status, .unprocessableEntity)
        XCTAssertTrue(noNarrative.body.string.contains("Write a short narrative of the month"))
        let stale = try await provider.post(returnPath(contract, october, "/form"), form: returnForm(days, version: "0"))
        XCTAssertEqual(stale.status, .conflict)
        let versions = try await versionCount(contract, october)
        XCTAssertEqual(versions, 0, "nothing was submitted")
        let submitted = try await provider.post(returnPath(contract, october, "/form"), form: returnForm(days, version: try versionField(reopened)))
        XCTAssertEqual(submitted.status, .seeOther)
        let after = try await storedReturn(contract, october)
        XCTAssertNil(after?.draft, "the draft is used up by the submission")
        XCTAssertEqual(after?.latestVersion, 1)
    }

    func testACSVUploadFromTheTemplate() async throws {
        let provider = try await signedIn(DemoPeople.provider)
        let october = ReturnFixtures.october
        let template = try await provider.get(returnPath(contract, october, "/template.csv")).body.string
        // Fill the template's figure columns as a spreadsheet would, leaving the rest.
        var lines = template.split(separator: "\r\n").map(String.init)
        let headers = lines[0].replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: ",").map(String.init)
        for index in 1..<lines.count {
            var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[headers.firstIndex(of: "sessions_delivered")!] = "34"
            cells[headers.firstIndex(of: "chaperone_hours")!] = "120.25"
            cells[headers.firstIndex(of: "staff_on_route")!] = "2"
            cells[headers.firstIndex(of: "narrative")!] = index == 1 ? "Every session ran." : ""
            lines[index] = cells.joined(separator: ",")
        }
        // A narrative with an email address is held back until the provider says it is checked.
        var flagged = lines
        flagged[1] = flagged[1].replacingOccurrences(of: "Every session ran.", with: "Every session ran; ask jo@example.org.")
        let held = try await provider.postMultipart(returnPath(contract, october, "/upload"), fields: ["version": "0"],
                                                    file: ("file", "october.csv", Data(flagged.joined(separator: "\r\n").utf8)))
        XCTAssertEqual(held.status, .unprocessableEntity)
        XCTAssertTrue(held.body.string.contains("looks like it holds personal data: an email address (jo@example.org)"))
        let nothingYet = try await storedReturn(contract, october)
        XCTAssertNil(nothingYet)
        let upload = try await provider.postMultipart(returnPath(contract, october, "/upload"), fields: ["version": "0"],
                                                      file: ("file", "october.csv", Data(lines.joined(separator: "\r\n").utf8)))
        XCTAssertEqual(upload.status, .seeOther, upload.body.string)
        let version = try await platform { [contract] db -> ReturnVersionRecord? in
            let record = try await MonthlyReturnRecord.query(on: db).filter(\.$contractID == UUID(uuidString: contract)!).first()!
            return try await ReturnVersionRecord.query(on: db).filter(\.$returnID == record.id!).first()
        }
        XCTAssertEqual(version?.channel, "csv")
        let content = try XCTUnwrap(version).content
        XCTAssertEqual(content.lines.map(\.chaperoneHours), [120.25, 120.25])
        XCTAssertEqual(content.narrative, "Every session ran.")
        // A file without the figure columns is refused whole, naming them.
        let bare = try await provider.postMultipart(returnPath(contract, october, "/upload"), fields: ["version": "2"],
                                                    file: ("file", "bare.csv", Data("route_code,sessions_delivered\nWLV-01,3\n".utf8)))
        XCTAssertEqual(bare.status, .unprocessableEntity)
        XCTAssertTrue(bare.body.string.contains("chaperone_hours"))
    }

    func testEveryRuleABadFileCanBreakIsListedAndNothingChanges() async throws {
        let provider = try await signedIn(DemoPeople.provider)
        let october = ReturnFixtures.october
        let header = ReturnSheet.headers.joined(separator: ",")
        func row(_ cells: [String: String]) -> String {
            let base: [String: String] = ["contract_reference": "TEST-RET", "month": "2023-10", "school_days": "17", "sessions_planned": "34",
                                          "chaperone_hours": "100", "sessions_delivered": "30", "staff_on_route": "2", "staff_checks_in_date": "2"]
            let merged = base.merging(cells) { _, new in new }
            return ReturnSheet.headers.map { merged[$0] ?? "" }.joined(separator: ",")
        }
        let file = [header,
                    row(["route_code": "WLV-01", "school_days": "18", "sessions_planned": "36", "narrative": "Checked."]),
                    row(["route_code": "WLV-02", "staff_checks_in_date": "3", "incidents_violence": "2", "incidents_total": "5",
                         "referrals_mentoring": "two", "contract_reference": "ST-OTHER", "month": "2023-11"])]
            .joined(separator: "\r\n")
        let response = try await provider.postMultipart(returnPath(contract, october, "/upload"), fields: ["version": "0"],
                                                        file: ("file", "bad.csv", Data(file.utf8)))
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string.replacingOccurrences(of: "&#39;", with: "'")
        for (row, column, message) in [
            (2, "school_days", "School days come from the term calendar: 17 for WLV-01, not 18"),
            (2, "sessions_planned", "WLV-01: sessions planned says 36 but 17 school days make 34"),
            (3, "contract_reference", "This file is for contract ST-OTHER, not TEST-RET"),
            (3, "month", "'2023-11' is not this return's month, 2023-10"),
            (3, "referrals_mentoring", "'two' is not a whole number"),
            (3, "incidents_total", "WLV-02: the incidents total says 5 but the incidents by type add up to 2"),
            (3, "staff_checks_in_date", "WLV-02: 3 staff with checks in date is more than the 2 staff on the route"),
        ] {
            XCTAssertTrue(html.contains("<td class=\"wm-table__cell\">\(row)</td><td class=\"wm-table__cell\">\(column)</td><td class=\"wm-table__cell\">\(message)"),
                          "row \(row), \(column): \(message)")
        }
        let stored = try await storedReturn(contract, october)
        XCTAssertNil(stored, "nothing changed")
    }

    func testAnExtensionMovesTheDueDateWithItsReason() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let october = ReturnFixtures.october
        let page = try await commissioner.get(returnPath(contract, october)).body.string
        let early = try await commissioner.post(returnPath(contract, october, "/extension"),
                                                form: ["due_day": "2023-11-10", "reason": "", "version": try versionField(page)])
        XCTAssertEqual(early.status, .unprocessableEntity)
        XCTAssertTrue(early.body.string.contains("The new due date must be after 14 Nov 2023, the usual due date"))
        XCTAssertTrue(early.body.string.contains("Say why the extension was granted"))
        let noStored = try await storedReturn(contract, october)
        XCTAssertNil(noStored, "nothing saved")
        let extended = try await commissioner.post(returnPath(contract, october, "/extension"), form: [
            "due_day": "2023-11-21", "reason": "Staff illness at the provider.", "version": try versionField(page)])
        XCTAssertEqual(extended.status, .seeOther)
        let after = try await commissioner.get(returnPath(contract, october)).body.string
        XCTAssertTrue(after.contains("21 Nov 2023") && after.contains("Extended from 14 Nov 2023: Staff illness at the provider."))
        // On the 16th, without the extension it would be overdue; with it, it is not.
        app.clock.set(ContractFixtures.instant(2023, 11, 16))
        let list = try await commissioner.get("/t/west-midlands/returns?show=overdue").body.string
        XCTAssertFalse(list.contains("October 2023<span class=\"wm-visually-hidden\"> return for TEST-RET"), "the extended return is not overdue")
        XCTAssertTrue(list.contains("September 2023<span class=\"wm-visually-hidden\"> return for TEST-RET"), "September was never filed: overdue")
    }
}
