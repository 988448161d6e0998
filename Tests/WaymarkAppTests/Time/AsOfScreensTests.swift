import Fluent
import XCTVapor
@testable import WaymarkApp
@testable import WaymarkDomain

/// "As of" on the screens beyond funding (issue 15): one control in the header whose day every
/// link carries, and the home page, pledges, alerts and specifications each answering
/// differently on two days around a change.
final class AsOfScreensTests: AppTestCase {
    var today: Day { app.clock.today }

    func testTheHeaderShowsThePastAndEveryLinkCarriesTheDay() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let past = try await browser.get("/t/west-midlands/dashboard?as_of=2022-09-01").body.string
        XCTAssertTrue(past.contains("You are looking at the past:</strong> Waymark as of <strong>1 Sep 2022</strong>"))
        XCTAssertTrue(past.contains(#"<a class="wm-link" href="/t/west-midlands/dashboard">Back to today</a>"#))
        XCTAssertTrue(past.contains(#"href="/t/west-midlands/routes?as_of=2022-09-01""#), "the navigation carries the day")
        XCTAssertTrue(past.contains(#"href="/t/west-midlands/routes/BHM-01?as_of=2022-09-01""#), "so do the page's own links")
        XCTAssertTrue(past.contains(#"href="/t/west-midlands/pledges?as_of=2022-09-01""#))
        XCTAssertFalse(past.contains(#"href="/t/west-midlands/imports?as_of"#), "set-up pages are about today")
        XCTAssertEqual(past.components(separatedBy: #"name="as_of""#).count - 1, 1, "one as-of control")

        let now = try await browser.get("/t/west-midlands/dashboard").body.string
        XCTAssertTrue(now.contains("Figures as of <strong>\(today.display)</strong> (today)"))
        XCTAssertFalse(now.contains("Back to today"))
        XCTAssertFalse(now.contains("?as_of="), "today's links carry nothing")

        // The routes list keeps its filters when the day changes, and the day when filtering.
        let filtered = try await browser.get("/t/west-midlands/routes?status=active&as_of=2022-09-01").body.string
        XCTAssertTrue(filtered.contains(#"<input type="hidden" name="status" value="active">"#))
        XCTAssertTrue(filtered.contains(#"<input type="hidden" name="as_of" value="2022-09-01">"#))
        XCTAssertTrue(filtered.contains(#"href="/t/west-midlands/routes?status=active">Back to today"#))

        let form = try await browser.get("/t/west-midlands/funding/new?as_of=2022-09-01").body.string
        XCTAssertFalse(form.contains("wm-as-of-bar"), "a form has no as-of control")
    }

    func testTheHomePageCountsTheRoutesThatRanThatDay() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let activeCard = try Regex(#"<p class="wm-key-figure__value">(\d+)</p>\s*<p class="wm-key-figure__label"><a class="wm-link" href="[^"]*">Active routes"#)
        let before = try await browser.get("/t/west-midlands?as_of=2022-09-01").body.string
        let after = try await browser.get("/t/west-midlands?as_of=2023-01-09").body.string
        let count = { (page: String) in page.firstMatch(of: activeCard).map { String(page[$0.output[1].range!]) } }
        XCTAssertEqual(count(before), "24", "the ten lost routes still ran")
        XCTAssertEqual(count(after), "14", "closed by the board on 7 Dec 2022")
    }

    func testPledgesAreListedFromTheDayTheyWereMadeAndAsTheyStood() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let pledged = today.adding(days: -60), confirmed = today.adding(days: -30)
        let file = Self.csv(["pledge_reference,organisation,programme,start_day,end_day,route_code,amount,pledged_on,note",
                                    "LETTER-90,Birmingham City Council,Letter pledge ninety,\(today.adding(days: -90).iso),\(today.adding(days: 200).iso),BHM-01,5000,\(pledged.iso),"])
        let imported = try await importFile(browser, "pledges", "pledges.csv", file)
        XCTAssertEqual(imported.status, .seeOther)
        let id = try await platform { db in
            let source = try await FundingSourceRecord.query(on: db).filter(\.$reference == "LETTER-90").first()!
            return try await Pledge.query(on: db).filter(\.$sourceID == source.id!).first()!.id!
        }
        let confirm = try await browser.post("/t/west-midlands/pledges/\(id.uuidString)/confirm", form: ["decided_on": confirmed.iso])
        XCTAssertEqual(confirm.status, .seeOther)

        let state = { (day: Day) async throws -> String in
            let csv = try await browser.get("/t/west-midlands/pledges.csv?as_of=\(day.iso)").body.string
            guard let line = csv.split(whereSeparator: \.isNewline).first(where: { $0.contains("Letter pledge ninety") }) else { return "none" }
            return line.contains(",awaiting_decision,") ? "awaiting" : line.contains(",confirmed,") ? "confirmed" : String(line)
        }
        let states = [try await state(pledged.previous), try await state(pledged), try await state(confirmed.previous), try await state(confirmed)]
        XCTAssertEqual(states, ["none", "awaiting", "awaiting", "confirmed"])
        let csv = try await browser.get("/t/west-midlands/pledges.csv").body.string
        XCTAssertTrue(csv.contains(",\(pledged.display),"), "pledged on the letter's day, not the import's")
        XCTAssertTrue(csv.contains(",\(confirmed.display),"), "decided on the day given")

        let page = try await browser.get("/t/west-midlands/pledges/\(id.uuidString)?as_of=\(confirmed.previous.iso)").body.string
        XCTAssertTrue(page.contains("Awaiting decision"))
        XCTAssertFalse(page.contains("/confirm\""), "no decision is offered on a past day")
    }

    func testTheInboxHoldsTheAlertsRaisedByTheDay() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        try await platform { db in
            let tenant = try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()!
            let person = try await Person.query(on: db).filter(\.$email == DemoPeople.commissioner).first()!
            let early = InboxMessage(tenantID: tenant.id!, personID: person.id!, kind: "status", headline: "Early alert about BHM-01",
                                     body: "", link: "/t/west-midlands/routes/BHM-01", alertKey: "test-early", asOfDay: "2024-01-10",
                                     at: DemoReturns.noon("2024-01-10"))
            early.readAt = DemoReturns.noon("2025-06-01")
            let later = InboxMessage(tenantID: tenant.id!, personID: person.id!, kind: "status", headline: "Later alert about SOL-01",
                                     body: "", link: "/t/west-midlands/routes/SOL-01", alertKey: "test-later", asOfDay: "2025-03-01",
                                     at: DemoReturns.noon("2025-03-01"))
            try await [early, later].create(on: db)
        }
        let then = try await browser.get("/t/west-midlands/inbox?as_of=2024-06-01").body.string
        XCTAssertTrue(then.contains("Early alert about BHM-01"))
        XCTAssertFalse(then.contains("Later alert about SOL-01"), "not raised yet")
        XCTAssertTrue(then.contains("wm-alert--unread"), "read only in 2025")
        XCTAssertFalse(then.contains("Mark all"), "nothing is marked read in the past")
        let now = try await browser.get("/t/west-midlands/inbox").body.string
        XCTAssertTrue(now.contains("Early alert about BHM-01") && now.contains("Later alert about SOL-01"))
    }

    func testASpecificationReadsAsItStoodWithTheSealAsItWas() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let provider = try await signedIn(DemoPeople.provider)
        let list = { (browser: Browser, day: String) async throws -> String in
            try await browser.get("/t/west-midlands/specifications?as_of=\(day)").body.string
        }
        let title = "Step Together (Wolverhampton)"
        let draft = try await list(commissioner, "2023-05-12")
        XCTAssertTrue(draft.contains(title) && draft.contains(">Draft</strong>"), "written on 10 May, not yet published")
        let hidden = try await list(provider, "2023-05-12")
        XCTAssertFalse(hidden.contains(title), "providers see it from its publication")
        let before = try await list(commissioner, "2023-05-09")
        XCTAssertFalse(before.contains(title), "not yet written")
        let open = try await list(provider, "2023-06-01")
        XCTAssertTrue(open.contains(title) && open.contains(">Published</strong>"))
        let awardedLine = "Awarded to Lanternway Youth Trust"
        let beforeAward = try await list(commissioner, "2023-07-01"), afterAward = try await list(commissioner, "2023-07-04")
        XCTAssertFalse(beforeAward.contains(awardedLine))
        XCTAssertTrue(afterAward.contains(awardedLine))

        let specID = try await platform { db in try await SpecificationRecord.query(on: db).first()!.id!.uuidString }
        let path = "/t/west-midlands/specifications/\(specID)"
        let asked = try await commissioner.get(path + "?as_of=2023-05-23").body.string
        XCTAssertTrue(asked.contains("May a bid propose to serve only one of the two routes?"))
        XCTAssertFalse(asked.contains("A bid may propose either route or both"), "answered on the 24th")
        XCTAssertFalse(asked.contains("/answer\""), "no answering in the past")
        let answered = try await commissioner.get(path + "?as_of=2023-05-24").body.string
        XCTAssertTrue(answered.contains("A bid may propose either route or both"))

        let sealed = try await commissioner.get(path + "/bids?as_of=2023-06-10").body.string
        XCTAssertTrue(sealed.contains("Bids are sealed until the deadline"))
        XCTAssertFalse(sealed.contains("Kestrel Youth Outreach"))
        let opened = try await commissioner.get(path + "/bids?as_of=2023-06-20").body.string
        XCTAssertFalse(opened.contains("Bids are sealed"))
        XCTAssertTrue(opened.contains("Kestrel Youth Outreach") && opened.contains("Black Country Kerbside CIO"))
    }
}
