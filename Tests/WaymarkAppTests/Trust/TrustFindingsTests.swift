import Fluent
import XCTVapor
@testable import WaymarkApp
@testable import WaymarkDomain

/// Issue 16's findings 1 to 7, each as the attack or the walk found it, through the pages.
final class TrustFindingsTests: AppTestCase {
    static let wolverhamptonPartner = "harjit.bains@wolverhamptoncc.example"

    /// 1. A partner's dashboard names only their own organisation's grants.
    func testAPartnersDashboardListsOnlyTheirOwnGrants() async throws {
        let partner = try await signedIn(Self.wolverhamptonPartner)
        for path in ["/t/west-midlands/dashboard?as_of=2023-06-01", "/t/west-midlands/dashboard/tables/ending-grants.csv?as_of=2023-06-01"] {
            let page = try await partner.get(path).body.string
            XCTAssertFalse(page.contains("Ladypool Academy"), path)
            XCTAssertFalse(page.contains("Community safety grant"), path)
        }
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let whole = try await commissioner.get("/t/west-midlands/dashboard?as_of=2023-06-01").body.string
        XCTAssertTrue(whole.contains("Ladypool Academy"), "the commissioner still sees every grant")
    }

    /// 2. A council's partner lists only their own local authority.
    func testAPartnerListsOnlyTheirOwnLocalAuthority() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let page = try await partner.get("/t/west-midlands/local-authorities").body.string
        XCTAssertTrue(page.contains("Birmingham"))
        for other in ["Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton"] {
            XCTAssertFalse(page.contains(">\(other)<"), other)
        }
        let csv = try await partner.get("/t/west-midlands/local-authorities.csv").body.string
        XCTAssertEqual(csv.split(whereSeparator: \.isNewline).count, 2, csv)
        let coventry = try await partner.get("/t/west-midlands/local-authorities/E08000026")
        XCTAssertEqual(coventry.status, .notFound)
    }

    /// 3. The audit log keeps the bid seal, and never shows who asked a question.
    func testTheAuditLogKeepsTheSealAndNeverNamesWhoAsked() async throws {
        setClock("2025-03-01T10:00:00Z")
        let spec = try await publishedSpecification(closingDay: "2025-03-30")
        let lanternway = try await signedIn(CommissioningPeople.lanternway)
        let bid = try await submitBid(lanternway, specID: spec, price: "89,400")
        XCTAssertEqual(bid.status, .seeOther)
        let personal = try await lanternway.post(SiteMap.Tenant.clarifications.path(Self.slug, spec),
                                                 form: ["question": "May we bid for one route? Call Chloe on 07700 900123."])
        XCTAssertEqual(personal.status, .unprocessableEntity, "questions are published: no personal data")
        XCTAssertTrue(personal.body.string.contains("must not hold personal data: remove a phone number (07700 900123)"))
        let asked = try await lanternway.post(SiteMap.Tenant.clarifications.path(Self.slug, spec), form: ["question": "May we bid for one route?"])
        XCTAssertEqual(asked.status, .seeOther)
        let commissioner = try await signedIn(DemoPeople.commissioner)
        for path in ["/t/west-midlands/audit", "/t/west-midlands/audit.csv"] {
            let log = try await commissioner.get(path).body.string
            XCTAssertFalse(log.contains("bid.submitted"), "\(path): who bid is sealed until the deadline")
            XCTAssertFalse(log.contains("chloe.adebayo"), "\(path): nor who asked")
            XCTAssertFalse(log.contains("Chloe Adebayo"), path)
            XCTAssertTrue(log.contains("clarification.asked"), path)
            XCTAssertTrue(log.contains(AuditReading.askerWithheld), path)
        }
        setClock("2025-03-30T11:00:01Z")
        let after = try await commissioner.get("/t/west-midlands/audit").body.string
        XCTAssertTrue(after.contains("bid.submitted"), "after the deadline the commissioners may see who bid")
        XCTAssertFalse(after.contains("Chloe Adebayo &lt;chloe.adebayo@lanternway.example&gt;</td><td class=\"wm-table__cell\">clarification.asked"))
    }

    /// 4. Every route line's narrative in an uploaded return is kept, and checked.
    func testAReturnUploadKeepsEveryLinesNarrativeAndChecksIt() async throws {
        app.clock.set(ReturnFixtures.today)
        let contract = try await returnsContract()
        let provider = try await signedIn(DemoPeople.provider)
        let october = ReturnFixtures.october
        let template = try await provider.get(returnPath(contract, october, "/template.csv")).body.string
        let lines = template.split(separator: "\r\n").map(String.init)
        let headers = lines[0].replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: ",").map(String.init)
        func fill(_ narratives: [String]) -> Data {
            var filled = lines
            for index in 1..<filled.count {
                var cells = filled[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                cells[headers.firstIndex(of: "sessions_delivered")!] = "34"
                cells[headers.firstIndex(of: "chaperone_hours")!] = "120.25"
                cells[headers.firstIndex(of: "staff_on_route")!] = "2"
                cells[headers.firstIndex(of: "narrative")!] = narratives[index - 1]
                filled[index] = cells.joined(separator: ",")
            }
            return Data(filled.joined(separator: "\r\n").utf8)
        }
        let personal = try await provider.postMultipart(returnPath(contract, october, "/upload"), fields: ["version": "0"],
            file: ("file", "october.csv", fill(["City Centre ran every day.", "Sam Jones born 04/05/2009 of 12 High Street rang 07700 900123."])))
        XCTAssertEqual(personal.status, .unprocessableEntity, "the second line's text is checked too")
        XCTAssertTrue(personal.body.string.contains("looks like it holds personal data"))
        let upload = try await provider.postMultipart(returnPath(contract, october, "/upload"), fields: ["version": "0"],
            file: ("file", "october.csv", fill(["City Centre ran every day.", "Blakenhall lost two sessions to snow."])))
        XCTAssertEqual(upload.status, .seeOther, upload.body.string)
        let narrative = try await platform { [contract] db -> String in
            let record = try await MonthlyReturnRecord.query(on: db).filter(\.$contractID == UUID(uuidString: contract)!).first()!
            return try await ReturnVersionRecord.query(on: db).filter(\.$returnID == record.id!).first()!.content.narrative
        }
        XCTAssertEqual(narrative, "WLV-01: City Centre ran every day.\n\nWLV-02: Blakenhall lost two sessions to snow.")
    }

    /// 5. An operator's one-time password signs in once, expires, and makes the person choose.
    func testAOneTimePasswordWorksOnceAndMakesThePersonChooseTheirOwn() async throws {
        let password = try await resetPassword(of: DemoPeople.viewer)
        let first = try await signIn(DemoPeople.viewer, password: password)
        XCTAssertEqual(first.response.status, .seeOther)
        XCTAssertEqual(first.response.headers.first(name: .location), "/account")
        let elsewhere = try await first.browser.get("/t/west-midlands/routes")
        XCTAssertEqual(elsewhere.status, .seeOther, "every page waits for a new password")
        XCTAssertEqual(elsewhere.headers.first(name: .location), "/account")
        let account = try await first.browser.get("/account").body.string
        XCTAssertTrue(account.contains("Choose your password"))
        XCTAssertFalse(account.contains("id=\"current_password\""))

        let again = try await signIn(DemoPeople.viewer, password: password)
        XCTAssertEqual(again.response.status, .unauthorized, "the one-time password is spent")

        let chosen = try await first.browser.post("/account/password", form: ["new_password": "a long new passphrase", "confirm_password": "a long new passphrase"])
        XCTAssertEqual(chosen.status, .seeOther)
        let free = try await first.browser.get("/t/west-midlands/routes")
        XCTAssertEqual(free.status, .ok)

        let expiring = try await resetPassword(of: DemoPeople.assessor)
        // Its lifetime runs on real time (`SecurityClock`): let it have run out.
        try await platform { db in
            let person = try await Person.query(on: db).filter(\.$email == DemoPeople.assessor).first()!
            person.oneTimePasswordExpiresAt = SecurityClock.now().addingTimeInterval(-60)
            try await person.save(on: db)
        }
        let late = try await signIn(DemoPeople.assessor, password: expiring)
        XCTAssertEqual(late.response.status, .unauthorized)
        XCTAssertTrue(late.response.body.string.contains("This one-time password has expired"))
    }

    /// 6. A reset revokes API tokens, a change offers to, and wrong current passwords are throttled.
    func testCredentialsChangesRevokeTokensAndWrongPasswordsAreThrottled() async throws {
        let viewer = try await signedIn(DemoPeople.viewer)
        let token = try await apiToken(as: DemoPeople.viewer)
        let before = try await bearerGet("/api/v1/t/west-midlands/routes", token: token)
        XCTAssertEqual(before, .ok)
        let changed = try await viewer.post("/account/password", form: ["current_password": Browser.demoPassword,
                                                                        "new_password": "another long passphrase",
                                                                        "confirm_password": "another long passphrase", "revoke_tokens": "yes"])
        XCTAssertEqual(changed.status, .seeOther)
        let after = try await bearerGet("/api/v1/t/west-midlands/routes", token: token)
        XCTAssertEqual(after, .unauthorized, "the change revoked the token")

        let financeToken = try await apiToken(as: DemoPeople.finance)
        _ = try await resetPassword(of: DemoPeople.finance)
        let revoked = try await bearerGet("/api/v1/t/west-midlands/routes", token: financeToken)
        XCTAssertEqual(revoked, .unauthorized, "an operator's reset revokes tokens")

        let commissioner = try await signedIn(DemoPeople.commissioner)
        var statuses: [HTTPStatus] = []
        for attempt in 1...6 {
            let wrong = try await commissioner.post("/account/password", form: ["current_password": "wrong guess \(attempt)",
                                                                                "new_password": "whatever passphrase", "confirm_password": "whatever passphrase"])
            statuses.append(wrong.status)
        }
        XCTAssertEqual(statuses, [.unprocessableEntity, .unprocessableEntity, .unprocessableEntity, .unprocessableEntity, .unprocessableEntity,
                                  .tooManyRequests])
    }

    /// 7. A stranger's large post is refused before its body is read; forms have a size limit.
    func testLargeBodiesAreRefusedCheaply() async throws {
        let stranger = browser()
        let big = Data(repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024)
        let refused = try await stranger.postMultipart("/t/west-midlands/imports/routes", fields: [:], file: ("file", "big.csv", big))
        XCTAssertEqual(refused.status, .forbidden)
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let huge = String(repeating: "x", count: 2 * 1024 * 1024)
        let tooBig = try await commissioner.post("/t/west-midlands/routes/new", form: ["name": huge])
        XCTAssertEqual(tooBig.status, .payloadTooLarge)
    }

    /// The operator resets `email`'s password; the one-time password the console shows.
    func resetPassword(of email: String) async throws -> String {
        let operatorBrowser = try await signedIn(DemoPeople.operatorEmail)
        let id = try await platform { db in try await Person.query(on: db).filter(\.$email == email).first()!.id!.uuidString }
        let reset = try await operatorBrowser.post("/admin/people/\(id)/reset-password", form: [:])
        return try XCTUnwrap(AdminConsoleTests.capture(#"id="one-time-password">([A-Za-z0-9-]+)<"#, in: reset.body.string))
    }

    /// Posts the sign-in form in a fresh browser, keeping what it answered.
    func signIn(_ email: String, password: String) async throws -> (browser: Browser, response: XCTHTTPResponse) {
        let browser = browser()
        try await browser.get("/sign-in")
        let response = try await browser.post("/sign-in", form: ["email": email, "password": password])
        return (browser, response)
    }

    func bearerGet(_ path: String, token: String) async throws -> HTTPStatus {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        return try await browser().get(path, headers: headers).status
    }
}
