import Fluent
import XCTVapor
@testable import WaymarkApp

final class AdminConsoleTests: AppTestCase {
    static let consolePages = ["/admin", "/admin/people", "/admin/audit", "/admin/tenants/west-midlands"]

    func testOnlyOperatorsOpenTheConsole() async throws {
        for (role, email) in DemoPeople.byRole {
            let browser = try await signedIn(email)
            for page in Self.consolePages {
                let response = try await browser.get(page)
                XCTAssertEqual(response.status, .forbidden, "\(role) on \(page)")
            }
        }
        let anonymous = try await browser().get("/admin")
        XCTAssertEqual(anonymous.status, .seeOther)
        XCTAssertTrue(anonymous.headers.first(name: .location)?.hasPrefix("/sign-in") ?? false)
        let operatorBrowser = try await signedIn(DemoPeople.operatorEmail)
        for page in Self.consolePages {
            let response = try await operatorBrowser.get(page)
            XCTAssertEqual(response.status, .ok, page)
        }
        let home = try await operatorBrowser.get("/admin").body.string
        XCTAssertTrue(home.contains("West Midlands Violence Reduction Partnership") && home.contains("northmoor"))
        let audit = try await operatorBrowser.get("/admin/audit").body.string
        XCTAssertTrue(audit.contains("chains verify"))
    }

    func testAnOperatorCreatesATenantWithItsFirstCommissionerWhoCanSignIn() async throws {
        let browser = try await signedIn(DemoPeople.operatorEmail)
        try await browser.get("/admin")
        let bad = try await browser.post("/admin/tenants", form: ["slug": "Bad Slug!", "name": "Fenwick VRU", "organisation": "Fenwick VRU"])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.body.string.contains("lower-case letters"))
        XCTAssertTrue(bad.body.string.contains("value=\"Fenwick VRU\""), "the rest of the form is kept")
        let taken = try await browser.post("/admin/tenants", form: ["slug": "northmoor", "name": "Again", "organisation": "Again"])
        XCTAssertTrue(taken.body.string.contains("already exists"))
        // Everything wrong at once: each problem listed, in the form's order.
        let allWrong = try await browser.post("/admin/tenants", form: ["slug": "", "name": "", "organisation": ""])
        XCTAssertEqual(allWrong.status, .unprocessableEntity)
        let names = ["<a href=\"#name\">", "<a href=\"#slug\">", "<a href=\"#organisation\">"].map { allWrong.body.string.range(of: $0)?.lowerBound }
        XCTAssertFalse(names.contains(nil), "every field is named: \(allWrong.body.string.prefix(3000))")
        XCTAssertEqual(names.compactMap { $0 }, names.compactMap { $0 }.sorted(), "in the form's order")
        let noOrganisation = try await browser.post("/admin/tenants", form: ["slug": "fenwick", "name": "Fenwick VRU", "organisation": ""])
        XCTAssertEqual(noOrganisation.status, .unprocessableEntity)
        let none = try await platform { db in try await Tenant.query(on: db).filter(\.$slug == "fenwick").count() }
        XCTAssertEqual(none, 0, "a refused form saves nothing")

        let created = try await browser.post("/admin/tenants", form: ["slug": "fenwick", "name": "Fenwick VRU", "organisation": "Fenwick Violence Reduction Unit"])
        XCTAssertEqual(created.headers.first(name: .location), "/admin/tenants/fenwick")
        let page = try await browser.get("/admin/tenants/fenwick").body.string
        XCTAssertTrue(page.contains("Fenwick Violence Reduction Unit"))
        let organisation = try await platform { db in
            try await Organisation.query(on: db).filter(\.$name == "Fenwick Violence Reduction Unit").first()
        }
        let noRole = try await browser.post("/admin/tenants/fenwick/members",
                                            form: ["email": "lead@fenwick.example", "name": "Lena Ford", "organisation": organisation!.id!.uuidString])
        XCTAssertTrue(noRole.body.string.contains("Choose the person&#39;s role") || noRole.body.string.contains("Choose the person"))
        let added = try await browser.post("/admin/tenants/fenwick/members", form: [
            "email": "lead@fenwick.example", "name": "Lena Ford", "organisation": organisation!.id!.uuidString, "role": "commissioner"])
        XCTAssertEqual(added.status, .ok)
        // The operator sees the invitation link once; the person chooses their own password.
        let shown = try XCTUnwrap(Self.capture(#"id="invitation-link">[^<]*(/invitations/[A-Za-z0-9_-]+)<"#, in: added.body.string))
        let link = try await InvitationTests.link(to: "lead@fenwick.example", app: app)
        XCTAssertEqual(shown, link, "the link shown is the one emailed")
        let people = try await platform { db in try await Person.query(on: db).filter(\.$email == "lead@fenwick.example").count() }
        XCTAssertEqual(people, 0, "nobody exists until they accept")

        // Lost on the way: the operator sends a new link, and the first stops working.
        let waiting = try await browser.get("/admin/tenants/fenwick").body.string
        XCTAssertTrue(waiting.contains("Invited, awaiting acceptance") && waiting.contains("Lena Ford"))
        let invitation = try await platform { db in try await Invitation.query(on: db).filter(\.$email == "lead@fenwick.example").first()! }
        let resent = try await browser.post("/admin/tenants/fenwick/invitations/\(invitation.id!.uuidString)/resend", form: [:])
        let newLink = try XCTUnwrap(Self.capture(#"id="invitation-link">[^<]*(/invitations/[A-Za-z0-9_-]+)<"#, in: resent.body.string))
        XCTAssertNotEqual(newLink, link)
        let oldLink = try await Browser(app: app).get(link)
        XCTAssertEqual(oldLink.status, .notFound)
        let elsewhere404 = try await browser.post("/admin/tenants/northmoor/invitations/\(invitation.id!.uuidString)/resend", form: [:])
        XCTAssertEqual(elsewhere404.status, .notFound, "an invitation is resent only from its own tenant")

        let lead = Browser(app: app)
        try await lead.get(newLink)
        let accepted = try await lead.post(newLink, form: ["name": "Lena Ford", "new_password": "fenwick first light", "confirm_password": "fenwick first light"])
        XCTAssertEqual(accepted.headers.first(name: .location), "/t/fenwick")
        let home = try await lead.get("/t/fenwick")
        XCTAssertEqual(home.status, .ok)
        let elsewhere = try await lead.get("/t/west-midlands")
        XCTAssertEqual(elsewhere.status, .notFound)
        let entries = try await platform { db in try await AuditEntry.query(on: db).filter(\.$action == "tenant.created").count() }
        XCTAssertGreaterThanOrEqual(entries, 1)
    }

    func testMembershipsAreRemovedAndPasswordsResetWithAnAuditTrail() async throws {
        let browser = try await signedIn(DemoPeople.operatorEmail)
        let viewer = try await platform { db in try await Person.query(on: db).filter(\.$email == DemoPeople.viewer).first() }
        let viewerID = try XCTUnwrap(viewer?.id)
        let found = try await browser.get("/admin/people?q=halcyon").body.string
        XCTAssertTrue(found.contains(DemoPeople.viewer))
        XCTAssertFalse(found.contains(DemoPeople.commissioner))

        let reset = try await browser.post("/admin/people/\(viewerID.uuidString)/reset-password", form: [:])
        let password = try XCTUnwrap(Self.capture(#"id="one-time-password">([A-Za-z0-9-]+)<"#, in: reset.body.string))
        let old = browser.app
        let refused = Browser(app: old)
        try await refused.get("/sign-in")
        let attempt = try await refused.post("/sign-in", form: ["email": DemoPeople.viewer, "password": Browser.demoPassword])
        XCTAssertEqual(attempt.status, .unauthorized, "the old password no longer works")
        let once = try await signedIn(DemoPeople.viewer, password: String(password))
        let chosen = try await once.post("/account/password", form: ["new_password": "the viewer's own passphrase",
                                                                     "confirm_password": "the viewer's own passphrase"])
        XCTAssertEqual(chosen.status, .seeOther, "the one-time password makes the viewer choose their own")

        let membership = try await platform { db in try await Membership.query(on: db).filter(\.$personID == viewerID).first() }
        let removed = try await browser.post("/admin/tenants/west-midlands/members/\(membership!.id!.uuidString)/remove", form: [:])
        XCTAssertEqual(removed.status, .seeOther)
        let viewerNow = try await signedIn(DemoPeople.viewer, password: "the viewer's own passphrase")
        let gone = try await viewerNow.get("/t/west-midlands")
        XCTAssertEqual(gone.status, .notFound, "without a membership the tenant is not theirs to see")
        let wrongTenant = try await browser.post("/admin/tenants/northmoor/members/\(membership!.id!.uuidString)/remove", form: [:])
        XCTAssertEqual(wrongTenant.status, .notFound)
        let actions = try await platform { db in try await AuditEntry.query(on: db).filter(\.$action ~~ ["membership.removed", "person.password_reset"]).count() }
        XCTAssertEqual(actions, 2)
    }

    static func capture(_ pattern: String, in text: String) -> String? {
        guard let match = try? Regex(pattern).firstMatch(in: text), match.count > 1 else { return nil }
        return match[1].substring.map(String.init)
    }
}
