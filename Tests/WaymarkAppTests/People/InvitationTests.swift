import Fluent
import XCTVapor
@testable import WaymarkApp

/// Invitations: a commissioner invites, the person follows the emailed link once.
final class InvitationTests: AppTestCase {
    /// The path of the newest invitation link emailed to `email`, read from the outbox as
    /// a mail server would receive it.
    static func link(to email: String, app: Application) async throws -> String {
        let body = try await app.platformDB { db in
            try await OutboxEmail.query(on: db).filter(\.$toAddress == email).sort(\.$createdAt, .descending).first()?.body
        }
        let text = try XCTUnwrap(body, "an invitation email to \(email) is in the outbox")
        return try XCTUnwrap(AdminConsoleTests.capture(#"(/invitations/[A-Za-z0-9_-]+)"#, in: text))
    }

    func organisationPath(_ name: String, tenant: String = "west-midlands") async throws -> String {
        let id = try await platform { db in try await Organisation.query(on: db).filter(\.$name == name).first()!.id! }
        return "/t/\(tenant)/organisations/\(id.uuidString)"
    }

    func invite(_ email: String, name: String, role: String, to organisation: String = "West Midlands Violence Reduction Partnership",
                as commissioner: String = DemoPeople.commissioner) async throws -> (Browser, String) {
        let browser = try await signedIn(commissioner)
        let path = try await organisationPath(organisation)
        try await browser.get(path)
        let sent = try await browser.post("\(path)/members", form: ["email": email, "name": name, "role": role])
        XCTAssertEqual(sent.status, .seeOther, sent.body.string)
        return (browser, path)
    }

    func auditCount() async throws -> Int {
        try await platform { db in
            try await AuditEntry.query(on: db).filter(\.$action ~~ ["invitation.created", "invitation.accepted", "membership.added", "person.created"]).count()
        }
    }

    func testInviteThenSetAPasswordThenSignedInWithTheRoleOnce() async throws {
        let entriesBefore = try await auditCount()
        let (commissioner, path) = try await invite("Sam.Okoro@Wmvrp.example", name: "Sam Okoro", role: "finance")
        let email = "sam.okoro@wmvrp.example"
        let link = try await Self.link(to: email, app: app)
        let outbox = try await platform { db in try await OutboxEmail.query(on: db).filter(\.$toAddress == email).first() }
        XCTAssertEqual(outbox?.subject, "Waymark: you are invited to West Midlands Violence Reduction Partnership")
        XCTAssertTrue(outbox?.body.contains("http://") ?? false, "the emailed link is absolute, from WAYMARK_PUBLIC_URL")
        let stored = try await platform { db in try await Invitation.query(on: db).filter(\.$email == email).first() }
        XCTAssertEqual(stored?.tokenHash, SecretToken.hash(String(link.split(separator: "/").last!)), "only the token's hash is kept")
        let linkOnPage = try await commissioner.get(path).body.string.contains(link)
        XCTAssertFalse(linkOnPage)

        let visitor = browser()
        let page = try await visitor.get(link)
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("West Midlands Violence Reduction Partnership") && page.body.string.contains("finance"))
        let bad = try await visitor.post(link, form: ["name": " ", "new_password": "short", "confirm_password": "different"])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        for message in ["Enter your full name", "at least 12 characters", "The passwords do not match"] {
            XCTAssertTrue(bad.body.string.contains(message), message)
        }
        let accepted = try await visitor.post(link, form: ["name": "Sam Okoro", "new_password": "sandwell to solihull", "confirm_password": "sandwell to solihull"])
        XCTAssertEqual(accepted.status, .seeOther)
        XCTAssertEqual(accepted.headers.first(name: .location), "/t/west-midlands")
        let funding = try await visitor.get("/t/west-midlands/funding").status
        XCTAssertEqual(funding, .ok, "signed in, with the finance role")
        let peoplePage = try await visitor.get("/t/west-midlands/people").status
        XCTAssertEqual(peoplePage, .forbidden)

        let again = try await browser().get(link)
        XCTAssertEqual(again.status, .gone)
        XCTAssertTrue(again.body.string.contains("already been used"))
        let reuse = try await visitor.post(link, form: ["name": "Someone Else", "new_password": "a different password", "confirm_password": "a different password"])
        XCTAssertEqual(reuse.status, .gone)
        _ = try await signedIn(email, password: "sandwell to solihull")
        let members = try await commissioner.get(path).body.string
        XCTAssertTrue(members.contains("Sam Okoro") && !members.contains("Invited, awaiting acceptance"))
        let entriesAfter = try await auditCount()
        XCTAssertEqual(entriesAfter - entriesBefore, 4, "invited, person created, role added, accepted")
    }

    func testWrongExpiredAndCancelledLinksAreRefusedPlainly() async throws {
        let wrongToken = try await browser().get("/invitations/not-a-real-token").status
        XCTAssertEqual(wrongToken, .notFound)
        let (commissioner, _) = try await invite("late@wmvrp.example", name: "Late Comer", role: "viewer")
        let link = try await Self.link(to: "late@wmvrp.example", app: app)
        try await platform { db in
            let invitation = try await Invitation.query(on: db).filter(\.$email == "late@wmvrp.example").first()!
            invitation.expiresAt = Date().addingTimeInterval(-60)
            try await invitation.save(on: db)
        }
        let expired = try await browser().get(link)
        XCTAssertEqual(expired.status, .gone)
        XCTAssertTrue(expired.body.string.contains("has expired"))
        let visitor = browser()
        try await visitor.get(SiteMap.signIn.path())
        let late = try await visitor.post(link, form: ["name": "Late Comer", "new_password": "too late for this", "confirm_password": "too late for this"])
        XCTAssertEqual(late.status, .gone)
        let peopleMade = try await platform { db in try await Person.query(on: db).filter(\.$email == "late@wmvrp.example").count() }
        XCTAssertEqual(peopleMade, 0)

        // Resending makes a new link and retires the old one; cancelling retires it for good.
        let people = try await commissioner.get("/t/west-midlands/people").body.string
        XCTAssertTrue(people.contains("Expired"))
        let invitation = try await platform { db in try await Invitation.query(on: db).filter(\.$email == "late@wmvrp.example").first()! }
        let resend = "/t/west-midlands/invitations/\(invitation.id!.uuidString)/resend"
        let resent = try await commissioner.post(resend, form: ["version": "\(invitation.version)"]).status
        XCTAssertEqual(resent, .seeOther)
        let staleResend = try await commissioner.post(resend, form: ["version": "\(invitation.version)"]).status
        XCTAssertEqual(staleResend, .conflict, "a stale form")
        let fresh = try await Self.link(to: "late@wmvrp.example", app: app)
        XCTAssertNotEqual(fresh, link)
        let oldLink = try await browser().get(link).status
        XCTAssertEqual(oldLink, .notFound, "the old link is no longer anything")
        let freshLink = try await browser().get(fresh).status
        XCTAssertEqual(freshLink, .ok)
        let cancel = "/t/west-midlands/invitations/\(invitation.id!.uuidString)/cancel"
        let cancelling = try await commissioner.post(cancel, form: ["version": "\(invitation.version + 1)"]).status
        XCTAssertEqual(cancelling, .seeOther)
        let cancelled = try await browser().get(fresh)
        XCTAssertEqual(cancelled.status, .gone)
        XCTAssertTrue(cancelled.body.string.contains("cancelled"))
    }

    /// Bethany Ashworth is Northmoor's commissioner. West Midlands invites her email under
    /// the name it knows: it must never see the name Northmoor holds, and the invitation
    /// must not let anyone into her account.
    func testAnEmailKnownInAnotherTenantShowsOnlyTheInvitingTenantsName() async throws {
        let email = DemoPeople.northmoorCommissioner
        let (commissioner, path) = try await invite(email, name: "B. Ashworth", role: "viewer")
        for page in [path, "/t/west-midlands/people"] {
            let html = try await commissioner.get(page).body.string
            XCTAssertTrue(html.contains("B. Ashworth"), page)
            XCTAssertFalse(html.contains("Bethany Ashworth"), "before acceptance, \(page)")
        }
        let link = try await Self.link(to: email, app: app)
        let visitor = browser()
        let page = try await visitor.get(link).body.string
        XCTAssertTrue(page.contains("You already use Waymark"))
        XCTAssertFalse(page.contains("new_password"), "no password is set through the link for an existing account")
        // Someone holding the link tries to set a password anyway: it is ignored.
        let accepted = try await visitor.post(link, form: ["name": "Mallory", "new_password": "taken over now!", "confirm_password": "taken over now!"])
        XCTAssertEqual(accepted.status, .seeOther)
        XCTAssertTrue(accepted.headers.first(name: .location)?.hasPrefix("/sign-in") ?? false, "accepting does not sign the visitor in")
        let stillOut = try await visitor.get("/t/west-midlands").status
        XCTAssertEqual(stillOut, .seeOther, "still signed out")
        let attempt = try await visitor.post("/sign-in", form: ["email": email, "password": "taken over now!"])
        XCTAssertEqual(attempt.status, .unauthorized, "the password did not change")

        let bethany = try await signedIn(email)
        let joined = try await bethany.get("/t/west-midlands").status
        XCTAssertEqual(joined, .ok, "the role was added to her account")
        let ownTenant = try await bethany.get("/t/northmoor").status
        XCTAssertEqual(ownTenant, .ok)
        // What she does in West Midlands is recorded under the name West Midlands gave her.
        try await bethany.get("/t/west-midlands/tokens")
        let token = try await bethany.post("/t/west-midlands/tokens", form: ["name": "Reports"])
        XCTAssertTrue([HTTPStatus.ok, .seeOther].contains(token.status), "\(token.status)")
        let audit = try await commissioner.get("/t/west-midlands/audit").body.string
        XCTAssertTrue(audit.contains("B. Ashworth &lt;") || audit.contains("B. Ashworth <"), "her own actions carry the typed name")
        for page in [path, "/t/west-midlands/people", "/t/west-midlands/audit"] {
            let html = try await commissioner.get(page).body.string
            XCTAssertFalse(html.contains("Bethany Ashworth"), "after acceptance, \(page)")
        }
        let typedName = try await commissioner.get("/t/west-midlands/people").body.string.contains("B. Ashworth")
        XCTAssertTrue(typedName)
    }

    func testOnlyCommissionersInviteAndNeverIntoAnotherTenant() async throws {
        let path = try await organisationPath("Lanternway Youth Trust")
        for (role, email) in DemoPeople.byRole where role != "commissioner" {
            let browser = try await signedIn(email)
            let response = try await browser.post("\(path)/members", form: ["email": "z@y.example", "name": "Z", "role": "commissioner"])
            XCTAssertTrue([HTTPStatus.forbidden, .notFound].contains(response.status), "\(role): \(response.status)")
        }
        let northmoor = try await signedIn(DemoPeople.northmoorCommissioner)
        let response = try await northmoor.post("\(path.replacingOccurrences(of: "west-midlands", with: "northmoor"))/members",
                                                form: ["email": "z@y.example", "name": "Z", "role": "viewer"])
        XCTAssertEqual(response.status, .notFound)
        let invitations = try await platform { db in try await Invitation.query(on: db).count() }
        XCTAssertEqual(invitations, 0)
    }

    /// Someone already signed in as the invited person accepts with one press.
    func testSomeoneSignedInAsTheInvitedPersonJoinsAtOnce() async throws {
        _ = try await invite(DemoPeople.northmoorCommissioner, name: "B. Ashworth", role: "assessor")
        let link = try await Self.link(to: DemoPeople.northmoorCommissioner, app: app)
        let bethany = try await signedIn(DemoPeople.northmoorCommissioner)
        try await bethany.get(link)
        let accepted = try await bethany.post(link, form: [:])
        XCTAssertEqual(accepted.headers.first(name: .location), "/t/west-midlands")
        let home = try await bethany.get("/t/west-midlands")
        XCTAssertEqual(home.status, .ok)
    }

    /// An account made for the email after the form was opened (another tenant's invitation
    /// accepted first) is never given the password typed into this one.
    func testAnAccountMadeMeanwhileKeepsItsOwnPassword() async throws {
        _ = try await invite("twice@wmvrp.example", name: "Twice Invited", role: "viewer")
        let link = try await Self.link(to: "twice@wmvrp.example", app: app)
        let visitor = browser()
        let form = try await visitor.get(link)
        XCTAssertTrue(form.body.string.contains("new_password"))
        let hash = try await app.password.async.hash("the owner's own password")
        try await platform { db in
            try await Person(name: "Their Own Name", email: "twice@wmvrp.example", passwordHash: hash).create(on: db)
        }
        let accepted = try await visitor.post(link, form: ["name": "Mallory", "new_password": "an intruder's choice", "confirm_password": "an intruder's choice"])
        XCTAssertEqual(accepted.status, .seeOther)
        XCTAssertTrue(accepted.headers.first(name: .location)?.hasPrefix("/sign-in") ?? false)
        let intruder = browser()
        try await intruder.get("/sign-in")
        let refused = try await intruder.post("/sign-in", form: ["email": "twice@wmvrp.example", "password": "an intruder's choice"])
        XCTAssertEqual(refused.status, .unauthorized)
        let owner = try await signedIn("twice@wmvrp.example", password: "the owner's own password")
        let home = try await owner.get("/t/west-midlands")
        XCTAssertEqual(home.status, .ok, "the role was added to the existing account")
        let names = try await platform { db in try await Person.query(on: db).filter(\.$email == "twice@wmvrp.example").all().map(\.name) }
        XCTAssertEqual(names, ["Their Own Name"])
    }
}
