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
        let asOf = try req.asOfDay()
        let data = try await DashboardData.load(context, asOf: asOf)
        let linkable = Set(try await FundingQueries.visibleSources(context).compactMap(\.id))
        return try await PageRenderer.render(req, "funding/dashboard", title: "Funding dashboard",
                                             DashboardPage(data, context: context, linkableSources: linkable))
    }

    func table(req: Request, context: TenantContext) async throws -> Response {
        let name = req.parameters.get("table") ?? ""
        guard let table = DashboardTables.Table(rawValue: name.replacingOccurrences(of: ".csv", with: "")) else {
            throw WaymarkError.notFound
        }
        let data = try await DashboardData.load(context, asOf: try req.asOfDay())
        let (headers, rows) = DashboardTables.rows(table, data)
        return CSVResponse.make(TabularWriter.csv(headers: headers, rows: rows),
                                filename: "\(context.tenant.slug)-\(table.rawValue)-\(data.asOf.iso).csv")
    }
}
