import Fluent
import Vapor
import WaymarkDomain

/// Every active route on one map, coloured and shaped by funding status, with the same
/// information as a table beneath (the map's text alternative) and as CSV.
struct RegionMapController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.regionMap, .viewFunding, page)
        routes.get(SiteMap.Tenant.regionMapCSV, .viewFunding, csv)
    }

    struct Row: Encodable {
        let code: String; let name: String; let href: String; let localAuthority: String; let children: String
        let label: String; let tag: String; let securedUntil: String; let projectedUntil: String
        let status: String; let securedISO: String; let projectedISO: String; let childrenPerDay: Int
    }

    struct Page: Encodable {
        let mapSVG: String
        let rows: [Row]
        let asOf: String
        let asOfISO: String
        let csvHref: String
        let dashboardHref: String
    }

    static func rows(_ context: TenantContext, _ data: DashboardData) async throws -> [Row] {
        let authorities = Dictionary(uniqueKeysWithValues: try await context.query(LocalAuthority.self).all().map { ($0.id!, $0.name) })
        let slug = context.tenant.slug
        return data.routesByUrgency.map { route, report in
            Row(code: route.code, name: route.name,
                href: SiteMap.Tenant.route.path(slug, route.code),
                localAuthority: authorities[route.localAuthorityID] ?? "", children: route.childrenPerDay.grouped(),
                label: report.status.displayName, tag: FundingDisplay.tag(report.status),
                securedUntil: report.securedFundedUntil?.display ?? "Not funded",
                projectedUntil: report.projectedFundedUntil?.display ?? "Not funded", status: report.status.rawValue,
                securedISO: report.securedFundedUntil?.iso ?? "", projectedISO: report.projectedFundedUntil?.iso ?? "",
                childrenPerDay: route.childrenPerDay)
        }
    }

    func page(req: Request, context: TenantContext) async throws -> Response {
        let data = try await DashboardData.load(context, asOf: try req.asOfDay())
        let slug = context.tenant.slug
        let svg = RegionMapSVG.render(
            title: "Routes of \(context.tenant.name) by funding status on \(data.asOf.display)",
            routes: data.routesByUrgency.map { route, report in
                .init(code: route.code, name: route.name, status: report.status, path: route.path,
                      href: SiteMap.Tenant.route.path(slug, route.code))
            })
        let page = Page(mapSVG: svg, rows: try await Self.rows(context, data), asOf: data.asOf.display, asOfISO: data.asOf.iso,
                        csvHref: SiteMap.Tenant.regionMapCSV.path(slug),
                        dashboardHref: SiteMap.Tenant.dashboard.path(slug))
        return try await PageRenderer.render(req, "funding/map", title: "Region map", page)
    }

    func csv(req: Request, context: TenantContext) async throws -> Response {
        let data = try await DashboardData.load(context, asOf: try req.asOfDay())
        let rows = try await Self.rows(context, data)
        return CSVResponse.stream(
            headers: ["as_of", "route_code", "route_name", "local_authority", "children_per_day", "funding_status", "funded_until",
                      "funded_until_projected"],
            rows: rows.map { [data.asOf.iso, $0.code, $0.name, $0.localAuthority, String($0.childrenPerDay), $0.status,
                              $0.securedISO, $0.projectedISO] }, filename: "\(context.tenant.slug)-region-map-\(data.asOf.iso).csv")
    }
}
