import Fluent
import Vapor
import WaymarkDomain

/// The tenant dashboard: routes by funding status, children at risk, the shortfall to the
/// end of the school and financial years, grants ending soon with the routes they leave at
/// risk, and money lapsing unspent — for any `?as_of=` day, each table also as CSV.
struct DashboardController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.dashboard, .viewFunding, page)
        routes.get(SiteMap.Tenant.dashboardTable, .viewFunding, table)
    }

    func page(req: Request, context: TenantContext) async throws -> Response {
        let data = try await DashboardData.load(context, reading: try req.reading())
        let pager = Pager(req)
        var page = DashboardPage(data, context: context, linkableSources: data.readableSources, routePager: pager)
        page.routesPager = pager.links(req, total: page.routeTotal, noun: "routes")
        page.gaps = try await gaps(context, data)
        return try await PageRenderer.render(req, "funding/dashboard", title: "Funding dashboard", page)
    }

    func table(req: Request, context: TenantContext) async throws -> Response {
        let name = req.parameters.get("table") ?? ""
        guard let table = DashboardTables.Table(rawValue: name.replacingOccurrences(of: ".csv", with: "")) else {
            throw WaymarkError.notFound
        }
        let data = try await DashboardData.load(context, reading: try req.reading())
        let (headers, rows) = DashboardTables.rows(table, data)
        return CSVResponse.stream(headers: headers, rows: rows,
                                  filename: "\(context.tenant.slug)-\(table.rawValue)-\(data.asOf.iso).csv")
    }

    /// Why the answer is incomplete for the routes this person sees: term dates that stop
    /// before the end of the longer risk window, or routes with no daily cost.
    private func gaps(_ context: TenantContext, _ data: DashboardData) async throws -> String? {
        let routes = Array(data.routes.values)
        let authorityIDs = Set(routes.map(\.localAuthorityID))
        let authorities = try await context.query(LocalAuthority.self).sort(\.$name).all().filter { authorityIDs.contains($0.id!) }
        let costed = Set(try await CoverageRecords.costEntries(context).keys)
        let horizon = data.asOf.adding(days: max(context.tenant.atRiskWindowDays, context.tenant.watchWindowDays))
        let gaps = SetUpChecklist.dashboardGaps(
            authorities: try await SetUpFacts.checklistAuthorities(context, authorities, routes: routes),
            routesWithoutCost: routes.filter { !costed.contains($0.id!) }.map(\.code).sorted(), horizon: horizon)
        guard !gaps.isEmpty else { return nil }
        let text = gaps.joinedAsList()
        return "This answer is incomplete: " + text.prefix(1).uppercased() + text.dropFirst() + ". Statuses that depend on days after that may be wrong."
    }
}
