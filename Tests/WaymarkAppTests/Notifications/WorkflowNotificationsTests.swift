import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Each workflow event reaches exactly the people `NotificationRules` names, once, in the inbox
/// and by email as they chose; the commissioning cycle and the returns cycle check theirs in
/// `CommissioningCycleTests` and `ReturnCycleTests`.
final class WorkflowNotificationsTests: AppTestCase {
    static let coventryPartner = "siobhan.gallagher@coventrycc.example"
    let pledgeForm: [String: String] = [
        "programme": "Route continuation 2024 to 2025", "start_day": "2024-04-01", "end_day": "2025-03-31", "amounts[BHM-01]": "£40,000",
    ]

    func testAPledgeTellsTheCommissionersAndItsDecisionTellsOnlyThePledgingPartner() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let made = try await partner.post("/t/west-midlands/pledges/new", form: pledgeForm)
        XCTAssertEqual(made.status, .seeOther, made.body.string)
        let location = try XCTUnwrap(made.headers.first(name: .location))
        let commissioners = try await inbox(DemoPeople.commissioner, containing: "pledged")
        XCTAssertEqual(commissioners, ["Birmingham City Council pledged £40,000.00: decide on it"])
        for nobody in [DemoPeople.birminghamPartner, Self.coventryPartner, DemoPeople.finance, DemoPeople.provider] {
            let told = try await inbox(nobody, containing: "pledge")
            XCTAssertEqual(told, [], nobody)
        }

        let commissioner = try await signedIn(DemoPeople.commissioner)
        let declined = try await commissioner.post(location + "/decline", form: ["reason": "BHM-01 is being redesigned"])
        XCTAssertEqual(declined.status, .seeOther, declined.body.string)
        let partnerTold = try await inbox(DemoPeople.birminghamPartner, containing: "pledge")
        XCTAssertEqual(partnerTold, ["Your pledge was declined (Route continuation 2024 to 2025)"])
        let mailed = try await outbox(DemoPeople.birminghamPartner, containing: "pledge")
        XCTAssertEqual(mailed, ["Waymark: Your pledge was declined (Route continuation 2024 to 2025)"])
        let coventryTold = try await inbox(Self.coventryPartner, containing: "pledge")
        XCTAssertEqual(coventryTold, [], "another council's partner may not read the pledge")
        let commissionersAfter = try await inbox(DemoPeople.commissioner, containing: "pledge")
        XCTAssertEqual(commissionersAfter.count, 1, "the commissioner who declined is not told of it")
    }

    func testAVariationTellsTheProviderAndAFinishedForecastTellsWhoRanIt() async throws {
        stopClock(at: ContractFixtures.today)
        let award = try await storeContractAward()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let contract = try await makeContract(award, reference: "TEST-WLV-N", as: commissioner)
        let form = try await commissioner.get(contract + "/variations/new?kind=extend")
        let varied = try await commissioner.post(contract + "/variations/new", form: [
            "kind": "extend", "version": try versionField(form.body.string), "new_end": "2024-08-31", "effective_day": "2023-10-02",
            "reason": "Summer holiday club agreed with the schools."])
        XCTAssertEqual(varied.status, .seeOther, varied.body.string)
        let providerTold = try await inbox(DemoPeople.provider, containing: "TEST-WLV-N")
        XCTAssertEqual(providerTold.count, 1, providerTold.joined(separator: "\n"))
        XCTAssertTrue(providerTold.first?.hasPrefix("TEST-WLV-N was varied: ") == true)
        for nobody in [CommissioningPeople.kestrel, ReturnFixtures.partner, DemoPeople.commissioner] {
            let told = try await inbox(nobody, containing: "TEST-WLV-N")
            XCTAssertEqual(told, [], nobody)
        }

        let id = try await createScenario(commissioner)
        try await runScenario(commissioner, id)
        let ran = try await inbox(DemoPeople.commissioner, containing: "forecast")
        XCTAssertEqual(ran, ["Your forecast finished: No renewal"])
        let finance = try await inbox(DemoPeople.finance, containing: "forecast")
        XCTAssertEqual(finance, [], "only the person who ran it")
    }

    func testTheDailyRunRemindsProvidersOfADeadlineOnce() async throws {
        setClock("2025-06-25T09:00:00Z")
        _ = try await publishedSpecification(closingDay: "2025-06-30")
        _ = try await FundingAlertsJob.run(app, asOf: Day(2025, 6, 25))
        _ = try await FundingAlertsJob.run(app, asOf: Day(2025, 6, 26))
        let told = try await inbox(CommissioningPeople.kestrel, containing: "close on")
        XCTAssertEqual(told, ["Bids for Test chaperones Wolverhampton close on 30 Jun 2025"], "once, however many runs")
        let partner = try await inbox(DemoPeople.birminghamPartner, containing: "close on")
        XCTAssertEqual(partner, [])
    }

    func testPreferencesTurnEmailsOffOrIntoAWeeklyDigest() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let page = try await partner.get("/account/notifications")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("Your pledge was confirmed or declined"))
        // Every kind but decided pledges by email; the rest as a weekly digest.
        let kinds = NoticeKind.allCases.filter { $0 != .pledgeDecided }.map { ("email[]", $0.rawValue) }
        let saved = try await partner.post("/account/notifications", pairs: kinds + [("delivery", "weekly")])
        XCTAssertEqual(saved.status, .seeOther, saved.body.string)
        let bad = try await partner.post("/account/notifications", pairs: [("email[]", "gossip"), ("delivery", "hourly")])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.body.string.contains("Choose kinds of notice from the list"))
        XCTAssertTrue(bad.body.string.contains("Choose one email for each notice, or one email a week"))

        setClock("2026-12-02T09:00:00Z")
        let made = try await partner.post("/t/west-midlands/pledges/new", form: pledgeForm.merging(["start_day": "2027-04-01", "end_day": "2028-03-31"]) { _, new in new })
        let location = try XCTUnwrap(made.headers.first(name: .location))
        let commissioner = try await signedIn(DemoPeople.commissioner)
        _ = try await commissioner.post(location + "/confirm", form: [:])
        let inboxed = try await inbox(DemoPeople.birminghamPartner, containing: "pledge")
        XCTAssertEqual(inboxed, ["Your pledge was confirmed (Route continuation 2024 to 2025)"], "the inbox always has it")
        let mailed = try await outbox(DemoPeople.birminghamPartner, containing: "pledge")
        XCTAssertEqual(mailed, [], "email for decided pledges is off")

        // A route alert on Thursday is emailed in the digest on Monday, not before.
        let digestBefore = try await outbox(DemoPeople.birminghamPartner, containing: "your week")
        XCTAssertEqual(digestBefore, [])
        try await platform { db in
            let person = try await Person.query(on: db).filter(\.$email == DemoPeople.birminghamPartner).first()!
            let tenant = try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()!
            try await InboxMessage(tenantID: tenant.id!, personID: person.id!, kind: NoticeKind.routeStatus.rawValue,
                                   headline: "BHM-01 Erdington is now on watch", body: "", link: "/t/west-midlands/routes/BHM-01",
                                   alertKey: "test", asOfDay: "2026-12-03", at: ContractFixtures.instant(2026, 12, 3)).create(on: db)
        }
        _ = try await FundingAlertsJob.run(app, asOf: Day(2026, 12, 4))
        let friday = try await outbox(DemoPeople.birminghamPartner, containing: "your week")
        XCTAssertEqual(friday, [], "the digest goes on Mondays")
        _ = try await FundingAlertsJob.run(app, asOf: Day(2026, 12, 7))
        _ = try await FundingAlertsJob.run(app, asOf: Day(2026, 12, 7))
        let monday = try await outbox(DemoPeople.birminghamPartner, containing: "your week")
        XCTAssertEqual(monday.count, 1, "once")
        XCTAssertTrue(monday.first?.hasPrefix("Waymark: your week in West Midlands Violence Reduction Partnership (") == true, monday.joined())
        let body = try await platform { db in
            try await OutboxEmail.query(on: db).filter(\.$toAddress == DemoPeople.birminghamPartner).filter(\.$subject ~~ "your week").first()?.body ?? ""
        }
        XCTAssertTrue(body.contains("BHM-01 Erdington is now on watch"), body)
        XCTAssertFalse(body.contains("pledge was confirmed"), "kinds turned off stay out of the digest")
    }
}
