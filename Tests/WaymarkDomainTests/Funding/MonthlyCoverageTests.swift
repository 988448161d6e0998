import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Monthly coverage")
struct MonthlyCoverageTests {
    /// 17–21 Oct 2022 at £100, half-term 24–28 Oct, 31 Oct free, 1 Nov £100, 2 Nov of unknown
    /// cost, 3 Nov £100. Confirmed £550 from 17 Oct pays to half of 1 Nov; a £200 pledge from
    /// 1 Nov (same end, later start, so drawn second) pays the other half and 3 Nov.
    var route: RouteCoverage {
        let days = ["2022-10-17", "2022-10-18", "2022-10-19", "2022-10-20", "2022-10-21", "2022-10-31",
                    "2022-11-01", "2022-11-02", "2022-11-03"].map(day)
        let costs: [Money?] = [pounds(100), pounds(100), pounds(100), pounds(100), pounds(100), .zero, pounds(100), nil, pounds(100)]
        let grant = Fixture.source(10)
        let pledge = Fixture.source(11, funder: "Birmingham City Council", status: .pledged)
        return RouteCoverage(RouteCoverageInput(
            routeID: id(1), schedule: RouteSchedule(days: days, costs: costs, end: .termDatesEnd(day("2022-12-31"))),
            allocations: [
                FundedAllocation(Fixture.allocation(1, source: 10, amount: pounds(550), period: range("2022-10-17", "2022-11-30")), of: grant),
                FundedAllocation(Fixture.allocation(2, source: 11, amount: pounds(200), period: range("2022-11-01", "2022-11-30")), of: pledge),
            ]))
    }

    @Test("Every month the range touches, with empty months as zeros, a half-term gap and a part-paid day")
    func handBuilt() {
        let months = route.monthly(from: day("2022-09-15"), through: day("2022-12-10"))
        #expect(months.map(\.month) == [9, 10, 11, 12])
        #expect(months.map(\.year) == [2022, 2022, 2022, 2022])
        #expect(months.map(\.firstDay) == [day("2022-09-15"), day("2022-10-01"), day("2022-11-01"), day("2022-12-01")])
        #expect(months.map(\.lastDay) == [day("2022-09-30"), day("2022-10-31"), day("2022-11-30"), day("2022-12-10")])
        #expect(months.map(\.schoolDays) == [0, 6, 3, 0])
        #expect(months[0].secured == MonthCoverage.Figures() && months[3].projected == MonthCoverage.Figures())

        let october = months[1].secured
        #expect(october.fullyCovered == 6)   // the free day counts as met in full
        #expect(october.cost == pounds(500) && october.paid == pounds(500) && october.gap == .zero)
        #expect(months[1].projected == october)

        let november = months[2].secured
        #expect((november.fullyCovered, november.partlyCovered, november.uncovered, november.unknownCostDays) == (0, 1, 1, 1))
        #expect(november.cost == pounds(200) && november.paid == pounds(50) && november.gap == pounds(150))
        let pledged = months[2].figures(.projected)
        #expect((pledged.fullyCovered, pledged.partlyCovered, pledged.uncovered, pledged.unknownCostDays) == (2, 0, 0, 1))
        #expect(pledged.paid == pounds(200) && pledged.gap == .zero)
    }

    @Test("A range splitting months clips the first and last")
    func clipped() {
        let months = route.monthly(from: day("2022-10-19"), through: day("2022-11-01"))
        #expect(months.count == 2)
        #expect((months[0].firstDay, months[0].lastDay, months[0].schoolDays) == (day("2022-10-19"), day("2022-10-31"), 4))
        #expect(months[0].secured.cost == pounds(300) && months[0].secured.paid == pounds(300))
        #expect((months[1].firstDay, months[1].lastDay, months[1].schoolDays) == (day("2022-11-01"), day("2022-11-01"), 1))
        #expect(months[1].secured.gap == pounds(50))
    }

    @Test("Empty when the range is backwards; one entry for a one-day range")
    func degenerate() {
        #expect(route.monthly(from: day("2022-11-02"), through: day("2022-11-01")).isEmpty)
        let single = route.monthly(from: day("2022-11-02"), through: day("2022-11-02"))
        #expect(single.count == 1 && single[0].schoolDays == 1 && single[0].secured.unknownCostDays == 1)
        #expect(route.monthly(from: day("9999-12-31"), through: .latest).count == 1)
    }

    @Test("Birmingham 2022/23: half-terms, the state funeral and the 2023 May bank holidays")
    func realCalendar() {
        let route = coverage([], perDay: pounds(100))
        let months = route.monthly(from: day("2022-09-01"), through: day("2023-08-31"))
        // May 2023 loses 1 May and 8 May (the coronation); August has none.
        #expect(months.map(\.schoolDays) == [19, 16, 22, 12, 21, 15, 23, 10, 18, 20, 17, 0])
        #expect(months.allSatisfy { $0.secured.uncovered == $0.schoolDays && $0.secured.gap == $0.schoolDays * pounds(100) })
    }

    @Test("Months after a route closes are listed with no school days")
    func afterClosing() {
        let route = coverage([], perDay: pounds(100), closing: day("2022-11-15"))
        #expect(route.monthly(from: day("2022-11-01"), through: day("2023-01-31")).map(\.schoolDays) == [11, 0, 0])
    }
}
