import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// The demo's delivery story as seeded: every contract month's return from October 2021 to
/// June 2024, its exceptions (one late, one queried and resubmitted, two awaiting review at the
/// story's present), ST-WLV-2023-01's July 2024 left for the import template, the contracts
/// carried on to today with their returns to last month, and the quarters finance paid.
final class DemoReturnsTests: AppTestCase {
    struct Story: Sendable {
        let contracts: [ContractRecord]
        let returns: [MonthlyReturnRecord]
        let versions: [ReturnVersionRecord]
        let reviews: [ReturnReviewRecord]
        let lines: [PaymentLineRecord]

        func contract(_ reference: String) throws -> ContractRecord {
            try XCTUnwrap(contracts.first { $0.reference == reference }, "\(reference) is missing")
        }

        func returned(_ reference: String, _ month: String) throws -> MonthlyReturnRecord? {
            let id = try contract(reference).id
            return returns.first { $0.contractID == id && $0.monthText == month }
        }
    }

    func story() async throws -> Story {
        try await platform { db in
            Story(contracts: try await ContractRecord.query(on: db).all(), returns: try await MonthlyReturnRecord.query(on: db).all(),
                  versions: try await ReturnVersionRecord.query(on: db).sort(\.$number).all(),
                  reviews: try await ReturnReviewRecord.query(on: db).sort(\.$reviewedAt).all(),
                  lines: try await PaymentLineRecord.query(on: db).all())
        }
    }

    func testTheStoryFilesToJune2024AndTheCarriedOnContractsToLastMonth() async throws {
        let story = try await story()
        let today = app.clock.today
        let carriedOn = DemoWestMidlands.carriedOnContracts(today: today)
        XCTAssertEqual(story.contracts.count, DemoWestMidlands.contracts.count + 1 + carriedOn.count)
        XCTAssertFalse(carriedOn.isEmpty)
        let lastMonth = CalendarMonth(containing: today.adding(months: -1))
        for contract in story.contracts {
            let terms = try contract.contract(variations: []).current
            let filed = Set(story.returns.filter { $0.contractID == contract.id }.map(\.month))
            let owed = ReturnExpectation.months(of: terms)
            if DemoReturns.storyContracts.contains(contract.reference) {
                XCTAssertEqual(filed, Set(owed.filter { $0 <= DemoReturns.lastFiledMonth }), contract.reference)
            } else {
                // Every month before last is in; last month's only if it was filed by yesterday.
                XCTAssertEqual(filed.subtracting([lastMonth]), Set(owed.filter { $0 < lastMonth }), contract.reference)
            }
        }
        let months = story.returns.map(\.month)
        XCTAssertEqual(months.min()?.description, "2021-10")
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(months.max()), CalendarMonth(containing: today.adding(months: -2)))
        let july = try story.returned(DemoCommissioning.contractReference, "2024-07")
        XCTAssertNil(july, "the import template's example month is left unfiled")
        for record in story.returns where record.status == .submitted {
            XCTAssertGreaterThanOrEqual(record.month, CalendarMonth(containing: today.adding(months: -2)), "only recent returns await review")
        }
        XCTAssertTrue(story.returns.allSatisfy { [.submitted, .approved].contains($0.status) })
        let notFuture = story.versions.allSatisfy { Day($0.submittedAt, in: London.timeZone) < today }
        XCTAssertTrue(notFuture, "nothing is filed today or later")
    }

    func testOneReturnWasLateAndTheStorysLastTwoAwaitedReviewAtItsPresent() async throws {
        let story = try await story()
        let late = story.returns.filter { record in record.firstSubmittedAt.map { Day($0, in: London.timeZone) > record.due } ?? false }
        XCTAssertEqual(late.map(\.monthText), ["2022-01"])
        XCTAssertEqual(late.first?.contractID, try story.contract("ST-WSL-2021-01").id)
        for month in ["2024-05", "2024-06"] {
            let record = try XCTUnwrap(try story.returned(DemoCommissioning.contractReference, month))
            let approvals = story.reviews.filter { $0.returnID == record.id && $0.step == .approve }
            XCTAssertEqual(approvals.count, 1, month)
            let approvedOn = try XCTUnwrap(approvals.first.map { Day($0.reviewedAt, in: London.timeZone) })
            XCTAssertGreaterThan(approvedOn, DemoReturns.present, "\(month) still awaited review at the story's present")
        }
        for record in story.returns where record.status == .approved {
            let reviews = story.reviews.filter { $0.returnID == record.id }
            XCTAssertEqual(reviews.last?.step, .approve, record.monthText)
            XCTAssertEqual(reviews.last?.reviewedBy, "Amara Okafor <amara.okafor@wmvrp.example>")
        }
    }

    func testTheQueriedReturnHasTwoVersionsAndALineComment() async throws {
        let story = try await story()
        let queried = try XCTUnwrap(try story.returned("ST-BHM-2022-01", "2023-02"))
        XCTAssertEqual(queried.status, .approved)
        XCTAssertEqual(queried.latestVersion, 2)
        let versions = story.versions.filter { $0.returnID == queried.id }
        XCTAssertEqual(versions.map(\.number), [1, 2])
        let reviews = story.reviews.filter { $0.returnID == queried.id }
        XCTAssertEqual(reviews.map(\.step), [.query, .approve])
        XCTAssertEqual(reviews.map(\.versionNumber), [1, 2])
        let bhm03 = try await platform { db in try await Route.query(on: db).filter(\.$code == "BHM-03").first()?.id }
        let routeID = try XCTUnwrap(bhm03)
        let comment = try XCTUnwrap(reviews.first?.lineComments[routeID])
        XCTAssertTrue(comment.contains("about ten times this route's usual figure"), comment)
        let first = try XCTUnwrap(try versions[0].content.line(for: routeID))
        let second = try XCTUnwrap(try versions[1].content.line(for: routeID))
        XCTAssertEqual(first[.youngPeopleEngaged], second[.youngPeopleEngaged] * 10, "version 2 corrects the slipped digit")
        XCTAssertTrue(try versions[1].content.narrative.contains("Corrected after the query"))
        let others = story.returns.filter { $0.latestVersion != 1 }.count
        XCTAssertEqual(others, 1, "only the queried return was resubmitted")
    }

    func testEveryStoredVersionKeepsTheReturnRules() async throws {
        let story = try await story()
        let expectations = try await platform { db in try await DemoReturnsTests.expectations(story, on: db) }
        XCTAssertEqual(story.versions.count, story.returns.count + 1)
        for version in story.versions {
            let content = try version.content
            let record = try XCTUnwrap(story.returns.first { $0.id == version.returnID })
            let expected = try XCTUnwrap(expectations[record.contractID]?(record.month))
            XCTAssertEqual(ReturnRules.problems(content, expected: expected).map(\.message), [], "\(record.monthText) v\(version.number)")
            XCTAssertEqual(PersonalDataScan.findings(in: content.narrative + "\n" + (content.caseStudy ?? "")).map(\.excerpt), [])
            let rate = Double(content.lines.reduce(0) { $0 + $1[.sessionsDelivered] }) / Double(max(1, content.lines.reduce(0) { $0 + $1.sessionsPlanned }))
            XCTAssertTrue(content.lines.allSatisfy { $0.schoolDays == 0 } || rate >= 0.9, "\(record.monthText) delivered \(rate)")
        }
    }

    /// What each contract's month must cover, worked out from the calendars as filing does.
    static func expectations(_ story: Story, on db: any Database) async throws -> [UUID: @Sendable (CalendarMonth) -> ReturnExpectation] {
        let routes = try await Route.query(on: db).all()
        let schedules = RouteSchedules.build(routes: routes, authorities: try await LocalAuthority.query(on: db).all(),
                                             periods: try await TermPeriod.query(on: db).all(), costs: try await RouteCostRecord.query(on: db).all())
        let codes = Dictionary(uniqueKeysWithValues: routes.map { ($0.id!, $0.code) })
        var result: [UUID: @Sendable (CalendarMonth) -> ReturnExpectation] = [:]
        for contract in story.contracts {
            let terms = try contract.contract(variations: []).current
            result[contract.id!] = { month in
                ReturnExpectation.of(terms, month: month, codes: codes) { id, range in schedules[id].map { $0.indexes(in: range).count } ?? 0 }
            }
        }
        return result
    }

    func testFinancePaidMostApprovedQuartersAndOneIsLeftPayable() async throws {
        let story = try await story()
        let gareth = try await platform { db in try await Person.query(on: db).filter(\.$email == "gareth.pryce@wmvrp.example").first()?.id }
        let paid = story.lines.filter { $0.paidOn != nil }
        XCTAssertGreaterThan(paid.count, story.lines.count / 2)
        XCTAssertTrue(paid.allSatisfy { $0.paidBy == gareth })
        var payableUnpaid = 0
        for record in story.lines {
            let approved = Set(story.returns.filter { $0.contractID == record.contractID && $0.status == .approved }.map(\.month))
            let line = try XCTUnwrap(record.line)
            if line.isPaid {
                XCTAssertTrue(line.months.allSatisfy(approved.contains), "a paid line with a month not approved")
                XCTAssertGreaterThan(try XCTUnwrap(record.paidOn.flatMap(Day.init(iso:))), line.period.end, "paid in arrears")
            } else if line.status(approvedMonths: approved) == .payable {
                payableUnpaid += 1
            }
        }
        XCTAssertGreaterThanOrEqual(payableUnpaid, 1, "finance has a line to pay in the demo")
    }

    func testTheDeliveryDashboardShowsADeliveryRate() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let response = try await commissioner.get("/t/west-midlands/delivery")
        XCTAssertEqual(response.status, .ok)
        let html = response.body.string
        XCTAssertTrue(html.contains("Delivery rate"))
        XCTAssertTrue(html.contains("October 2021"), "the months go back to the pilot")
        XCTAssertNotNil(html.range(of: "9[0-9]\\.[0-9]%", options: .regularExpression), "a delivery rate of 90% or more")
        XCTAssertTrue(html.contains("Kestrel Youth Outreach"))
    }
}
