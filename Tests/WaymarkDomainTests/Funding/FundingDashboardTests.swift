import Foundation
import Testing
@testable import WaymarkDomain

/// The dashboard on `DashboardStory`, worked by hand.
@Suite("Funding dashboard")
struct FundingDashboardTests {
    let dashboard = DashboardStory.dashboard()

    @Test("Routes and children by status")
    func counts() {
        #expect(dashboard.statuses == [id(1): .secure, id(2): .atRisk, id(3): .atRisk, id(4): .unfunded,
                                       id(5): .secure, id(6): .watch, id(7): .atRisk])
        #expect(dashboard.routeCounts == [.unfunded: 1, .atRisk: 3, .watch: 1, .secure: 2])
        #expect(dashboard.childrenCounts == [.unfunded: 5, .atRisk: 29, .watch: 7, .secure: 30])
        #expect(dashboard.childrenAtRiskOrUnfunded == 34)
    }

    @Test("Every status is present even with no routes")
    func empty() {
        let empty = FundingDashboard(results: [], routes: [], sources: [], asOf: DashboardStory.asOf)
        #expect(empty.routeCounts == [.unfunded: 0, .atRisk: 0, .watch: 0, .secure: 0])
        #expect(empty.childrenAtRiskOrUnfunded == 0)
        #expect(empty.endingGrants.map(\.days) == [30, 90, 180])
        #expect(empty.endingGrants.allSatisfy { $0.grants.isEmpty })
        #expect(empty.schoolYearShortfall.secured == .zero && empty.schoolYearShortfall.routes.isEmpty)
    }

    @Test("Shortfall to the end of the financial year, in total and by route")
    func financialYearShortfall() {
        let shortfall = dashboard.financialYearShortfall
        #expect(shortfall.period == range("2022-09-01", "2023-03-31"))
        #expect(shortfall.secured == pounds(53_500))
        #expect(shortfall.projected == pounds(42_400))
        #expect(shortfall.unknownCostDays == 0 && shortfall.routesWithTermDatesEndingEarly == 0)
        #expect(!shortfall.isLowerBound)
        // Largest projected shortfall first; route 6 is short only of confirmed money.
        #expect(shortfall.routes.map(\.route.code) == ["WAL-01", "SAN-01", "BHM-02", "BHM-06", "BHM-01"])
        #expect(shortfall.routes.map(\.shortfall.projected) == [pounds(12_800), pounds(11_000), pounds(9_300), pounds(9_300), .zero])
        #expect(shortfall.routes.map(\.status) == [.unfunded, .atRisk, .atRisk, .atRisk, .watch])
    }

    @Test("Shortfall to the end of the school year")
    func schoolYearShortfall() {
        let shortfall = dashboard.schoolYearShortfall
        #expect(shortfall.period == range("2022-09-01", "2023-08-31"))
        #expect(shortfall.secured == pounds(99_000))
        #expect(shortfall.projected == pounds(81_400))
        #expect(shortfall.routes.count == 7)   // even the secure routes need the summer term
    }

    @Test("Term dates that stop early and unknown costs make the shortfall a lower bound")
    func lowerBound() {
        let oneYear = TermCalendar(authority: "Birmingham, 2022/23 only", years: [Birmingham.year2022])
        let asOf = day("2023-06-01")
        let results = tenantResults([TestRoute(number: 1, funding: [])], asOf: asOf, calendar: oneYear)
        let dashboard = FundingDashboard(results: results, routes: [], sources: [], asOf: asOf)
        #expect(dashboard.financialYearShortfall.routesWithTermDatesEndingEarly == 1)
        #expect(dashboard.financialYearShortfall.isLowerBound)
        #expect(dashboard.schoolYearShortfall.routesWithTermDatesEndingEarly == 0)
        #expect(dashboard.schoolYearShortfall.secured == pounds(3_700))   // 5–30 Jun (20 days) and 3–25 Jul (17)
        #expect(dashboard.financialYearShortfall.routes.map(\.route.code) == [""])   // no facts given: no code, no children

        let schedule = RouteSchedule(days: [day("2023-06-05"), day("2023-06-06")], costs: [nil, pounds(100)],
                                     end: .routeCloses(day("2023-06-06")))
        let unknown = TenantCoverage.run([RouteCoverageInput(routeID: id(2), schedule: schedule, allocations: [])], asOf: asOf)
        let priced = FundingDashboard(results: unknown, routes: [], sources: [], asOf: asOf)
        #expect(priced.schoolYearShortfall.unknownCostDays == 1)
        #expect(priced.schoolYearShortfall.secured == pounds(100))
        #expect(priced.schoolYearShortfall.isLowerBound)
    }

    @Test("A route closing inside its funding: secure, no shortfall, the rest forecast to lapse")
    func routeClosing() {
        let grant = DashboardStory.homeOffice
        let route = TestRoute(number: 1, funding: [(Fixture.allocation(1, source: 10, amount: pounds(12_800), period: DashboardStory.autumnToSpring), grant)],
                              closing: day("2022-12-16"))
        let asOf = day("2022-09-01")
        let dashboard = FundingDashboard(results: tenantResults([route], asOf: asOf), routes: [], sources: [grant], asOf: asOf)
        #expect(dashboard.routeCounts[.secure] == 1)
        #expect(dashboard.financialYearShortfall.secured == .zero)
        #expect(dashboard.financialYearShortfall.routes.isEmpty)
        #expect(dashboard.lapse.future == pounds(5_900))
    }

    @Test("Money lapsing unspent: only counted sources with a lapse are listed, by end day")
    func lapse() {
        let lapse = dashboard.lapse
        #expect(lapse.sources.map(\.label) == ["Walsall Council summer scheme", "Youth Endowment Fund extension",
                                               "Home Office grant", "Birmingham City Council route funding"])
        #expect(lapse.sources.map(\.past) == [pounds(500), .zero, .zero, .zero])
        #expect(lapse.sources.map(\.future) == [.zero, pounds(600), pounds(200), pounds(4_200)])
        #expect(lapse.past == pounds(500) && lapse.future == pounds(5_000))
    }

    @Test("Source positions: one per source, in the order given")
    func positions() {
        #expect(dashboard.sourcePositions.map(\.sourceID) == DashboardStory.sources.map(\.id))
        let yef = dashboard.sourcePositions[1]
        #expect(yef.allocated == pounds(14_600))
        #expect(yef.routes.map(\.routeID) == [id(2), id(5), id(6), id(7)])
        #expect(yef.toBeDrawn == pounds(14_000) && yef.willLapse == pounds(600))
        let withdrawn = dashboard.sourcePositions[4]
        #expect(!withdrawn.counted && withdrawn.remaining == pounds(500))
    }

    @Test("As of a day after everything ended: all unfunded, nothing ending, every lapse in the past")
    func afterEverything() {
        let late = DashboardStory.dashboard(asOf: day("2030-01-01"))
        #expect(late.routeCounts[.unfunded] == 7)
        #expect(late.childrenAtRiskOrUnfunded == 71)
        #expect(late.endingGrants.allSatisfy { $0.grants.isEmpty })
        #expect(late.lapse.past == pounds(5_500) && late.lapse.future == .zero)
        #expect(late.financialYearShortfall.secured == .zero)
        #expect(late.financialYearShortfall.routesWithTermDatesEndingEarly == 7)
    }
}
