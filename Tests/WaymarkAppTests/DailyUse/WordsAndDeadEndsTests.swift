import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Issue 17's words and dead ends, each as the walk found it.
final class WordsAndDeadEndsTests: AppTestCase {
    func testTellUsWhatYouThinkReachesTheOperators() async throws {
        let visitor = browser()
        let page = try await visitor.get("/sign-in")
        XCTAssertTrue(page.body.string.contains("href=\"/feedback?from=/sign-in\""), "the banner's link goes to the feedback form")
        XCTAssertTrue(page.body.string.contains("<aside class=\"wm-phase-banner\" aria-label=\"About this service\">"), "inside a landmark")
        _ = try await visitor.get("/feedback?from=/sign-in")
        let empty = try await visitor.post("/feedback", form: ["from": "/sign-in", "message": " "])
        XCTAssertEqual(empty.status, .unprocessableEntity)
        XCTAssertTrue(empty.body.string.contains("Enter what you think"))
        let sent = try await visitor.post("/feedback", form: ["from": "https://elsewhere.example/x", "message": "The sign-in page is clear."])
        XCTAssertEqual(sent.status, .seeOther, sent.body.string)
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        _ = try await partner.get("/feedback")
        let fromPartner = try await partner.post("/feedback", form: ["from": "/t/west-midlands/routes", "message": "I cannot find the map."])
        XCTAssertEqual(fromPartner.status, .seeOther, fromPartner.body.string)

        let console = try await signedIn(DemoPeople.operatorEmail)
        let response = try await console.get("/admin/feedback")
        XCTAssertEqual(response.status, .ok)
        let read = response.body.string
        XCTAssertTrue(read.contains("The sign-in page is clear.") && read.contains("Not signed in"))
        XCTAssertTrue(read.contains("I cannot find the map.") && read.contains("hamza.rashid@birminghamcc.example"))
        XCTAssertTrue(read.contains("west-midlands/routes</code>") || read.contains("west-midlands&#x2F;routes</code>"), "the page it came from")
        XCTAssertFalse(read.contains("elsewhere.example"), "only a page of this site is kept")
        let refused = try await partner.get("/admin/feedback")
        XCTAssertEqual(refused.status, .forbidden)
    }

    func testAnOperatorWithNoProgrammeLandsOnTheConsole() async throws {
        let console = try await signedIn(DemoPeople.operatorEmail)
        let home = try await console.get("/")
        XCTAssertEqual(home.status, .seeOther)
        XCTAssertEqual(home.headers.first(name: .location), "/admin")
    }

    func testTheAPIReferenceIsMadeFromTheDocumentTheServerEnforces() async throws {
        let page = try await browser().get("/help/api")
        XCTAssertEqual(page.status, .ok)
        let html = page.body.string
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: OpenAPIDocument.finished) as? [String: Any])
        let paths = try XCTUnwrap(document["paths"] as? [String: Any])
        var operations = 0
        for (path, item) in paths {
            for method in APIReferencePage.methods where (item as? [String: Any])?[method] != nil {
                XCTAssertTrue(html.contains("\(method.uppercased()) \(path)"), "\(method) \(path) is on the page")
                operations += 1
            }
        }
        XCTAssertGreaterThan(operations, 20)
        XCTAssertTrue(html.contains("personal_data_checked"), "request members are listed")
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let tokens = try await commissioner.get("/t/west-midlands/tokens").body.string
        XCTAssertTrue(tokens.contains("href=\"/help/api\""), "the tokens page links to the reference")
    }

    func testTheRoutesListSaysSecuredToOnlyWithADay() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let html = try await commissioner.get("/t/west-midlands/routes?as_of=2023-01-09").body.string
        XCTAssertFalse(html.contains("Secured to </span>"), "no bare 'Secured to'")
        XCTAssertTrue(html.contains("Secured to "), "funded routes still say to when")
    }

    func testTheNavigationFoldsBehindAMenuButtonThatWorksWithoutJavaScript() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let html = try await commissioner.get("/t/west-midlands/routes").body.string
        XCTAssertTrue(html.contains("aria-controls=\"wm-navigation-list\" aria-expanded=\"false\" hidden>Menu"), "hidden until the script shows it")
        XCTAssertTrue(html.contains("<ul class=\"wm-service-navigation__list\" id=\"wm-navigation-list\">"), "the list is never hidden in the HTML")
    }

    func testAProvidersReturnsListSaysWhoseOnceInsteadOfAColumn() async throws {
        let provider = try await signedIn(DemoPeople.provider)
        let theirs = try await provider.get("/t/west-midlands/returns?as_of=2023-11-20").body.string
        XCTAssertTrue(theirs.contains("<caption class=\"wm-table__caption wm-table__caption--s\">Returns of "), "the caption names the provider")
        XCTAssertFalse(theirs.contains(">Provider<"), "no column repeating it")
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let all = try await commissioner.get("/t/west-midlands/returns?as_of=2023-11-20").body.string
        XCTAssertTrue(all.contains(">Provider<"), "a commissioner reads several providers' returns")
    }
}
