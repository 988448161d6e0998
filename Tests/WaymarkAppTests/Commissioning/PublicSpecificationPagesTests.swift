import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// The transparency pages, read by someone who has not signed in: what was published, and who
/// won it for how much — never a draft, a bid, a losing bidder or who asked a question.
final class PublicSpecificationPagesTests: AppTestCase {
    let list = "/p/west-midlands/specifications"

    func page(_ spec: Specification, tenant: String = "west-midlands") -> String {
        SiteMap.Public.specification.path(tenant, spec.id.uuidString)
    }

    func testTheListShowsPublishedAndAwardedSpecificationsButNoDrafts() async throws {
        let fixtures = try await PublicFixtures(app)
        try await fixtures.specification("Fixture: Wolverhampton open call")
        try await fixtures.specification("Fixture: Wolverhampton draft", status: .draft, published: false)
        try await fixtures.specification("Fixture: Wolverhampton withdrawn draft", status: .cancelled, published: false)
        let awarded = try await fixtures.specification("Fixture: Wolverhampton awarded", status: .awarded)
        let winner = try await fixtures.bid(on: awarded, by: "Lanternway Youth Trust", pounds: 55_000)
        try await fixtures.bid(on: awarded, by: "Kestrel Youth Outreach", pounds: 58_000)
        try await fixtures.award(awarded, to: winner)
        app.clock.set(PublicFixtures.closesAt.addingTimeInterval(-86_400))

        let response = try await browser().get(list)
        XCTAssertEqual(response.status, .ok)
        let html = response.body.string
        // Closing in UK time, the status as of now, routes by code and name.
        for expected in ["Fixture: Wolverhampton open call", "Fixture: Wolverhampton awarded", "£60,000.00", "12:00 on 30 Jun 2023",
                         ">Published<", "WLV-01 City Centre"] {
            XCTAssertTrue(html.contains(expected), expected)
        }
        let awardLine = "Awarded to Lanternway Youth Trust for £55,000.00 on 14 Jul 2023"
        XCTAssertFalse(html.contains(awardLine), "the award, decided on 14 Jul, is not known the day before the deadline")
        app.clock.set(PublicFixtures.closesAt.addingTimeInterval(15 * 86_400))
        let later = try await browser().get(list).body.string
        XCTAssertTrue(later.contains(awardLine))
        XCTAssertFalse(html.contains("Fixture: Wolverhampton draft"))
        XCTAssertFalse(html.contains("Fixture: Wolverhampton withdrawn draft"))
        let awardedRow = try XCTUnwrap(html.components(separatedBy: "<tr>").first { $0.contains("Fixture: Wolverhampton awarded") })
        XCTAssertFalse(awardedRow.contains("Kestrel") || awardedRow.contains("£58,000.00"), "a losing bidder and price are never shown")
        XCTAssertTrue(html.contains("href=\"\(page(awarded))\""), "rows link to the public page")
    }

    func testThePageShowsTheSpecificationAndOnlyAnsweredQuestionsWithoutWhoAsked() async throws {
        let fixtures = try await PublicFixtures(app)
        let spec = try await fixtures.questioned("Fixture: Wolverhampton questions")
        try await fixtures.bid(on: spec, by: "Black Country Kerbside CIO", pounds: 57_500)
        app.clock.set(PublicFixtures.closesAt.addingTimeInterval(-60))

        let response = try await browser().get(page(spec))
        XCTAssertEqual(response.status, .ok)
        let html = response.body.string
        for expected in ["Fixture: Wolverhampton questions", "Open for bids until 12:00 on 30 Jun 2023", "How will you recruit chaperones locally?",
                         "25%", "Quality 40%, price 50%, social value 10%", "WLV-02", "£30,000.00", "50.0%", "1 Sep 2023 to 31 Jul 2024",
                         "Route staffed on 98% of school days", "files/fixture-wolverhampton-routes.pdf", "Wolverhampton",
                         PublicFixtures.answeredQuestion, "Yes, with the partnership&#39;s written agreement."] {
            XCTAssertTrue(html.contains(expected), expected)
        }
        XCTAssertFalse(html.contains(PublicFixtures.unansweredQuestion), "an unanswered question stays private")
        for hidden in ["Kestrel", "Lanternway", "Black Country Kerbside", "£57,500.00", "Amara Okafor"] {
            XCTAssertFalse(html.contains(hidden), "\(hidden) is not shown: no askers, bidders or who answered")
        }
        XCTAssertFalse(html.contains("name=\"_csrf\""), "nothing to post: no forms on a public page")
    }

    func testAnAwardedPageNamesTheWinnerOnly() async throws {
        let fixtures = try await PublicFixtures(app)
        let spec = try await fixtures.specification("Fixture: Wolverhampton decided", status: .awarded)
        let winner = try await fixtures.bid(on: spec, by: "Kestrel Youth Outreach", pounds: 56_250)
        try await fixtures.bid(on: spec, by: "Lanternway Youth Trust", pounds: 54_000)
        try await fixtures.award(spec, to: winner)

        let html = try await browser().get(page(spec)).body.string
        XCTAssertTrue(html.contains("Awarded to Kestrel Youth Outreach for £56,250.00"))
        XCTAssertFalse(html.contains("Lanternway"))
        XCTAssertFalse(html.contains("£54,000.00"))
        XCTAssertFalse(html.contains("Highest total score"), "the award's reasons belong to the evaluation, not the public page")
    }

    func testDraftsOtherTenantsAndUnknownTenantsAreNotFound() async throws {
        let fixtures = try await PublicFixtures(app)
        let draft = try await fixtures.specification("Fixture: Wolverhampton unpublished", status: .draft, published: false)
        let withdrawn = try await fixtures.specification("Fixture: Wolverhampton cancelled early", status: .cancelled, published: false)
        let published = try await fixtures.specification("Fixture: Wolverhampton public")
        let anonymous = browser()
        for path in [page(draft), page(withdrawn), page(published, tenant: "northmoor"), "/p/nowhere/specifications",
                     "/p/nowhere/specifications/\(published.id.uuidString)", "/p/west-midlands/specifications/not-an-id"] {
            let response = try await anonymous.get(path)
            XCTAssertEqual(response.status, .notFound, path)
            XCTAssertFalse(response.body.string.contains("Fixture:"), path)
        }
        let northmoor = try await anonymous.get("/p/northmoor/specifications")
        XCTAssertEqual(northmoor.status, .ok)
        XCTAssertFalse(northmoor.body.string.contains("Fixture: Wolverhampton public"), "one tenant's list never shows another's")
        let cancelledAfterPublishing = try await fixtures.specification("Fixture: Wolverhampton cancelled late", status: .cancelled)
        let cancelled = try await anonymous.get(page(cancelledAfterPublishing))
        XCTAssertEqual(cancelled.status, .ok, "once published, a cancellation is public too")
        XCTAssertTrue(cancelled.body.string.contains("Cancelled"))
    }

    /// The signed-in page shows the same facts from the same template, and what only members see.
    func testTheSignedInPageShowsTheSameFactsAndTheCommissionersOwn() async throws {
        let fixtures = try await PublicFixtures(app)
        let spec = try await fixtures.questioned("Fixture: Wolverhampton members' page")
        app.clock.set(PublicFixtures.closesAt.addingTimeInterval(-60))

        let commissioner = try await signedIn(DemoPeople.commissioner)
        let response = try await commissioner.get(SiteMap.Tenant.specification.path("west-midlands", spec.id.uuidString))
        XCTAssertEqual(response.status, .ok)
        let html = response.body.string
        for expected in ["Fixture: Wolverhampton members&#39; page", "How will you recruit chaperones locally?", "WLV-01", "£30,000.00",
                         PublicFixtures.answeredQuestion, PublicFixtures.unansweredQuestion, "Publish the answer",
                         "Close for bids", "Bids received"] {
            XCTAssertTrue(html.contains(expected), expected)
        }
    }

    func testTheSignedInPagesLinkToThePublicList() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let specifications = try await commissioner.get("/t/west-midlands/specifications")
        XCTAssertEqual(specifications.status, .ok)
        XCTAssertTrue(specifications.body.string.contains("href=\"\(list)\""))
        let home = try await commissioner.get("/t/west-midlands")
        XCTAssertTrue(home.body.string.contains("href=\"/p/west-midlands\""), "the footer links the tenant's public site")
    }
}
