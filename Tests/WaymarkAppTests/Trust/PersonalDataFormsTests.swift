import Fluent
import XCTVapor
@testable import WaymarkApp
@testable import WaymarkDomain

/// Issue 16, "personal-data checks run on every text a user sends": each form that keeps free
/// text names the field that looks personal, offers one "I have checked" box and keeps what was
/// typed; published text is refused whatever is ticked; an import and the API say so too.
final class PersonalDataFormsTests: AppTestCase {
    static let phone = "a phone number (07700 900123)"
    static let box = "name=\"personal_data_checked\""

    /// The form came back naming `field`, linked from the summary, with the box to confirm.
    func assertFlagged(_ response: XCTHTTPResponse, field: String, label: String, confirmable: Bool = true,
                       file: StaticString = #filePath, line: UInt = #line) {
        let page = response.body.string
        XCTAssertEqual(response.status, .unprocessableEntity, file: file, line: line)
        let worded = confirmable ? "\(label) looks like it holds personal data: \(Self.phone)" : "\(label) is published, so it must not hold personal data: remove \(Self.phone)"
        XCTAssertTrue(page.contains("<a href=\"#\(field)\">\(worded)"), "the summary links to \(field): \(page.prefix(4000))", file: file, line: line)
        XCTAssertEqual(page.contains(Self.box), confirmable, "the box is offered only where confirming helps", file: file, line: line)
    }

    func testAPledgeNoteAndADeclineReasonAreCheckedThenKeptOnceConfirmed() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        var form: [String: String] = ["programme": "Route continuation 2024 to 2025", "start_day": "2024-04-01", "end_day": "2025-03-31",
                                      "amounts[BHM-01]": "£40,000", "note": "Ring Sam on 07700 900123 about it"]
        let flagged = try await partner.post("/t/west-midlands/pledges/new", form: form)
        assertFlagged(flagged, field: "note", label: "The note")
        XCTAssertTrue(flagged.body.string.contains("Ring Sam on 07700 900123 about it</textarea>"), "what was typed is kept")
        XCTAssertTrue(flagged.body.string.contains("value=\"£40,000\""))
        form["personal_data_checked"] = "yes"
        let made = try await partner.post("/t/west-midlands/pledges/new", form: form)
        XCTAssertEqual(made.status, .seeOther, made.body.string)
        let location = try XCTUnwrap(made.headers.first(name: .location))
        let id = try XCTUnwrap(UUID(uuidString: String(location.split(separator: "/").last ?? "")))
        let note = try await platform { db in try await Pledge.find(id, on: db)?.note }
        XCTAssertEqual(note, "Ring Sam on 07700 900123 about it")

        let commissioner = try await signedIn(DemoPeople.commissioner)
        let declined = try await commissioner.post(location + "/decline", form: ["reason": "Call me on 07700 900123"])
        assertFlagged(declined, field: "reason", label: "The reason")
        XCTAssertTrue(declined.body.string.contains("Call me on 07700 900123</textarea>"))
        let confirmed = try await commissioner.post(location + "/decline", form: ["reason": "Call me on 07700 900123", "personal_data_checked": "yes"])
        XCTAssertEqual(confirmed.status, .seeOther, confirmed.body.string)
    }

    func testAVariationReasonIsCheckedWithEveryOtherProblemAtOnce() async throws {
        stopClock(at: ContractFixtures.today)
        let award = try await storeContractAward()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let contract = try await makeContract(award, reference: "TEST-WLV-PD", as: commissioner)
        let form = try await commissioner.get(contract + "/variations/new?kind=extend")
        let version = try versionField(form.body.string)
        let refused = try await commissioner.post(contract + "/variations/new", form: [
            "kind": "extend", "version": version, "new_end": "2024-08-31", "effective_day": "",
            "reason": "Agreed with Jo on 07700 900123"])
        assertFlagged(refused, field: "reason", label: "The reason")
        XCTAssertTrue(refused.body.string.contains("<a href=\"#effective_day\">"), "the other problem shows in the same answer")
        let varied = try await commissioner.post(contract + "/variations/new", form: [
            "kind": "extend", "version": version, "new_end": "2024-08-31", "effective_day": "2023-10-02",
            "reason": "Agreed with Jo on 07700 900123", "personal_data_checked": "yes"])
        XCTAssertEqual(varied.status, .seeOther, varied.body.string)
    }

    func testAScenarioDescriptionIsCheckedOnThePageAndThroughTheAPI() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let description = "Asked by sam@example.org, or 07700 900123"
        let page = try await browser.post("/t/west-midlands/forecasts/new", form: Self.settings.merging(["description": description]) { _, new in new })
        XCTAssertEqual(page.status, .unprocessableEntity)
        XCTAssertTrue(page.body.string.contains("The description looks like it holds personal data: an email address (sam@example.org) and \(Self.phone)"))
        XCTAssertTrue(page.body.string.contains(Self.box))

        let token = try await apiToken(as: DemoPeople.commissioner)
        func create(_ extra: String) async throws -> XCTHTTPResponse {
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            headers.contentType = .json
            let body = #"{"as_of": "2022-09-01", "run": false, "description": "Ring 07700 900123"\#(extra), "scenario": {"name": "Costs rise", "samples": 10, "seed": 3}}"#
            return try await app.testable().sendRequest(.POST, "/api/v1/t/west-midlands/scenarios", headers: headers, body: ByteBuffer(string: body))
        }
        let refused = try await create("")
        XCTAssertEqual(refused.status, .unprocessableEntity, refused.body.string)
        XCTAssertTrue(refused.body.string.contains("description looks like it holds personal data: \(Self.phone). Remove it, or send personal_data_checked: true"))
        let created = try await create(#", "personal_data_checked": true"#)
        XCTAssertEqual(created.status, .created, created.body.string)
    }

    func testPublishedTextIsRefusedWhateverIsTicked() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let pairs = try await specificationForm(closingDay: "2025-06-30", overrides: [
            ("context", "Contact the lead on 07700 900123"), ("question_text[1]", "Who is 07700 900123?"), ("personal_data_checked", "yes")])
        let refused = try await commissioner.post(SiteMap.Tenant.specificationNew.path(Self.slug), pairs: pairs)
        assertFlagged(refused, field: "context", label: "The context", confirmable: false)
        XCTAssertTrue(refused.body.string.contains("<a href=\"#question_text-1\">Question 2 is published"))
        let specs = try await platform { db in try await SpecificationRecord.query(on: db).filter(\.$title == "Test chaperones Wolverhampton").count() }
        XCTAssertEqual(specs, 0, "nothing saved")
    }

    func testAnImportedNoteIsRefusedByRowAndColumn() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let csv = """
        pledge_reference,organisation,programme,start_day,end_day,route_code,amount,note
        PD-1,Birmingham City Council,Route continuation,2024-04-01,2025-03-31,BHM-01,10000,Approved; ring 07700 900123
        """
        let checked = try await check(browser, "pledges", "pledges.csv", Data(csv.utf8))
        let page = checked.body.string
        XCTAssertTrue(page.contains("looks like it holds personal data: \(Self.phone). Remove it, or enter it through the form"), page.prefix(4000).description)
        XCTAssertNil(Self.hiddenValue("payload", in: page), "nothing to confirm: the file is refused")
    }
}
