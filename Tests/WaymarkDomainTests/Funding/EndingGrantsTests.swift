import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Ending grants")
struct EndingGrantsTests {
    @Test("The story's grants, each in its narrowest band, with the routes they leave at risk")
    func story() throws {
        let bands = DashboardStory.dashboard().endingGrants
        #expect(bands.map(\.days) == [30, 90, 180])
        #expect(bands.map(\.lowerEdge) == [0, 30, 90])
        // The prospective bid and the withdrawn buy-in end within 30 days too, but are not money that "ends".
        #expect(bands[0].grants.map(\.label) == ["Sandwell Council route pledge"])
        #expect(bands[0].grants[0].daysLeft == 28)
        #expect(bands[0].grants[0].routesLeftAtRisk.map(\.route.code) == ["SAN-01"])
        // Same end day: by label. The Home Office grant (31 Mar 2023) is 211 days away, beyond every band.
        #expect(bands[1].grants.map(\.label) == ["Coventry City Council top-up", "Youth Endowment Fund extension"])
        #expect(bands[1].grants[0].routesLeftAtRisk.isEmpty)
        let yef = bands[1].grants[1]
        #expect(yef.end == day("2022-10-31") && yef.daysLeft == 60 && yef.status == .confirmed)
        // Handsworth (secure: the Home Office takes over) is left out; at risk before watch, then by code.
        #expect(yef.routesLeftAtRisk.map(\.route.code) == ["BHM-02", "BHM-06", "BHM-01"])
        #expect(yef.routesLeftAtRisk.map(\.status) == [.atRisk, .atRisk, .watch])
        #expect(yef.routesLeftAtRisk.map(\.projectedFundedUntil) == [day("2022-10-31"), day("2022-10-31"), day("2023-07-25")])
        #expect(bands[2].grants.map(\.label) == ["Home Office Safer Streets"])
    }

    @Test("Band edges: ends earlier than the as-of date plus N days")
    func bandEdges() {
        let bands = GrantBands()
        let asOf = day("2022-09-01")
        let expected: [(Int, Int?)] = [(-1, nil), (0, 30), (29, 30), (30, 90), (89, 90), (90, 180), (179, 180), (180, nil), (400, nil)]
        for (offset, band) in expected {
            #expect(bands.band(forEnd: asOf.adding(days: offset), asOf: asOf) == band, "end = as-of + \(offset)")
        }
    }

    @Test("Band edges through the dashboard")
    func dashboardEdges() {
        let asOf = day("2022-09-01")
        let sources = [29, 30, 90, 180, 0, -1].enumerated().map { index, offset in
            Fixture.source(index + 1, funder: "Funder \(offset)", period: DayRange(start: day("2022-04-01"), end: asOf.adding(days: offset))!)
        }
        let bands = FundingDashboard(results: [], routes: [], sources: sources, asOf: asOf).endingGrants
        #expect(bands.map { $0.grants.map(\.daysLeft) } == [[0, 29], [30], [90]])
    }

    @Test("The tenant's own band limits are sorted, de-duplicated and positive")
    func customLimits() {
        #expect(GrantBands([90, 30, 0, -5, 30]).limits == [30, 90])
        #expect(GrantBands([90, 30]).wider(than: 30) == [90])
        #expect(GrantBands([90, 30]).lowerEdge(of: 90) == 30)
        let dashboard = DashboardStory.dashboard(bandLimits: [60, 14])
        #expect(dashboard.endingGrants.map(\.days) == [14, 60])
        // Sandwell's pledge ends in 28 days; the grants ending in exactly 60 are outside the 60-day band.
        #expect(dashboard.endingGrants.map { $0.grants.map(\.daysLeft) } == [[], [28]])
        #expect(dashboard.endingGrantAlerts.map(\.bandDays) == [60])
    }
}
