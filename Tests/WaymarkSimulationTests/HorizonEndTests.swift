import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// A forecast that ends in August: the month has no school days and no next month inside
/// the horizon to take its answer from.
@Suite struct HorizonEndTests {
    static let route = Fixture.id(0x501)
    static let source = Fixture.id(0x502)

    /// Weekdays outside August, September 2023 to July 2025.
    static func base(closingJuly: Bool = false) -> SimulationBase {
        let days = Fixture.schoolDays(Fixture.range(Day(2023, 9, 1), Day(2025, 7, 18))).filter { $0.month != 8 }
        let schedule = RouteSchedule(days: days, costs: days.map { _ in Fixture.dailyCost }, end: .termDatesEnd(Day(2025, 7, 18)))
        let money = FundingSource(id: source, funderName: "Trust", programmeName: "grant", kind: .other, amount: Money(pounds: 1_000_000),
                                  period: Fixture.range(Day(2023, 9, 1), Day(2025, 7, 31)), status: .confirmed)
        let allocation = Allocation(id: Fixture.id(0x503), sourceID: source, routeID: route, amount: Money(pounds: 1_000_000),
                                    period: money.period, enteredAt: Date(timeIntervalSince1970: 1_700_000_000))
        return SimulationBase(routes: [SimulationRoute(id: route, code: "R", childrenPerDay: 5, localAuthorityID: Fixture.laA, schedule: schedule)],
                              sources: [money], allocations: [allocation], asOf: Day(2023, 9, 1), horizonMonths: 12)
    }

    @Test func anAugustAtTheEndTakesJulysAnswerWhileTheRouteRunsOn() {
        let result = Simulation.run(Scenario(name: "funded", samples: 20), on: Self.base())
        #expect(result.months.last == Day(2024, 8, 1))
        #expect(result.routes[0].probabilityCovered.allSatisfy { $0 == 1 }, "\(result.routes[0].probabilityCovered)")
        #expect(result.routes[0].likelyLostFrom == nil)
    }

    @Test func anAugustAfterTheRouteClosesIsNotCovered() {
        let closing = Scenario(name: "closes", samples: 20, interventions: [.closeRoute(routeID: Self.route, on: Day(2024, 7, 19))])
        let result = Simulation.run(closing, on: Self.base())
        #expect(result.routes[0].probabilityCovered.last == 0)
        #expect(result.routes[0].likelyLostFrom == Day(2024, 8, 1))
    }
}
