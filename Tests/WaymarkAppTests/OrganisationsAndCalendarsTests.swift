import Fluent
import XCTVapor
@testable import WaymarkApp

final class OrganisationsAndCalendarsTests: AppTestCase {
    func organisationPath(_ name: String) async throws -> String {
        let id = try await platform { db in try await Organisation.query(on: db).filter(\.$name == name).first()!.id! }
        return "/t/west-midlands/organisations/\(id.uuidString)"
    }

    func testCommissionerInvitesANewPersonWhoAcceptsAndCanThenSignIn() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let path = try await organisationPath("City of Wolverhampton Council")
        let page = try await browser.get(path)
        XCTAssertTrue(page.body.string.contains("harjit.bains@wolverhamptoncc.example"))
        let added = try await browser.post("\(path)/members", form: ["email": "New.Person@Wolverhamptoncc.example", "name": "New Person", "role": "partner"])
        XCTAssertEqual(added.status, .seeOther, "an invitation, not a password on screen")
        let after = try await browser.get(path).body.string
        XCTAssertTrue(after.contains("new.person@wolverhamptoncc.example") && after.contains("Invited, awaiting acceptance"))
        let link = try await InvitationTests.link(to: "new.person@wolverhamptoncc.example", app: app)
        XCTAssertFalse(after.contains(link), "the link is never shown to the commissioner")
        let newcomer = self.browser()
        try await newcomer.get(link)
        let accepted = try await newcomer.post(link, form: ["name": "New Person", "new_password": "wolverhampton walks", "confirm_password": "wolverhampton walks"])
        XCTAssertEqual(accepted.status, .seeOther)
        let routes = try await newcomer.get("/t/west-midlands/routes")
        XCTAssertTrue(routes.body.string.contains("WLV-01"))
        XCTAssertFalse(routes.body.string.contains("BHM-01"), "a council partner sees their own authority")
    }

    func testAddingAMemberRefusesBadInputAndDuplicatesAndSavesNothing() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let path = try await organisationPath("Lanternway Youth Trust")
        let bad = try await browser.post("\(path)/members", form: ["email": "not an email", "name": "Someone", "role": "provider"])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.body.string.contains("Enter an email address in the correct format"))
        XCTAssertTrue(bad.body.string.contains("value=\"Someone\""))
        let badRole = try await browser.post("\(path)/members", form: ["email": "x@y.example", "name": "X", "role": "emperor"])
        XCTAssertTrue(badRole.body.string.contains("Choose the person&#39;s role") || badRole.body.string.contains("Choose the person's role"))
        let duplicate = try await browser.post("\(path)/members", form: ["email": "chloe.adebayo@lanternway.example", "name": "Chloe", "role": "provider"])
        XCTAssertEqual(duplicate.status, .unprocessableEntity)
        XCTAssertTrue(duplicate.body.string.contains("already has that role"))
        let people = try await platform { db in try await Person.query(on: db).filter(\.$email == "x@y.example").count() }
        XCTAssertEqual(people, 0)
        let invitations = try await platform { db in try await Invitation.query(on: db).count() }
        XCTAssertEqual(invitations, 0, "a refused form invites nobody")
    }

    func testOnlyCommissionersAddMembers() async throws {
        let browser = try await signedIn(DemoPeople.finance)
        let path = try await organisationPath("Lanternway Youth Trust")
        let page = try await browser.get(path)
        XCTAssertFalse(page.body.string.contains("Invite a person"))
        let response = try await browser.post("\(path)/members", form: ["email": "z@y.example", "name": "Z", "role": "commissioner"])
        XCTAssertEqual(response.status, .forbidden)
    }

    func testAnotherTenantsOrganisationIsNotFound() async throws {
        let northmoorOrg = try await platform { db in
            try await Organisation.query(on: db).filter(\.$name == "Northmoor Violence Reduction Unit").first()!.id!
        }
        let browser = try await signedIn(DemoPeople.commissioner)
        let response = try await browser.get("/t/west-midlands/organisations/\(northmoorOrg.uuidString)")
        XCTAssertEqual(response.status, .notFound)
        let post = try await browser.post("/t/west-midlands/organisations/\(northmoorOrg.uuidString)/members", form: ["email": "a@b.example", "name": "A", "role": "viewer"])
        XCTAssertEqual(post.status, .notFound)
    }

    func testCalendarsCountSchoolDaysByTheDomainRules() async throws {
        let browser = try await signedIn(DemoPeople.provider)
        let birmingham = try await browser.get("/t/west-midlands/local-authorities/E08000025")
        XCTAssertEqual(birmingham.status, .ok)
        // 2022/23 has 188 pupil days: three extra bank holidays fell in term.
        XCTAssertTrue(birmingham.body.string.contains("2022/23 <span class=\"wm-caption-m\">188 school days"))
        XCTAssertTrue(birmingham.body.string.contains("2023/24 <span class=\"wm-caption-m\">190 school days"))
        let csv = try await browser.get("/t/west-midlands/local-authorities/E08000031/calendar.csv")
        XCTAssertTrue(csv.body.string.contains("City of Wolverhampton term dates,2023/24,term,"))
    }

    func testAuditPageShowsChangesAndVerification() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let page = try await browser.get("/t/west-midlands/audit")
        XCTAssertTrue(page.body.string.contains("demo.seeded"))
        XCTAssertTrue(page.body.string.contains("entries verify"))
        let csv = try await browser.get("/t/west-midlands/audit.csv")
        XCTAssertTrue(csv.body.string.hasPrefix("\u{FEFF}seq,at_utc"))
    }
}
