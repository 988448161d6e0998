import Fluent
import Foundation
import WaymarkDomain

/// The routes a person may see, with the names their pages show.
struct RouteRow: Encodable, Sendable {
    let code: String
    let name: String
    let localAuthority: String
    let gssCode: String
    let area: String
    let childrenPerDay: Int
    let status: String
    let statusLabel: String
    let lengthMetres: Int
    let href: String
    /// Coverage status as of the page's date (DESIGN.md "Status"); empty for routes
    /// that are not active, whose funding status does not apply.
    let funding: String
    let fundingLabel: String
    let fundingTag: String
    let fundedUntil: String
    let fundedUntilProjected: String
    let fundingReason: String
    /// The same in the API's form: ISO days and every reason.
    let fundedUntilISO: String?
    let fundedUntilProjectedISO: String?
    let fundingReasons: [String]
}

struct RouteFilter: Sendable {
    var localAuthority: String?
    var status: Route.Status?
    var sort: String = "code"
    var descending = false

    static let sortKeys = RouteRow.sortColumns.map(\.key)
}

extension RouteRow {
    /// The orders the routes list and the API offer; rows that tie stay in code order.
    static let sortColumns: [TableSort<RouteRow>.Column] = [
        .init(key: "code", label: "Code") { $0.code < $1.code },
        .init(key: "name", label: "Name") { $0.name < $1.name },
        .init(key: "local_authority", label: "Local authority") { $0.localAuthority < $1.localAuthority },
        .init(key: "area", label: "Area") { $0.area < $1.area },
        .init(key: "children", label: "Children a day", numeric: true) { $0.childrenPerDay < $1.childrenPerDay },
        .init(key: "status", label: "Status") { $0.status < $1.status },
        .init(key: "funding", label: "Funding") { FundingDisplay.urgency($0.funding) < FundingDisplay.urgency($1.funding) },
    ]
}

enum RouteQueries {
    /// Every route the context's person may see, in code order. Partners see only
    /// their organisations' local authorities (AccessPolicy.routeVisibility).
    static func visibleRoutes(_ context: TenantContext) async throws -> [Route] {
        try await visibleQuery(context).sort(\.$code).all()
    }

    /// The tenant's routes narrowed to what the person may see: the one place the
    /// partner rule meets the database.
    private static func visibleQuery(_ context: TenantContext) async throws -> QueryBuilder<Route> {
        let query = context.query(Route.self)
        guard case .localAuthorities(let codes) = context.routeVisibility else { return query }
        let ids = try await context.query(LocalAuthority.self).filter(\.$gssCode ~~ codes).all().compactMap(\.id)
        return query.filter(\.$localAuthorityID ~~ ids)
    }

    static func rows(_ context: TenantContext, filter: RouteFilter, asOf: Day) async throws -> [RouteRow] {
        try await rows(context, filter: filter, reading: .asOf(asOf))
    }

    static func rows(_ context: TenantContext, filter: RouteFilter, reading: Reading) async throws -> [RouteRow] {
        let routes = try await visibleRoutes(context)
        let coverage = try await CoverageLoader.load(context, routes: routes, reading: reading)
        let authorities = try await context.query(LocalAuthority.self).all()
        let areas = try await context.query(Area.self).all()
        let authorityByID = Dictionary(uniqueKeysWithValues: authorities.map { ($0.id!, $0) })
        let areaByID = Dictionary(uniqueKeysWithValues: areas.map { ($0.id!, $0.name) })
        let rows = routes.compactMap { route -> RouteRow? in
            let authority = authorityByID[route.localAuthorityID]
            if let wanted = filter.localAuthority, authority?.gssCode != wanted { return nil }
            if let wanted = filter.status, route.routeStatus != wanted { return nil }
            let report = route.isActive(asOf: reading.day) ? coverage.status(of: route.id) : nil
            return RouteRow(
                code: route.code, name: route.name, localAuthority: authority?.name ?? "",
                gssCode: authority?.gssCode ?? "", area: route.areaID.flatMap { areaByID[$0] } ?? "",
                childrenPerDay: route.childrenPerDay, status: route.status, statusLabel: route.routeStatus.label,
                lengthMetres: Int(RoutePath.length(route.path).rounded()),
                href: SiteMap.Tenant.route.path(context.tenant.slug, route.code),
                funding: report?.status.rawValue ?? "", fundingLabel: report?.status.displayName ?? "Not active",
                fundingTag: report.map { FundingDisplay.tag($0.status) } ?? "wm-tag--grey",
                fundedUntil: report?.securedFundedUntil?.display ?? "", fundedUntilProjected: report?.projectedFundedUntil?.display ?? "",
                fundingReason: report?.text.first ?? "",
                fundedUntilISO: report?.securedFundedUntil?.iso, fundedUntilProjectedISO: report?.projectedFundedUntil?.iso,
                fundingReasons: report == nil ? [] : coverage.reasons(of: route.id))
        }
        return TableSort(columns: RouteRow.sortColumns, key: filter.sort, descending: filter.descending).sorted(rows)
    }

    /// One visible route by code; a hidden or another tenant's route is not found.
    static func find(_ context: TenantContext, code: String) async throws -> Route {
        guard let route = try await visibleQuery(context).filter(\.$code == code).first() else { throw WaymarkError.notFound }
        return route
    }
}
