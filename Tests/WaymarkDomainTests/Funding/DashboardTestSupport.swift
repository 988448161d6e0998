import Foundation
@testable import WaymarkDomain

/// One route's funding, for building a small tenant in a test.
struct TestRoute {
    var number: Int
    var funding: [(Allocation, FundingSource)]
    var closing: Day? = nil
}

/// Coverage and status of each route as of `asOf`, at a flat daily cost on Birmingham's calendar from 1 Sep 2022.
func tenantResults(_ routes: [TestRoute], asOf: Day, perDay: Money = pounds(100),
                   calendar: TermCalendar = Birmingham.calendar) -> [RouteCoverageResult] {
    let inputs = routes.map { route in
        RouteCoverageInput(
            routeID: id(route.number),
            schedule: RouteSchedule(calendar: calendar, costModel: Fixture.flatCost(perDay), from: day("2022-09-01"),
                                    closingOn: route.closing),
            allocations: route.funding.map { FundedAllocation($0.0, of: $0.1) })
    }
    return TenantCoverage.run(inputs, asOf: asOf)
}

/// `routeFacts(2, "BHM-06", "Ladywood", children: 12)`.
func routeFacts(_ route: Int, _ code: String, _ name: String, children: Int = 0) -> DashboardRoute {
    DashboardRoute(routeID: id(route), code: code, name: name, childrenPerDay: children)
}
