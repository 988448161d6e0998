import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Recording sources, changing their status and allocating them, through the pages.
final class FundingSourcePagesTests: AppTestCase {
    func newSourceForm(funder: String) -> [String: String] {
        ["funder": funder, "programme": "Route continuation 2024 to 2025", "kind": "council", "amount": "£60,000",
         "start_day": "2024-04-01", "end_day": "2025-03-31", "status": "pledged", "restricted_routes": "BHM-01, BHM-02",
         "reference": "BCC-2024-17", "conditions": "Quarterly report to cabinet", "documents": "Grant letter 2024-03-12"]
    }

    func testACommissionerRecordsASourceAndItsStatusHistory() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let funder = try await organisationID("Birmingham City Council")
        let created = try await browser.post("/t/west-midlands/funding/new", form: newSourceForm(funder: funder))
        XCTAssertEqual(created.status, .seeOther)
        let location = try XCTUnwrap(created.headers.first(name: .location))
        let page = try await browser.get(location).body.string
        XCTAssertTrue(page.contains("Route continuation 2024 to 2025"))
        XCTAssertTrue(page.contains("£60,000.00"))
        XCTAssertTrue(page.contains("BHM-01, BHM-02"), "the restriction is shown")
        XCTAssertTrue(page.contains("Amara Okafor"), "the status history names who recorded it")

        let version = try XCTUnwrap(page.firstMatch(of: try Regex(#"name="version" value="(\d+)""#))?.output[1].substring)
        let moved = try await browser.post(location + "/status", form: ["status": "confirmed", "version": String(version)])
        XCTAssertEqual(moved.status, .seeOther)
        let after = try await browser.get(location).body.string
        XCTAssertTrue(after.contains("wm-tag--secure\">Confirmed"))
        let changes = try await platform { db in try await FundingStatusChange.query(on: db).filter(\.$toStatus == "confirmed").all() }
        XCTAssertTrue(changes.contains { $0.changedBy.contains("amara.okafor@wmvrp.example") })
        let actions = try await auditActions()
        XCTAssertTrue(actions.contains("funding_source.created"))
        XCTAssertTrue(actions.contains("funding_source.status_changed"))
    }

    func testABadSourceIsRefusedFieldByFieldKeepingTheFormAndSavingNothing() async throws {
        let browser = try await signedIn(DemoPeople.finance)
        let before = try await sourceCount()
        var form = newSourceForm(funder: "not-an-organisation")
        form["amount"] = "12.345"
        form["end_day"] = "2023-03-31"
        form["restricted_routes"] = "BHM-01, XXX-99"
        let response = try await browser.post("/t/west-midlands/funding/new", form: form)
        XCTAssertEqual(response.status, .unprocessableEntity)
        let page = response.body.string
        XCTAssertTrue(page.contains("There is a problem"))
        XCTAssertTrue(page.contains("Choose the organisation giving the money"))
        XCTAssertTrue(page.contains("Enter the amount in pounds"))
        XCTAssertTrue(page.contains("must be on or after the start date"))
        XCTAssertTrue(page.contains("No route has the code XXX-99"))
        XCTAssertTrue(page.contains("value=\"Route continuation 2024 to 2025\""), "the rest of the form is kept")
        let after = try await sourceCount()
        XCTAssertEqual(after, before)
    }

    func testADateAtTheEdgeOfTheCalendarIsRefusedNotWorkedWith() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        var form = newSourceForm(funder: try await organisationID("Birmingham City Council"))
        form["start_day"] = "9999-12-01"
        form["end_day"] = "9999-12-31"
        let response = try await browser.post("/t/west-midlands/funding/new", form: form)
        XCTAssertEqual(response.status, .unprocessableEntity)
        XCTAssertTrue(response.body.string.contains("Enter the date the money starts as a real date"))
    }

    func testAStatusCannotMoveBackwards() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let id = try await sourceID("Safer Journeys fund")
        let page = try await browser.get("/t/west-midlands/funding/\(id)").body.string
        let version = try XCTUnwrap(page.firstMatch(of: try Regex(#"name="version" value="(\d+)""#))?.output[1].substring)
        let response = try await browser.post("/t/west-midlands/funding/\(id)/status", form: ["status": "pledged", "version": String(version)])
        XCTAssertEqual(response.status, .unprocessableEntity)
        XCTAssertTrue(response.body.string.contains("it cannot become pledged"))
    }

    func testAllocationsOverTheSourceOutsideItsPeriodOrToABarredRouteAreRefusedAndNothingIsSaved() async throws {
        let browser = try await signedIn(DemoPeople.finance)
        let id = try await sourceID("Safer Journeys fund")   // Birmingham, BHM-01..04, 1 Nov 2022 – 31 Mar 2024, fully allocated
        let before = try await allocationCount()

        let over = try await browser.post("/t/west-midlands/funding/\(id)/allocations/new",
                                          form: ["route": "BHM-01", "amount": "£1,000", "start_day": "2022-11-01", "end_day": "2024-03-31"])
        XCTAssertEqual(over.status, .unprocessableEntity)
        XCTAssertTrue(over.body.string.contains("over the source&#39;s") || over.body.string.contains("over the source's"), over.body.string)

        let outside = try await browser.post("/t/west-midlands/funding/\(id)/allocations/new",
                                             form: ["route": "BHM-01", "amount": "£0.01", "start_day": "2022-10-01", "end_day": "2024-06-30"])
        XCTAssertEqual(outside.status, .unprocessableEntity)
        XCTAssertTrue(outside.body.string.contains("before the source begins"))
        XCTAssertTrue(outside.body.string.contains("after the source ends"))

        let barred = try await browser.post("/t/west-midlands/funding/\(id)/allocations/new",
                                            form: ["route": "COV-01", "amount": "£1", "start_day": "2022-11-01", "end_day": "2023-03-31"])
        XCTAssertEqual(barred.status, .unprocessableEntity)
        XCTAssertTrue(barred.body.string.contains("may pay only for"))

        let blank = try await browser.post("/t/west-midlands/funding/\(id)/allocations/new",
                                           form: ["route": "", "amount": "lots", "start_day": "", "end_day": ""])
        XCTAssertEqual(blank.status, .unprocessableEntity)
        for message in ["Choose the route", "Enter the amount in pounds", "Enter the first day", "Enter the last day"] {
            XCTAssertTrue(blank.body.string.contains(message), message)
        }
        let after = try await allocationCount()
        XCTAssertEqual(after, before, "nothing half-saved")
    }

    func testAnAllocationThatFitsIsSavedAuditedAndCountsInCoverage() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let funder = try await organisationID("Coventry City Council")
        let created = try await browser.post("/t/west-midlands/funding/new", form: [
            "funder": funder, "programme": "Wood End bridge", "kind": "council", "amount": "100000",
            "start_day": "2022-11-01", "end_day": "2023-07-21", "status": "confirmed", "status_on": "2022-10-20"])
        let location = try XCTUnwrap(created.headers.first(name: .location))
        let saved = try await browser.post(location + "/allocations/new", form: [
            "route": "COV-03", "amount": "£100,000", "start_day": "2022-11-01", "end_day": "2023-07-21", "agreed_on": "2022-10-25"])
        XCTAssertEqual(saved.status, .seeOther)
        let actions = try await auditActions()
        XCTAssertTrue(actions.contains("allocation.created"))
        // Confirmed on 20 Oct 2022 and agreed on 25 Oct, though typed in today: as of
        // 1 Dec 2022 the route has drawn on it since November.
        let source = try await browser.get(location + "?as_of=2022-12-01").body.string
        XCTAssertTrue(source.contains("COV-03"))
        let drawn = try XCTUnwrap(source.firstMatch(of: try Regex(#"Drawn to date</dt><dd class="wm-summary-list__value">£([0-9,.]+)<"#))?.output[1].substring)
        XCTAssertNotEqual(drawn, "0.00")
        let earlier = try await browser.get(location + "?as_of=2022-10-19").body.string
        XCTAssertTrue(earlier.contains("Waymark had no record of this source on 19 Oct 2022"))
        let future = try await browser.post(location + "/allocations/new", form: [
            "route": "COV-03", "amount": "£1", "start_day": "2022-11-01", "end_day": "2023-07-21", "agreed_on": "2099-01-01"])
        XCTAssertEqual(future.status, .unprocessableEntity)
        XCTAssertTrue(future.body.string.contains("1 Jan 2099 is in the future"))
    }

    func testPartnersSeeOnlyTheirOwnOrganisationsMoney() async throws {
        let browser = try await signedIn(DemoPeople.birminghamPartner)
        let list = try await browser.get("/t/west-midlands/funding").body.string
        XCTAssertTrue(list.contains("Safer Journeys fund"))
        XCTAssertFalse(list.contains("Coventry Youth Partnership"))
        XCTAssertFalse(list.contains("Step Together pilot grant"))
        let coventry = try await sourceID("Coventry Youth Partnership")
        let response = try await browser.get("/t/west-midlands/funding/\(coventry)")
        XCTAssertEqual(response.status, .notFound)
        let csv = try await browser.get("/t/west-midlands/funding.csv").body.string
        XCTAssertFalse(csv.contains("Coventry"))
        let allocate = try await browser.get("/t/west-midlands/funding/\(try await sourceID("Safer Journeys fund"))/allocations/new")
        XCTAssertEqual(allocate.status, .forbidden)
    }

    func testAnotherTenantCannotOpenASource() async throws {
        let id = try await sourceID("Safer Journeys fund")
        let browser = try await signedIn(DemoPeople.northmoorCommissioner)
        for path in ["/t/west-midlands/funding/\(id)", "/t/northmoor/funding/\(id)", "/t/northmoor/funding/\(id)/routes.csv"] {
            let response = try await browser.get(path)
            XCTAssertEqual(response.status, .notFound, path)
        }
    }

    func testTheSourcePageShowsTheMoneyDrawnAndTheCSVMatches() async throws {
        let browser = try await signedIn(DemoPeople.finance)
        let id = try await sourceID("Step Together pilot grant")
        let page = try await browser.get("/t/west-midlands/funding/\(id)?as_of=2022-11-15").body.string
        XCTAssertTrue(page.contains("Already lapsed unspent"))
        let csv = try await browser.get("/t/west-midlands/funding/\(id)/routes.csv?as_of=2022-11-15").body.string
        let lines = csv.split(separator: "\r\n").dropFirst()
        XCTAssertEqual(lines.count, 24, "one line per route the pilot paid for")
        for line in lines {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertEqual(cells[3], cells[6], "the pilot's allocations were sized to its school days, so all was drawn: \(line)")
            XCTAssertEqual(cells[8], "0.00", "nothing lapsed")
        }
    }
}
