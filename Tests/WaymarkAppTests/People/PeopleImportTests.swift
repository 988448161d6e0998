import Fluent
import XCTVapor
@testable import WaymarkApp

/// Importing people: every row an invitation, checked whole, landing whole or not at all.
final class PeopleImportTests: AppTestCase {
    static func peopleCSV(_ lines: [String]) -> Data { Data(lines.joined(separator: "\r\n").utf8) }

    func testAGoodFileInvitesEveryoneFromCSVOrExcel() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let file = Self.peopleCSV([
            "name,email,organisation,role",
            "Sam Okoro,Sam.Okoro@coventrycc.example,Coventry City Council,partner",
            "Ruth Adey,ruth.adey@lanternway.example,lanternway youth trust,provider",
        ])
        let checked = try await check(browser, "people", "people.csv", file)
        XCTAssertEqual(checked.status, .ok)
        XCTAssertTrue(checked.body.string.contains("is ready to import"))
        let afterCheck = try await platform { db in try await Invitation.query(on: db).count() }
        XCTAssertEqual(afterCheck, 0, "checking sends nothing")
        let imported = try await importFile(browser, "people", "people.csv", file)
        XCTAssertEqual(imported.status, .seeOther)
        let invitations = try await platform { db in try await Invitation.query(on: db).sort(\.$email).all() }
        XCTAssertEqual(invitations.map(\.email), ["ruth.adey@lanternway.example", "sam.okoro@coventrycc.example"])
        XCTAssertEqual(invitations.map(\.role), ["provider", "partner"])
        let link = try await InvitationTests.link(to: "sam.okoro@coventrycc.example", app: app)
        let linkPage = try await self.browser().get(link).status
        XCTAssertEqual(linkPage, .ok)
        let listed = try await browser.get("/t/west-midlands/people").body.string.contains("Ruth Adey")
        XCTAssertTrue(listed)

        let xlsx = try TabularWriter.xlsx(sheetName: "People", headers: ["name", "email", "organisation", "role"],
                                          rows: [["Ola Banks", "ola.banks@dudleymbc.example", "Dudley Metropolitan Borough Council", "partner"]])
        let excel = try await importFile(browser, "people", "people.xlsx", xlsx).status
        XCTAssertEqual(excel, .seeOther)
        let total = try await platform { db in try await Invitation.query(on: db).count() }
        XCTAssertEqual(total, 3)
    }

    func testEveryProblemIsListedByRowAndColumnAndNobodyIsInvited() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let file = Self.peopleCSV([
            "name,email,organisation,role",
            "Bad Email,not an email,Coventry City Council,partner",
            "Nowhere,n@where.example,Atlantis Council,partner",
            "Emperor,e@rome.example,Coventry City Council,emperor",
            "Twice,twice@coventrycc.example,Coventry City Council,partner",
            "Twice Again,twice@coventrycc.example,Coventry City Council,partner",
            "Chloe,chloe.adebayo@lanternway.example,Lanternway Youth Trust,provider",
            ",,,",
            "Fine Person,fine@coventrycc.example,Coventry City Council,viewer",
            ",missing@name.example,,",
        ])
        let checked = try await check(browser, "people", "people.csv", file)
        XCTAssertEqual(checked.status, .unprocessableEntity)
        let html = checked.body.string
        for expected in ["not an email", "Atlantis Council", "is not one of: commissioner", "Row 5 already invites twice@coventrycc.example",
                         "already has the provider role in Lanternway Youth Trust", "Enter a value"] {
            XCTAssertTrue(html.contains(expected) || html.contains(expected.replacingOccurrences(of: "'", with: "&#39;")), expected)
        }
        let afterRefusal = try await platform { db in try await Invitation.query(on: db).count() }
        XCTAssertEqual(afterRefusal, 0)
        let queued = try await platform { db in try await OutboxEmail.query(on: db).count() }
        XCTAssertEqual(queued, 0, "no email queued")
    }

    func testOnlyCommissionersImportPeople() async throws {
        for (role, email) in DemoPeople.byRole where role != "commissioner" {
            let browser = try await signedIn(email)
            let importPage = try await browser.get("/t/west-midlands/imports/people").status
            XCTAssertEqual(importPage, .forbidden, role)
        }
    }
}
