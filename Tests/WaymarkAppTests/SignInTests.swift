import Fluent
import XCTVapor
@testable import WaymarkApp

final class SignInTests: AppTestCase {
    func testSignInPageIsServedWithSecurityHeaders() async throws {
        let response = try await browser().get("/sign-in")
        XCTAssertEqual(response.status, .ok)
        XCTAssertTrue(response.body.string.contains("Sign in to Waymark"))
        let csp = response.headers.first(name: "Content-Security-Policy") ?? ""
        XCTAssertTrue(csp.contains("script-src 'self'"))
        XCTAssertTrue(csp.contains("frame-ancestors 'none'"))
        XCTAssertFalse(csp.contains("unsafe-inline"))
        XCTAssertEqual(response.headers.first(name: "X-Frame-Options"), "DENY")
        let cookie = response.headers[.setCookie].first ?? ""
        XCTAssertTrue(cookie.contains("HttpOnly"))
        XCTAssertTrue(cookie.contains("SameSite=Lax"))
    }

    /// A session is read with its person in one query and touched at most once a minute; the
    /// request that touches it must still know who is signed in (it once read the person from
    /// what the touch had just written, which held no person).
    func testARequestThatTouchesTheSessionStillKnowsThePerson() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let before = SecurityClock.now().addingTimeInterval(-120)
        try await platform { db in
            for session in try await WebSession.query(on: db).filter(\.$personID != nil).all() {
                session.lastSeenAt = before
                try await session.save(on: db)
            }
        }
        for _ in 0..<2 {
            let page = try await browser.get("/t/west-midlands/")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.string.contains("Sign out"), "still signed in, as the commissioner")
        }
        let touched = try await platform { db in try await WebSession.query(on: db).filter(\.$personID != nil).all().map(\.lastSeenAt) }
        XCTAssertTrue(touched.contains { $0 > before.addingTimeInterval(60) }, "the session was touched")
    }

    func testEveryDemoPersonCanSignIn() async throws {
        for (_, email) in DemoPeople.byRole + [("operator", DemoPeople.operatorEmail), ("northmoor", DemoPeople.northmoorCommissioner)] {
            let browser = try await signedIn(email)
            let home = try await browser.get("/")
            XCTAssertTrue([.ok, .seeOther].contains(home.status), "\(email) home answered \(home.status)")
        }
    }

    func testWrongPasswordIsRefusedWithTheFormKept() async throws {
        let browser = browser()
        try await browser.get("/sign-in")
        let response = try await browser.post("/sign-in", form: ["email": DemoPeople.commissioner, "password": "not-the-password"])
        XCTAssertEqual(response.status, .unauthorized)
        XCTAssertTrue(response.body.string.contains("The email address or password is not right"))
        XCTAssertTrue(response.body.string.contains("value=\"\(DemoPeople.commissioner)\""))
        XCTAssertTrue(response.body.string.contains("href=\"#email\""), "the error summary links to the field")
        let account = try await browser.get("/account")
        XCTAssertEqual(account.status, .seeOther, "still signed out")
    }

    func testEmptyFieldsAreNamed() async throws {
        let browser = browser()
        let response = try await browser.post("/sign-in", form: ["email": "", "password": ""])
        XCTAssertEqual(response.status, .unprocessableEntity)
        XCTAssertTrue(response.body.string.contains("Enter your email address"))
        XCTAssertTrue(response.body.string.contains("Enter your password"))
    }

    func testRepeatedFailuresAreThrottledEvenWithTheRightPassword() async throws {
        let browser = browser()
        for _ in 0..<SignInThrottle.perEmail {
            let response = try await browser.post("/sign-in", form: ["email": DemoPeople.finance, "password": "wrong-password"])
            XCTAssertEqual(response.status, .unauthorized)
        }
        let locked = try await browser.post("/sign-in", form: ["email": DemoPeople.finance, "password": Browser.demoPassword])
        XCTAssertEqual(locked.status, .tooManyRequests)
        XCTAssertTrue(locked.body.string.contains("You have entered the wrong details too many times. Wait 15 minutes"))
        // Another account is not locked by this one's failures.
        try await self.browser().signIn(DemoPeople.viewer)
    }

    func testFormsWithoutTheCSRFTokenAreRefused() async throws {
        let browser = browser()
        try await browser.get("/sign-in")
        let missing = try await browser.post("/sign-in", form: ["email": DemoPeople.commissioner, "password": Browser.demoPassword], includeCSRF: false)
        XCTAssertEqual(missing.status, .forbidden)
        let forged = try await browser.post("/sign-in", form: ["email": DemoPeople.commissioner, "password": Browser.demoPassword, "_csrf": "forged"])
        XCTAssertEqual(forged.status, .forbidden)
        XCTAssertTrue(forged.body.string.contains("This form has expired"))
    }

    func testSignInStartsANewSessionAndSignOutEndsIt() async throws {
        let browser = browser()
        try await browser.get("/sign-in")
        let before = browser.cookies["waymark_session"]
        try await browser.signIn(DemoPeople.commissioner)
        let after = browser.cookies["waymark_session"]
        XCTAssertNotNil(after)
        XCTAssertNotEqual(before, after, "a session planted before sign-in must not survive it")
        let out = try await browser.post("/sign-out", form: [:])
        XCTAssertEqual(out.status, .seeOther)
        let routes = try await browser.get("/t/west-midlands/routes")
        XCTAssertEqual(routes.status, .seeOther)
        XCTAssertTrue(routes.headers.first(name: .location)?.hasPrefix("/sign-in?next=") ?? false)
    }

    func testSignInSendsPeopleBackToWhereTheyWereGoingButNeverOffSite() async throws {
        XCTAssertEqual(SignInController.safeNext("/t/west-midlands/routes"), "/t/west-midlands/routes")
        XCTAssertNil(SignInController.safeNext("//evil.example/"))
        XCTAssertNil(SignInController.safeNext("https://evil.example/"))
        XCTAssertNil(SignInController.safeNext("/\\evil.example"))
    }

    func testChangingPasswordChecksTheCurrentOneAndLength() async throws {
        let browser = try await signedIn(DemoPeople.viewer)
        let bad = try await browser.post("/account/password", form: [
            "current_password": "wrong", "new_password": "short", "confirm_password": "different"])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.body.string.contains("Your current password is not right"))
        XCTAssertTrue(bad.body.string.contains("at least 12 characters"))
        XCTAssertTrue(bad.body.string.contains("The passwords do not match"))
        let good = try await browser.post("/account/password", form: [
            "current_password": Browser.demoPassword, "new_password": "a much longer passphrase", "confirm_password": "a much longer passphrase"])
        XCTAssertEqual(good.status, .seeOther)
        try await self.browser().signIn(DemoPeople.viewer, password: "a much longer passphrase")
    }
}
