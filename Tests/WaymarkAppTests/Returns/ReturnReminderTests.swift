import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Reminders reach the provider's people through the inbox and the email outbox, once each.
final class ReturnReminderTests: AppTestCase {
    /// The daily run on `day`, at 07:00 in London by the application's one clock, as the job runs.
    func run(_ day: Day) async throws -> Int {
        app.clock.set(LondonWallTime(day: day, hour: 7, minute: 0)!.instant)
        return try await platform { db in
            let tenant = try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()!
            return try await ReturnReminderRun.run(.system(tenant: tenant, db: db, job: "test"), asOf: day)
        }
    }

    func inbox(_ email: String) async throws -> [InboxMessage] {
        try await platform { db in
            let person = try await Person.query(on: db).filter(\.$email == email).first()!
            return try await InboxMessage.query(on: db).filter(\.$personID == person.id!).filter(\.$headline =~ ReturnFixtures.reference).sort(\.$createdAt).all()
        }
    }

    func testBeforeAndAfterTheDueDayOnceEach() async throws {
        let contract = try await returnsContract()
        // 9 November 2023: October is due on the 14th (reminder window open); September was due on 13 October.
        let first = try await run(Day(2023, 11, 9))
        XCTAssertGreaterThan(first, 0)
        let messages = try await inbox(DemoPeople.provider)
        let headlines = Set(messages.map(\.headline))
        XCTAssertEqual(headlines, ["TEST-RET: Monthly return for October 2023 due 14 Nov 2023",
                                   "TEST-RET: Monthly return for September 2023 is overdue"])
        let again = try await run(Day(2023, 11, 9))
        XCTAssertEqual(again, 0, "a rerun of the same day sends nothing")
        let outbox = try await platform { db in try await OutboxEmail.query(on: db).filter(\.$subject =~ "Waymark: TEST-RET").count() }
        let inboxes = try await platform { db in try await InboxMessage.query(on: db).filter(\.$headline =~ "TEST-RET").count() }
        XCTAssertEqual(outbox, inboxes, "an email for each inbox message, to each of Lanternway's people")
        let lanternwayPeople = try await platform { db in
            let lanternway = try await Organisation.query(on: db).filter(\.$name == ContractFixtures.lanternway).first()!
            return try await Membership.query(on: db).filter(\.$organisationID == lanternway.id!).filter(\.$role == "provider").count()
        }
        XCTAssertEqual(inboxes, messages.count * lanternwayPeople, "each of Lanternway's people is reminded")
        let others = try await inbox(ContractAccessTests.otherProvider)
        XCTAssertEqual(others.count, 0, "another provider is not reminded of Lanternway's returns")
        let commissioner = try await inbox(DemoPeople.commissioner)
        XCTAssertEqual(commissioner.count, 0)

        // October submitted on the 10th.
        app.clock.set(ContractFixtures.instant(2023, 11, 10))
        let provider = try await signedIn(DemoPeople.provider)
        let days = try await templateSchoolDays(provider, contract, ReturnFixtures.october)
        let filed = try await provider.post(returnPath(contract, ReturnFixtures.october, "/form"), form: returnForm(days, version: "0"))
        XCTAssertEqual(filed.status, .seeOther)
        // September's chases run weekly from its first, on Monday 16 October: the 15th of
        // November starts a new week, the 16th does not.
        let before = try await inbox(DemoPeople.provider).count
        let fifteenth = try await run(Day(2023, 11, 15))
        XCTAssertGreaterThan(fifteenth, 0)
        let sixteenth = try await run(Day(2023, 11, 16))
        XCTAssertEqual(sixteenth, 0, "one chase a week")
        let after = try await inbox(DemoPeople.provider)
        XCTAssertEqual(after.count, before + 1, "only September is chased: October is in")
        let latest = try await inbox(DemoPeople.provider).last
        XCTAssertEqual(latest?.headline, "TEST-RET: Monthly return for September 2023 is overdue")
        XCTAssertEqual(latest?.link, returnPath(contract, ReturnFixtures.september))
    }
}
