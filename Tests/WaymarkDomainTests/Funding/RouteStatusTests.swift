import Foundation
import Testing
@testable import WaymarkDomain

/// Status rules and their reasons on Birmingham's 2022/23 and 2023/24 calendar, at £100 a day.
/// The main story is the one that started Waymark: a Home Office grant ending 31 Mar 2023
/// (128 school days, paid exactly) and a council pledge from 1 Apr 2023 (the 65 summer days).
@Suite("Route status and shortfall")
struct RouteStatusTests {
    let grant = Fixture.source(10, period: range("2022-04-01", "2023-03-31"))
    let council = Fixture.source(11, funder: "Birmingham City Council", programme: "route funding",
                                 kind: .council, amount: pounds(50_000), period: range("2023-04-01", "2024-03-31"), status: .pledged)

    var route: RouteCoverage {
        coverage([
            (Fixture.allocation(1, source: 10, amount: pounds(12_800), period: range("2022-09-01", "2023-03-31")), grant),
            (Fixture.allocation(2, source: 11, amount: pounds(6_500), period: range("2023-04-01", "2023-07-31")), council),
        ], perDay: pounds(100))
    }

    @Test("Before the funding: secure while confirmed money lasts beyond both windows")
    func secureBefore() {
        let report = route.status(asOf: day("2022-06-01"))
        #expect(report.status == .secure)
        #expect(report.nextSchoolDay == day("2022-09-05"))
        #expect(report.text == ["Confirmed funding covers every school day to 31 Mar 2023 (128 school days)"])
        // 31 Mar 2023 is not earlier than 1 Oct 2022 + 180 days (30 Mar), but is earlier than 3 Oct + 180 (1 Apr).
        #expect(route.status(asOf: day("2022-10-01")).status == .secure)
        #expect(route.status(asOf: day("2022-10-03")).status == .watch)
    }

    @Test("Inside the grant: watch, kept going only by the council's pledge")
    func watchOnPledge() {
        let report = route.status(asOf: day("2023-03-08"))
        #expect(report.status == .watch)
        #expect(report.securedFundedUntil == day("2023-03-31"))
        #expect(report.projectedFundedUntil == day("2023-07-25"))
        #expect(report.text == [
            "Home Office grant ends 31 Mar 2023; no confirmed funding after; 18 school days left",
            "Kept going only by pledged money from Birmingham City Council after 31 Mar 2023",
        ])
    }

    @Test("Inside the pledge: at risk when even projected money ends within 90 days")
    func atRisk() {
        let report = route.status(asOf: day("2023-05-01"))
        #expect(report.status == .atRisk)
        #expect(report.nextSchoolDay == day("2023-05-02"))
        #expect(report.text == [
            "Birmingham City Council route funding ends 31 Jul 2023; no confirmed or pledged funding after; 55 school days left",
            "Kept going only by pledged money from Birmingham City Council from 2 May 2023",
        ])
        #expect(report.reasons.first == .fundingEnds(FundingEnd(
            basis: .projected, label: "Birmingham City Council route funding", stop: .periodEnds(day("2023-07-31")),
            lastFundedDay: day("2023-07-25"), schoolDaysLeft: 55, after: .unfunded(day("2023-09-06")))))
    }

    @Test("The windows are the tenant's to set")
    func windows() {
        #expect(route.status(asOf: day("2023-03-08"), windows: StatusWindows(atRiskDays: 200, watchDays: 365)).status == .atRisk)
        #expect(route.status(asOf: day("2023-03-08"), windows: StatusWindows(atRiskDays: 30, watchDays: 20)).status == .secure)
    }

    @Test("After the funding: unfunded, naming the money that ended")
    func unfundedAfter() {
        let report = route.status(asOf: day("2023-08-01"))
        #expect(report.status == .unfunded)
        #expect(report.text == [
            "No funding for 6 Sep 2023, the next school day",
            "Birmingham City Council route funding ended 31 Jul 2023",
        ])
    }

    @Test("Unfunded before money starts, and in a gap before it starts again")
    func unfundedGaps() {
        let late = coverage([(Fixture.allocation(1, source: 10, amount: pounds(10_000), period: range("2022-10-01", "2023-03-31")), grant)],
                            perDay: pounds(100))
        #expect(late.status(asOf: day("2022-09-01")).text == [
            "No funding for 5 Sep 2022, the next school day",
            "Funding starts on 3 Oct 2022 (Home Office grant)",
        ])
        let gap = coverage([
            (Fixture.allocation(1, source: 10, amount: pounds(10_000), period: range("2022-09-01", "2022-10-21")), grant),
            (Fixture.allocation(2, source: 11, amount: pounds(10_000), period: range("2023-04-01", "2023-07-31")), council),
        ], perDay: pounds(100))
        #expect(gap.status(asOf: day("2022-11-01")).text == [
            "No funding for 1 Nov 2022, the next school day",
            "Home Office grant ended 21 Oct 2022",
            "Funding starts again on 17 Apr 2023 (Birmingham City Council route funding)",
        ])
    }

    @Test("Unfunded when the next day is paid only in part, or its cost is unknown")
    func unfundedPartOrUnknown() {
        let part = coverage([(Fixture.allocation(1, source: 10, amount: pounds(250), period: range("2022-09-05", "2022-09-30")), grant)],
                            perDay: pounds(100))
        #expect(part.status(asOf: day("2022-09-07")).text == [
            "Only £50.00 of the £100.00 needed for 7 Sep 2022, the next school day, is funded",
            "Home Office grant runs out on 7 Sep 2022",
        ])

        let model = RouteCostModel(entries: [.init(effectiveFrom: day("2022-09-12"), chaperones: 1, minutesPerDay: 0,
                                                   hourlyRate: .zero, dailyManagement: pounds(100))])
        let unknown = RouteCoverage(RouteCoverageInput(
            routeID: id(1), schedule: RouteSchedule(calendar: Birmingham.calendar, costModel: model, from: day("2022-09-01")),
            allocations: [FundedAllocation(Fixture.allocation(1, source: 10, amount: pounds(99_000), period: range("2022-09-01", "2023-03-31")), of: grant)]))
        let report = unknown.status(asOf: day("2022-09-01"))
        #expect(report.status == .unfunded)
        #expect(report.text.first == "The cost of 5 Sep 2022, the next school day, is not known: the route has no cost set for it")
    }

    @Test("No next school day: unfunded, saying whether term dates are missing or the route has closed")
    func noNextSchoolDay() {
        let report = route.status(asOf: day("2024-09-01"))
        #expect(report.status == .unfunded)
        #expect(report.nextSchoolDay == nil)
        #expect(report.text == ["No school days are known on or after 1 Sep 2024: term dates run only to 31 Aug 2024, so add the next school year's"])
        let closed = coverage([], perDay: pounds(100), closing: day("2023-03-31"))
        #expect(closed.status(asOf: day("2023-04-01")).text == ["The route has no school days on or after 1 Apr 2023: it closes on 31 Mar 2023"])
    }

    @Test("A route funded until it closes is secure, not ending")
    func fundedToClosure() {
        let closing = coverage([(Fixture.allocation(1, source: 10, amount: pounds(12_800), period: range("2022-09-01", "2023-03-31")), grant)],
                               perDay: pounds(100), closing: day("2023-03-31"))
        let report = closing.status(asOf: day("2023-03-08"))
        #expect(report.status == .secure)
        #expect(report.text == ["Confirmed funding covers every school day until the route closes on 31 Mar 2023 (18 school days)"])
    }

    @Test("Money used up before its period ends 'runs out'")
    func runsOut() {
        let thin = coverage([(Fixture.allocation(1, source: 10, amount: pounds(1_000), period: range("2022-09-01", "2022-12-31")), grant)],
                            perDay: pounds(100))
        let report = thin.status(asOf: day("2022-09-05"))
        #expect(report.status == .atRisk)
        #expect(report.text == ["Home Office grant runs out on 16 Sep 2022; no confirmed or pledged funding after; 10 school days left"])
    }

    @Test("Funding that lasts to the end of the known term dates says so")
    func termDatesEnd() {
        let spec = Fixture.source(20, funder: "West Midlands VRP", programme: "specification", amount: pounds(91_260),
                                  period: range("2023-09-01", "2024-08-31"))
        let year = coverage([(Fixture.allocation(1, source: 20, amount: pounds(45_630), period: spec.period), spec)],
                            perDay: pounds(234), calendar: SchoolYear195.calendar, from: day("2023-09-01"))
        #expect(year.status(asOf: day("2023-09-01")).status == .secure)
        let report = year.status(asOf: day("2024-03-01"))
        #expect(report.status == .watch)
        #expect(report.text == [
            "Confirmed funding covers every school day to 22 Jul 2024, but term dates are known only to 31 Aug 2024; 86 school days left"])
    }

    @Test("Statuses sort most urgent first")
    func ordering() {
        #expect([RouteStatus.secure, .unfunded, .watch, .atRisk].sorted() == [.unfunded, .atRisk, .watch, .secure])
    }

    @Test("Shortfall to the end of the school year and of the financial year")
    func shortfall() throws {
        let march = try #require(route.shortfallToEndOfSchoolYear(asOf: day("2023-03-08")))
        #expect(march.period == range("2023-03-08", "2023-08-31"))
        #expect(march.secured == pounds(6_500))   // the 65 summer days only pledged
        #expect(march.projected == .zero)
        #expect(route.shortfallToEndOfFinancialYear(asOf: day("2023-03-08"))?.secured == .zero)

        let august = try #require(route.shortfallToEndOfFinancialYear(asOf: day("2023-08-01")))
        #expect(august.secured == pounds(12_200))   // autumn 73 + spring 49 days of 2023/24
        #expect(august.projected == pounds(12_200))
        #expect(august.termDatesEndEarly == false)
        let beyond = try #require(route.shortfall(asOf: day("2023-08-01"), through: day("2025-03-31")))
        #expect(beyond.secured == pounds(19_000))
        #expect(beyond.termDatesEndEarly)
        #expect(route.shortfall(asOf: day("2023-08-01"), through: day("2023-07-31")) == nil)
    }
}
