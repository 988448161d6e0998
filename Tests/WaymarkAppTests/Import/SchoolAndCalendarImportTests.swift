import Fluent
import XCTVapor
@testable import WaymarkApp

final class SchoolAndCalendarImportTests: AppTestCase {
    func testSchoolsAreAddedAndUpdatedByURN() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv(["URN,Name,Local Authority,Area,Phase,Latitude,Longitude",
                             "140001,Tettenhall Wood School,Wolverhampton,Tettenhall,special,52.5899,-2.1720",
                             "149492,Heath Town Academy,E08000031,,all-through,,"])
        let done = try await importFile(browser, "schools", "schools.csv", file)
        XCTAssertEqual(done.status, .seeOther)
        let schools = try await platform { db in try await School.query(on: db).filter(\.$urn ~~ ["140001", "149492"]).all() }
        XCTAssertEqual(schools.first { $0.urn == "140001" }?.phase, "special")
        XCTAssertEqual(schools.first { $0.urn == "149492" }?.phase, "all_through", "'all-through' is read as the all_through phase")
        let area = try await platform { db in try await Area.query(on: db).filter(\.$name == "Tettenhall").count() }
        XCTAssertEqual(area, 1, "a new area is added once")
    }

    func testBadSchoolRowsAreListedAndNothingLands() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv(["urn,name,local_authority,latitude,longitude",
                             "140002,Fine School,E08000031,,",
                             "12AB,Bad URN,E08000031,,",
                             "140003,Half located,E08000031,52.5,"])
        let response = try await check(browser, "schools", "schools.csv", file)
        XCTAssertEqual(response.status, .unprocessableEntity)
        XCTAssertTrue(response.body.string.contains("is not a URN"))
        XCTAssertTrue(response.body.string.contains("Give both latitude and longitude"))
        let count = try await platform { db in try await School.query(on: db).filter(\.$urn == "140002").count() }
        XCTAssertEqual(count, 0)
    }

    func testACalendarYearIsReplacedAndCountsItsSchoolDays() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv(["calendar,academic_year,kind,start,end,local_authorities"]
            + CalendarImport.exampleRows.map { $0.joined(separator: ",") })
        let checked = try await check(browser, "calendars", "calendar.csv", file)
        XCTAssertEqual(checked.status, .ok)
        XCTAssertTrue(checked.body.string.contains("West Midlands standard term dates 2027/28"))
        let done = try await importFile(browser, "calendars", "calendar.csv", file)
        XCTAssertEqual(done.status, .seeOther)
        let birmingham = try await browser.get("/t/west-midlands/local-authorities/E08000025").body.string
        XCTAssertTrue(birmingham.contains("2027/28"), "the new year shows on the authority that uses the calendar")
        let again = try await check(browser, "calendars", "calendar.csv", file)
        XCTAssertTrue(again.body.string.contains("nothing to import"), "importing the same year twice changes nothing")
    }

    func testACalendarDownloadImportsBackUnchanged() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let download = try await browser.get("/t/west-midlands/local-authorities/E08000031/calendar.csv")
        let checked = try await check(browser, "calendars", "wolverhampton.csv", Data(buffer: download.body))
        XCTAssertEqual(checked.status, .ok, checked.body.string.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .components(separatedBy: "Every problem found").last?.prefix(1_500).description ?? "")
        XCTAssertTrue(checked.body.string.contains("nothing to import"))
    }

    func testCalendarMistakesNameTheirRows() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv(["calendar,academic_year,kind,start,end",
                             "standard,2040/41,term,2040-09-06,2040-12-17",
                             "standard,2040/41,half_term,2040-12-20,2040-12-24",
                             "standard,2040/41,term,2040-12-01,2041-03-31",
                             "standard,2040/41,term,2041-07-01,2041-09-10",
                             "standard,2040/41,term,2041-04-18,",
                             "standard,2041,term,2041-09-04,2041-12-15"])
        let response = try await check(browser, "calendars", "calendar.csv", file)
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        XCTAssertTrue(html.contains("is not within the academic year 2040/41"), "row 5 runs past 31 Aug")
        XCTAssertTrue(html.contains("Enter the last day of the term"), "row 6 has no end")
        XCTAssertTrue(html.contains("not an academic year"), "row 7's year")
        let periods = try await platform { db in try await TermPeriod.query(on: db).filter(\.$academicYear == "2040/41").count() }
        XCTAssertEqual(periods, 0)
        let overlap = try await check(browser, "calendars", "calendar.csv", Self.csv([
            "calendar,academic_year,kind,start,end",
            "standard,2040/41,term,2040-09-06,2040-12-17",
            "standard,2040/41,half_term,2040-09-01,2040-09-03",
            "standard,2040/41,term,2040-12-01,2041-03-31"]))
        XCTAssertTrue(overlap.body.string.contains("overlaps the term on row 2"))
        XCTAssertTrue(overlap.body.string.contains("is not inside any term"))
    }

    /// Issue 17: a bad row in one year and a bad year elsewhere come back in one answer; the
    /// year with the unreadable row is not also called empty.
    func testARowMistakeAndAnotherYearsMistakeComeBackTogether() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let response = try await check(browser, "calendars", "calendar.csv", Self.csv([
            "calendar,academic_year,kind,start,end",
            "standard,2040/41,term,2040-09-06,soon",
            "standard,2041/42,term,2041-09-06,2041-12-17",
            "standard,2041/42,half_term,2042-02-14,2042-02-18"]))
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        XCTAssertTrue(html.contains("soon"), "row 2's end is named")
        XCTAssertTrue(html.contains("is not inside any term of 2041/42"), "row 4's half-term, in the same answer")
        XCTAssertFalse(html.contains("2040/41 has no terms"), "the year whose term could not be read is not called empty")
    }
}
