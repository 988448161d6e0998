import Foundation
import Testing
@testable import WaymarkDomain

/// The coverage walk on examples worked by hand against Birmingham's 2022/23 calendar:
/// September 2022 has 19 school days (5–30 Sep less the state funeral on 19 Sep), the autumn
/// term 69, spring 59 (to 31 Mar) and summer 65.
@Suite("Coverage walk: worked examples")
struct CoverageWalkTests {
    let autumn = range("2022-09-01", "2022-12-31")
    let grantYear = range("2022-09-01", "2023-03-31")

    @Test("The demo specification: £91,260 covers two routes for 195 school days at £234")
    func demoSpecification() throws {
        let spec = Fixture.source(20, funder: "West Midlands VRP", programme: "Step Together specification",
                                  amount: pounds(91_260), period: range("2023-09-01", "2024-08-31"))
        let year = spec.period
        let routeA = Fixture.allocation(21, source: 20, route: 1, amount: pounds(45_630), period: year)
        let routeB = Fixture.allocation(22, source: 20, route: 2, amount: pounds(45_630), period: year)
        #expect(spec.problems(with: routeB, existing: [routeA], routeLocalAuthorityID: nil) == [])
        #expect(spec.problems(with: Fixture.allocation(23, source: 20, route: 3, amount: Money(pence: 1), period: year),
                              existing: [routeA, routeB], routeLocalAuthorityID: nil).map(\.field) == [.amount])

        let inputs = [routeA, routeB].map { allocation in
            RouteCoverageInput(routeID: allocation.routeID,
                               schedule: RouteSchedule(calendar: SchoolYear195.calendar, costModel: Fixture.flatCost(pounds(234)),
                                                       from: day("2023-09-01")),
                               allocations: [FundedAllocation(allocation, of: spec)])
        }
        let results = TenantCoverage.run(inputs, asOf: day("2023-09-01"))
        for result in results {
            let walk = result.coverage.secured
            #expect(walk.schedule.count == 195)
            #expect(walk.coveredDayCount == 195)
            #expect(walk.partlyCoveredDayCount == 0)
            #expect(walk.paidTotal == pounds(45_630))
            #expect(walk.lapsedTotal == .zero)
            #expect(walk.fundedUntil(asOf: day("2023-09-01")) == day("2024-07-22"))
            #expect(result.coverage.projected.paidTotal == walk.paidTotal)
        }
        #expect(results.map(\.coverage.secured.paidTotal).reduce(.zero, +) == pounds(91_260))
        #expect(195 * 2 * pounds(234) == pounds(91_260))
    }

    @Test("Overlapping allocations: the one ending first is drawn first, and the rest lapses")
    func earliestEndingFirst() throws {
        let grant = Fixture.source(10, period: grantYear)
        let shortOne = Fixture.allocation(1, source: 10, amount: pounds(3_000), period: autumn, enteredAt: 50)
        let longOne = Fixture.allocation(2, source: 10, amount: pounds(10_000), period: grantYear, enteredAt: 1)
        let walk = coverage([(longOne, grant), (shortOne, grant)], perDay: pounds(100)).secured
        // 30 days of the short allocation: 19 in September, then 3–14 Oct (10) and 17 Oct.
        let lastShort = walk.schedule.index(onOrAfter: day("2022-10-17"))
        #expect(walk.payments(onDayAt: lastShort).map(\.allocationIndex) == [0])
        #expect(walk.payments(onDayAt: lastShort + 1).map(\.allocationIndex) == [1])
        #expect(walk.drawn(shortOne.id) == pounds(3_000))
        // The long one pays the other 39 autumn days and all 59 spring days, and £200 lapses.
        #expect(walk.drawn(longOne.id) == pounds(9_800))
        #expect(walk.lapsed(longOne.id) == pounds(200))
        #expect(walk.coveredDayCount == 128)
        #expect(walk.fundedUntil(asOf: day("2022-09-01")) == day("2023-03-31"))
    }

    @Test("Ties: then earliest-starting, then oldest, whatever order they are given in")
    func tieBreaks() {
        let grant = Fixture.source(10, period: grantYear)
        let late = Fixture.allocation(1, source: 10, amount: pounds(500), period: range("2022-09-05", "2022-12-31"), enteredAt: 5)
        let early = Fixture.allocation(2, source: 10, amount: pounds(500), period: autumn, enteredAt: 9)
        let oldest = Fixture.allocation(3, source: 10, amount: pounds(500), period: autumn, enteredAt: 1)
        for funding in [[late, early, oldest], [oldest, late, early], [early, oldest, late]] {
            let walk = coverage(funding.map { ($0, grant) }, perDay: pounds(100)).secured
            #expect(walk.allocations.map(\.allocation.id) == [oldest.id, early.id, late.id])
            let payer = { (iso: String) in walk.allocations[walk.payments(onDayAt: walk.schedule.index(onOrAfter: day(iso)))[0].allocationIndex].allocation.id }
            #expect(payer("2022-09-05") == oldest.id)   // 5–9 Sep
            #expect(payer("2022-09-12") == early.id)    // 12–16 Sep
            #expect(payer("2022-09-20") == late.id)     // 20–23, 26 Sep (19 Sep is a bank holiday)
        }
    }

    @Test("A day met in part is partly covered; a second allocation can top it up")
    func partialDay() {
        let grant = Fixture.source(10, period: grantYear)
        let small = Fixture.allocation(1, source: 10, amount: pounds(250), period: range("2022-09-05", "2022-09-07"))
        let alone = coverage([(small, grant)], perDay: pounds(100)).secured
        #expect(alone.states("2022-09-05", "2022-09-08") == [.covered, .covered, .partlyCovered, .uncovered])
        #expect(alone.paid(at: 2) == pounds(50))
        #expect(alone.partlyCoveredDayCount == 1)
        #expect(alone.fundedUntil(asOf: day("2022-09-05")) == day("2022-09-06"))
        #expect(alone.fundedUntil(asOf: day("2022-09-07")) == nil)

        let topUp = Fixture.allocation(2, source: 10, amount: pounds(1_000), period: range("2022-09-05", "2022-09-30"))
        let both = coverage([(topUp, grant), (small, grant)], perDay: pounds(100)).secured
        #expect(both.payments(onDayAt: 2).map(\.amount) == [pounds(50), pounds(50)])
        #expect(both.states("2022-09-05", "2022-09-20") == Array(repeating: .covered, count: 11))
        // £1,250 pays 12½ days: 5–9, 12–16, 20, 21 Sep in full and half of 22 Sep.
        #expect(both.states("2022-09-21", "2022-09-23") == [.covered, .partlyCovered, .uncovered])
    }

    @Test("Money left at the period's end lapses and never carries over")
    func lapse() throws {
        let grant = Fixture.source(10, period: grantYear)
        let september = Fixture.allocation(1, source: 10, amount: pounds(5_000), period: range("2022-09-01", "2022-09-30"))
        let october = Fixture.allocation(2, source: 10, amount: pounds(1_000), period: range("2022-10-01", "2022-12-31"))
        let walk = coverage([(september, grant), (october, grant)], perDay: pounds(100)).secured
        #expect(walk.drawn(september.id) == pounds(1_900))
        #expect(walk.lapsed(september.id) == pounds(3_100))
        #expect(walk.lapsedTotal == pounds(3_100))
        // October's £1,000 pays 3–14 Oct; 17 Oct gets nothing from September's leftover.
        #expect(walk.fundedUntil(asOf: day("2022-10-01")) == day("2022-10-14"))
        #expect(walk.states("2022-10-14", "2022-10-17") == [.covered, .uncovered])

        // As of 15 Sep: 8 school days drawn (5–9, 12–14 Sep); the lapse is still to come.
        let during = try #require(walk.position(ofAllocationAt: 0, asOf: day("2022-09-15")))
        #expect(during == AllocationPosition(amount: pounds(5_000), drawnToDate: pounds(800), lapsed: .zero,
                                             remaining: pounds(4_200), toBeDrawn: pounds(1_100), willLapse: pounds(3_100)))
        #expect(walk.lapse(asOf: day("2022-09-15")) == (past: .zero, future: pounds(3_100)))
        // As of 1 Oct the period has ended: the lapse is in the past.
        let after = try #require(walk.position(ofAllocationAt: 0, asOf: day("2022-10-01")))
        #expect(after == AllocationPosition(amount: pounds(5_000), drawnToDate: pounds(1_900), lapsed: pounds(3_100),
                                            remaining: .zero, toBeDrawn: .zero, willLapse: .zero))
        #expect(walk.lapse(asOf: day("2022-10-01")) == (past: pounds(3_100), future: .zero))
        // Before anything is drawn.
        #expect(walk.drawn(allocationAt: 0, before: day("2022-09-05")) == .zero)
        #expect(walk.drawn(allocationAt: 0, before: day("2022-09-06")) == pounds(100))
    }

    @Test("Funded-until stops at a gap of school days, not at a half-term")
    func fundedUntilWithGap() {
        let grant = Fixture.source(10, period: grantYear)
        let first = Fixture.allocation(1, source: 10, amount: pounds(10_000), period: range("2022-09-01", "2022-10-21"))
        let afterGap = Fixture.allocation(2, source: 10, amount: pounds(10_000), period: range("2022-11-14", "2022-12-16"))
        let walk = coverage([(first, grant), (afterGap, grant)], perDay: pounds(100)).secured
        #expect(walk.fundedUntil(asOf: day("2022-08-01")) == day("2022-10-21"))
        #expect(walk.fundedUntil(asOf: day("2022-10-22")) == nil)   // next school day 31 Oct is unpaid
        #expect(walk.fundedUntil(asOf: day("2022-11-01")) == nil)
        #expect(walk.fundedUntil(asOf: day("2022-11-12")) == day("2022-12-16"))
        #expect(walk.fundedUntil(asOf: day("2022-12-17")) == nil)

        // Starting the second allocation on 31 Oct closes the gap: half-term is not school days.
        let noGap = Fixture.allocation(2, source: 10, amount: pounds(10_000), period: range("2022-10-31", "2022-12-16"))
        let joined = coverage([(first, grant), (noGap, grant)], perDay: pounds(100)).secured
        #expect(joined.fundedUntil(asOf: day("2022-09-01")) == day("2022-12-16"))
        let run = joined.fundedRun(asOf: day("2022-09-01"))
        #expect(run?.schoolDays == 69)
        #expect(run?.reachesEndOfSchedule == false)
    }

    @Test("Ends within N days: funded-until earlier than as-of + N calendar days; none counts as ending")
    func endsWithin() {
        let asOf = day("2023-01-01")
        #expect(CoverageWalk.endsWithin(fundedUntil: day("2023-03-31"), days: 90, asOf: asOf))    // 31 Mar < 1 Apr
        #expect(!CoverageWalk.endsWithin(fundedUntil: day("2023-04-01"), days: 90, asOf: asOf))
        #expect(CoverageWalk.endsWithin(fundedUntil: nil, days: 90, asOf: asOf))
    }

    @Test("Pledged money counts only in the projected walk; prospective and withdrawn in neither")
    func bases() {
        let confirmed = Fixture.source(10, period: grantYear)
        let pledged = Fixture.source(11, funder: "Birmingham City Council", status: .pledged)
        let prospective = Fixture.source(12, funder: "A trust", status: .prospective)
        let withdrawn = Fixture.source(13, funder: "A school", status: .withdrawn)
        let september = range("2022-09-01", "2022-09-30")
        let route = coverage([
            (Fixture.allocation(1, source: 10, amount: pounds(500), period: september), confirmed),
            (Fixture.allocation(2, source: 11, amount: pounds(500), period: september), pledged),
            (Fixture.allocation(3, source: 12, amount: pounds(500), period: september), prospective),
            (Fixture.allocation(4, source: 13, amount: pounds(500), period: september), withdrawn),
        ], perDay: pounds(100))
        #expect(route.secured.coveredDayCount == 5)
        #expect(route.projected.coveredDayCount == 10)
        #expect(route.fundedUntil(asOf: day("2022-09-01")) == (day("2022-09-09"), day("2022-09-16")))
        #expect(route.secured.position(ofAllocationAt: 1, asOf: day("2022-09-01")) == nil)
        #expect(route.projected.lapsed(allocationAt: 2) == .zero)   // not counted, so not lapsing either
    }

    @Test("A school day with no known cost is reported, not paid, and breaks the run")
    func unknownCost() {
        let model = RouteCostModel(entries: [.init(effectiveFrom: day("2022-09-12"), chaperones: 1, minutesPerDay: 0,
                                                   hourlyRate: .zero, dailyManagement: pounds(100))])
        let schedule = RouteSchedule(calendar: Birmingham.calendar, costModel: model, from: day("2022-09-01"))
        #expect(schedule.unknownCostDays == ["2022-09-05", "2022-09-06", "2022-09-07", "2022-09-08", "2022-09-09"].map(day))
        let grant = Fixture.source(10, period: grantYear)
        let input = RouteCoverageInput(routeID: id(1), schedule: schedule, allocations: [
            FundedAllocation(Fixture.allocation(1, source: 10, amount: pounds(1_000), period: grantYear), of: grant)])
        let walk = RouteCoverage(input).secured
        #expect(walk.states("2022-09-08", "2022-09-12") == [.unknownCost, .unknownCost, .covered])
        #expect(walk.drawn(allocationAt: 0) == pounds(1_000))   // spent from 12 Sep, not on unknown days
        #expect(walk.fundedUntil(asOf: day("2022-09-01")) == nil)
        // £1,000 is 10 days from 12 Sep: 12–16, 20–23 (19 Sep is a bank holiday) and 26 Sep.
        #expect(walk.fundedUntil(asOf: day("2022-09-10")) == day("2022-09-26"))
    }

    @Test("Schedules stop at the route's closing day or where the term dates end")
    func scheduleEnds() {
        let cost = Fixture.flatCost(pounds(100))
        let open = RouteSchedule(calendar: Birmingham.calendar, costModel: cost, from: day("2022-09-01"))
        #expect(open.count == 193 + 190)
        #expect(open.end == .termDatesEnd(day("2024-08-31")))
        let closing = RouteSchedule(calendar: Birmingham.calendar, costModel: cost, from: day("2022-09-01"), closingOn: day("2023-03-31"))
        #expect(closing.count == 128)
        #expect(closing.end == .routeCloses(day("2023-03-31")))
        let beyond = RouteSchedule(calendar: Birmingham.calendar, costModel: cost, from: day("2022-09-01"), closingOn: day("2030-01-01"))
        #expect(beyond.end == .termDatesEnd(day("2024-08-31")))
    }
}
