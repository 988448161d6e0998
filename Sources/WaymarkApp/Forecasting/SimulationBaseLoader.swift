import Fluent
import Foundation
import WaymarkDomain
import WaymarkSimulation

/// The tenant's state as of a day, as the simulation starts from it: the active routes the
/// person may see with their school days and costs, and the money Waymark knew of that day
/// (the coverage loader's as-of rules), so a forecast with no uncertainty equals the
/// coverage pages exactly.
enum SimulationBaseLoader {
    static func load(_ context: TenantContext, asOf: Day, horizonMonths: Int = 36) async throws -> SimulationBase {
        let routes = try await RouteQueries.visibleRoutes(context).filter { $0.isActive(asOf: asOf) }
        let snapshot = try await CoverageLoader.load(context, routes: routes, asOf: asOf)
        let byID = Dictionary(uniqueKeysWithValues: routes.map { ($0.id!, $0) })
        let results = snapshot.results.values.sorted { (byID[$0.routeID]?.code ?? "") < (byID[$1.routeID]?.code ?? "") }
        let simulationRoutes = results.compactMap { result -> SimulationRoute? in
            guard let route = byID[result.routeID] else { return nil }
            return SimulationRoute(id: result.routeID, code: route.code, childrenPerDay: route.childrenPerDay,
                                   localAuthorityID: route.localAuthorityID, schedule: result.coverage.schedule)
        }
        // A year past the horizon too: whether a route opened by a scenario runs on after
        // it decides an August at the very end (see `RouteDays.runsPastHorizon`).
        let start = asOf.startOfMonth
        let forecast = DayRange(start: start, end: start.adding(months: horizonMonths + 12).previous)!
        return SimulationBase(routes: simulationRoutes,
                              sources: snapshot.sources.values.sorted(onKey: \.id.uuidString),
                              allocations: results.flatMap { $0.coverage.allocations.map(\.allocation) },
                              asOf: asOf, horizonMonths: horizonMonths,
                              schoolDays: try await RouteSchedules.schoolDays(context, in: forecast))
    }
}
