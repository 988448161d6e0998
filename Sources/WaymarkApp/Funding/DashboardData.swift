import Fluent
import Foundation
import WaymarkDomain

/// The tenant dashboard's figures for the routes a person may see, as of a day: one
/// coverage run, handed to the domain's `FundingDashboard`. Shared by the page, its CSV
/// tables and the alerts job.
struct DashboardData: Sendable {
    let asOf: Day
    let dashboard: FundingDashboard
    let snapshot: CoverageSnapshot
    let routes: [UUID: Route]
    let facts: [DashboardRoute]
    /// The sources the person may read (`ReadRule`), which the page may link to.
    let readableSources: Set<UUID>

    /// Only routes active on the day have a funding status (DESIGN.md "Status"), so only they
    /// count: a closed route counts on the days before its closure (`Route.isActive`).
    static func load(_ context: TenantContext, asOf: Day) async throws -> DashboardData {
        try await load(context, reading: .asOf(asOf))
    }

    static func load(_ context: TenantContext, reading: Reading) async throws -> DashboardData {
        let routes = try await RouteQueries.visibleRoutes(context).filter { $0.isActive(asOf: reading.day) }
        return try await load(context, routes: routes, reading: reading)
    }

    static func load(_ context: TenantContext, routes: [Route], asOf: Day) async throws -> DashboardData {
        try await load(context, routes: routes, reading: .asOf(asOf))
    }

    static func load(_ context: TenantContext, routes: [Route], reading: Reading) async throws -> DashboardData {
        let asOf = reading.day
        let snapshot = try await CoverageLoader.load(context, routes: routes, reading: reading)
        let facts = routes.compactMap { route in
            route.id.map { DashboardRoute(routeID: $0, code: route.code, name: route.name, childrenPerDay: route.childrenPerDay) }
        }
        let results = snapshot.results.values.sorted(onKey: \.routeID.uuidString)
        // Every source's money counts in the routes' coverage; the grants ending and the money
        // lapsing are only those of the sources the person may read (`ReadRule`).
        let readable = Set(try await FundingQueries.visibleSources(context).compactMap(\.id))
        let sources = snapshot.sources.values.filter { readable.contains($0.id) }.sorted(onKey: \.id.uuidString)
        let dashboard = FundingDashboard(results: results, routes: facts, sources: sources, asOf: asOf)
        return DashboardData(asOf: asOf, dashboard: dashboard, snapshot: snapshot,
                             routes: Dictionary(uniqueKeysWithValues: routes.map { ($0.id!, $0) }), facts: facts, readableSources: readable)
    }

    /// Routes with their status, most urgent first, then by code.
    var routesByUrgency: [(route: Route, report: RouteStatusReport)] {
        snapshot.results.values.compactMap { result in routes[result.routeID].map { ($0, result.status) } }
            .sorted { a, b in
                let ua = RouteStatus.allCases.firstIndex(of: a.report.status)!, ub = RouteStatus.allCases.firstIndex(of: b.report.status)!
                return ua != ub ? ua < ub : a.route.code < b.route.code
            }
    }
}
