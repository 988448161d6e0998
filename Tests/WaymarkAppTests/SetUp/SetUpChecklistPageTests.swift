import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

final class SetUpChecklistPageTests: AppTestCase {
    func testANewPartnershipSeesWhatIsMissingAndWhereToAddIt() async throws {
        let browser = try await newTenant()
        let home = try await browser.get("/t/west-yorkshire")
        XCTAssertEqual(home.status, .ok)
        let html = home.body.string
        XCTAssertTrue(html.contains("Setting up this partnership"))
        XCTAssertTrue(html.contains("No local authorities yet"))
        XCTAssertTrue(html.contains("href=\"/t/west-yorkshire/local-authorities/add\""))
        XCTAssertTrue(html.contains("No one holds the finance, partner and provider roles yet"))

        _ = try await browser.post("/t/west-yorkshire/local-authorities/add", form: ["gss": "E08000036"])
        let after = try await browser.get("/t/west-yorkshire").body.string
        XCTAssertTrue(after.contains("1 local authority: Wakefield."))
        XCTAssertTrue(after.contains("Wakefield has no term dates"))
    }

    func testOnlyThoseWhoSetUpSeeTheChecklist() async throws {
        _ = try await newTenant()
        let demo = try await signedIn(DemoPeople.finance)
        let answer1 = try await demo.get("/t/west-midlands")
        XCTAssertFalse(answer1.body.string.contains("Setting up this partnership"))
    }

    func testTheDashboardSaysPlainlyWhenItsAnswerIsIncomplete() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        // The demo's term dates run to the end of an academic year a little after today: within
        // the 180-day watch window of its last spring, the answer cannot be whole.
        let lastYear = try await platform { db in
            let tenant = try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()!
            return try await TermPeriod.query(on: db).filter(\.$tenantID == tenant.id!).all()
                .compactMap { AcademicYear(label: $0.academicYear) }.max()!
        }
        let end = lastYear.range.end
        let late = try await browser.get("/t/west-midlands/dashboard?as_of=\(end.adding(days: -100).iso)")
        XCTAssertTrue(late.body.string.contains("This answer is incomplete: Term dates for Birmingham, Coventry,"))
        XCTAssertTrue(late.body.string.contains("run only to \(end.display)"))
        let early = try await browser.get("/t/west-midlands/dashboard?as_of=2023-01-16")
        XCTAssertFalse(early.body.string.contains("This answer is incomplete"))
    }
}
