import Testing
@testable import WaymarkDomain

@Suite("Set-up checklist")
struct SetUpChecklistTests {
    let today = Day(2026, 12, 6)

    @Test func anEmptyTenantHasEverythingToDo() {
        let lines = SetUpChecklist.lines(.init(today: today))
        #expect(lines.map(\.item) == SetUpChecklist.Item.allCases)
        #expect(lines.allSatisfy { !$0.done })
        #expect(lines[0].detail == "No local authorities yet: add the ones your routes run in.")
        #expect(lines[5].detail == "No one holds the commissioner, finance, partner and provider roles yet: invite people from their organisation's page.")
    }

    @Test func calendarsMustRunAYearAhead() {
        var facts = SetUpChecklist.Facts(today: today, authorities: [
            .init(name: "Leeds", calendarRunsTo: Day(2028, 8, 31), routes: 2),
            .init(name: "Walsall", calendarRunsTo: Day(2025, 8, 31), routes: 1),
            .init(name: "York", calendarRunsTo: nil, routes: 0),
        ])
        let line = SetUpChecklist.lines(facts)[1]
        #expect(!line.done)
        #expect(line.detail == "Term dates for Walsall run only to 31 Aug 2025 and York has no term dates: import term dates to at least 6 Dec 2027.")
        facts.authorities = [.init(name: "Leeds", calendarRunsTo: Day(2027, 12, 6), routes: 2)]
        #expect(SetUpChecklist.lines(facts)[1].done, "a calendar reaching exactly a year ahead is enough")
    }

    @Test func aWorkingPartnershipIsComplete() {
        let facts = SetUpChecklist.Facts(
            today: today, authorities: [.init(name: "Leeds", calendarRunsTo: Day(2028, 8, 31), routes: 3)], routes: 3,
            fundingSources: 2, allocations: 3, contracts: 1,
            peopleByRole: [.commissioner: 1, .finance: 1, .partner: 2, .provider: 1])
        #expect(SetUpChecklist.isComplete(facts))
        var missing = facts
        missing.routesWithoutCost = ["LDS-03"]
        missing.routesWithoutContract = ["LDS-01", "LDS-02"]
        missing.allocations = 0
        let lines = SetUpChecklist.lines(missing)
        #expect(lines[2].detail == "LDS-03 has no daily cost, so coverage cannot be worked out.")
        #expect(lines[3].detail == "2 funding sources but no allocations: say which routes each pays for.")
        #expect(lines[4].detail == "LDS-01 and LDS-02 are active with no contract to deliver them.")
        #expect(!SetUpChecklist.isComplete(missing))
    }

    @Test func theDashboardNamesOnlyAuthoritiesWithRoutesGroupedByTheDayTheirDatesStop() {
        let gaps = SetUpChecklist.dashboardGaps(authorities: [
            .init(name: "Birmingham", calendarRunsTo: Day(2025, 8, 31), routes: 4),
            .init(name: "Coventry", calendarRunsTo: Day(2025, 8, 31), routes: 2),
            .init(name: "Walsall", calendarRunsTo: Day(2024, 8, 31), routes: 1),
            .init(name: "Dudley", calendarRunsTo: nil, routes: 0),
            .init(name: "Solihull", calendarRunsTo: Day(2027, 8, 31), routes: 3),
        ], routesWithoutCost: ["SOL-02"], horizon: Day(2025, 9, 28))
        #expect(gaps == ["term dates for Walsall run only to 31 Aug 2024",
                         "term dates for Birmingham and Coventry run only to 31 Aug 2025", "SOL-02 has no daily cost"])
    }
}
