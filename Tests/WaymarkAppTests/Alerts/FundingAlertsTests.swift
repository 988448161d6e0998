import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// The daily alerts over the demo story: who hears what, and nothing twice.
final class FundingAlertsTests: AppTestCase {
    func messages(for email: String) async throws -> [InboxMessage] {
        try await platform { db in
            let person = try await Person.query(on: db).filter(\.$email == email).first()!
            return try await InboxMessage.query(on: db).filter(\.$personID == person.id!).all()
        }
    }

    func testBeforeTheCentralMoneyEndsCommissionersAndFundingPartnersAreAlertedOnce() async throws {
        let first = try await FundingAlertsJob.run(app, asOf: Day(2022, 9, 1))
        let westMidlands = try XCTUnwrap(first.first { $0.tenant == "west-midlands" }?.summary)
        XCTAssertEqual(westMidlands.events, 19, "18 routes first seen at risk, and the YEF extension entering the 90-day window")

        let commissioner = try await messages(for: DemoPeople.commissioner)
        XCTAssertEqual(commissioner.count, 19)
        XCTAssertTrue(commissioner.contains { $0.headline == "Youth Endowment Fund Step Together extension ends 31 Oct 2022 (within 90 days)" },
                      commissioner.map(\.headline).joined(separator: "\n"))
        XCTAssertTrue(commissioner.contains { $0.headline.hasPrefix("BHM-06") && $0.link.hasSuffix("/routes/BHM-06?as_of=2022-09-01") })

        let yef = try await messages(for: "oluwaseun.adeyemi@yef.example")
        XCTAssertTrue(yef.contains { $0.kind == "grant_ending" }, "the YEF's partner hears of the YEF's grant")
        let partner = try await messages(for: DemoPeople.birminghamPartner)
        XCTAssertEqual(partner.map(\.kind), [], "the ending grant is the YEF's, which Birmingham's partner may not read; BHM-01..04 go on watch, not at risk")
        let provider = try await messages(for: DemoPeople.provider)
        XCTAssertTrue(provider.isEmpty, "providers fund nothing")

        let again = try await FundingAlertsJob.run(app, asOf: Day(2022, 9, 1))
        XCTAssertEqual(again.first { $0.tenant == "west-midlands" }?.summary.events, 0, "the same day alerts nothing twice")
        let afterRerun = try await messages(for: DemoPeople.commissioner)
        XCTAssertEqual(afterRerun.count, 19)
    }

    func testWhenTheMoneyEndsEachChangeIsAlertedAndEmailsAreLoggedWithoutSMTP() async throws {
        _ = try await FundingAlertsJob.run(app, asOf: Day(2022, 9, 1))
        let later = try await FundingAlertsJob.run(app, asOf: Day(2022, 11, 15))
        let summary = try XCTUnwrap(later.first { $0.tenant == "west-midlands" }?.summary)
        XCTAssertGreaterThan(summary.events, 0)
        let headlines = try await messages(for: DemoPeople.commissioner).map(\.headline)
        XCTAssertTrue(headlines.contains("BHM-06 Sparkbrook: Farm Road to Ladypool Road is now unfunded"), headlines.joined(separator: "\n"))
        XCTAssertEqual(headlines.filter { $0.hasPrefix("Youth Endowment Fund") }.count, 1, "the grant alert is not repeated")

        let emails = try await platform { db in try await OutboxEmail.query(on: db).all() }
        XCTAssertFalse(emails.isEmpty)
        XCTAssertTrue(emails.allSatisfy { $0.sentAt != nil && $0.attempts == 1 }, "logged, so counted delivered")
        XCTAssertTrue(emails.contains { $0.body.contains("http://127.0.0.1:8080/t/west-midlands/") }, "links are absolute in email")
    }

    func testTheInboxShowsOnlyTheReadersOwnAlertsAndMarksThemRead() async throws {
        _ = try await FundingAlertsJob.run(app, asOf: Day(2022, 9, 1))
        _ = try await FundingAlertsJob.run(app, asOf: Day(2022, 11, 15))
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let page = try await partner.get("/t/west-midlands/inbox").body.string
        XCTAssertTrue(page.contains("BHM-01 Erdington: Summer Road to Kingsbury Park is now secure"), page)
        XCTAssertFalse(page.contains("Youth Endowment Fund Step Together extension"), "another funder's grant is not theirs to read")
        XCTAssertFalse(page.contains("BHM-06 Sparkbrook"), "route alerts for routes Birmingham does not fund go to commissioners")
        XCTAssertTrue(page.contains("Mark all 4 as read"))
        let marked = try await partner.post("/t/west-midlands/inbox/read", form: [:])
        XCTAssertEqual(marked.status, .seeOther)
        let after = try await partner.get("/t/west-midlands/inbox").body.string
        XCTAssertFalse(after.contains("Mark all"))
        let commissioners = try await messages(for: DemoPeople.commissioner)
        XCTAssertFalse(commissioners.isEmpty)
        XCTAssertTrue(commissioners.allSatisfy { $0.readAt == nil }, "marking one person's alerts read leaves others' alone")
        let northmoor = try await signedIn(DemoPeople.northmoorCommissioner)
        let elsewhere = try await northmoor.get("/t/west-midlands/inbox")
        XCTAssertEqual(elsewhere.status, .notFound)
    }

    /// The first run on the demo today speaks of the present: the routes at risk now and the
    /// grants ending ahead, to the funders paying for them now; nobody whose money ended in
    /// 2022 (the Home Office, the YEF) hears anything, and nothing cites 2022.
    func testTheFirstRunTodayAlertsAboutThePresentOnly() async throws {
        let today = app.clock.today
        let run = try await FundingAlertsJob.run(app, asOf: today)
        let summary = try XCTUnwrap(run.first { $0.tenant == "west-midlands" }?.summary)
        XCTAssertGreaterThan(summary.events, 0, "a grant ends within weeks and a route is at risk")
        for quiet in ["catherine.hughes@homeoffice.example", "oluwaseun.adeyemi@yef.example"] {
            let heard = try await messages(for: quiet)
            XCTAssertEqual(heard.map(\.headline), [], "\(quiet) funds nothing now")
        }
        let emails = try await platform { db in try await OutboxEmail.query(on: db).all() }
        XCTAssertFalse(emails.isEmpty)
        for email in emails {
            XCTAssertFalse(email.body.contains("2022") || email.subject.contains("2022"), email.subject)
        }
        let commissioner = try await messages(for: DemoPeople.commissioner).map(\.headline)
        XCTAssertTrue(commissioner.contains { $0.hasPrefix("WLV-03") }, commissioner.joined(separator: "\n"))
    }
}
