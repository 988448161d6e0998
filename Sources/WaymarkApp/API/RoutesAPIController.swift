import Fluent
import Vapor
import WaymarkDomain

/// GET /api/v1/t/{tenant}/routes and /routes/{code}: the same routes the person's
/// pages show, as JSON.
struct RoutesAPIController: Sendable {
    struct RouteSummary: Encodable {
        let code: String
        let name: String
        let localAuthority: String
        let gssCode: String
        let area: String?
        let status: String
        let childrenPerDay: Int
        let lengthMetres: Int
        let url: String
        let fundingStatus: String?
        let fundedUntil: String?
        let fundedUntilProjected: String?
        let reasons: [String]
    }

    struct RouteDetail: Encodable {
        struct Authority: Encodable { let name: String; let gssCode: String }
        struct SchoolRef: Encodable { let name: String; let urn: String; let phase: String }
        struct Point: Encodable { let latitude: Double; let longitude: Double }
        struct Chaperone: Encodable { let label: String; let latitude: Double; let longitude: Double }
        struct Cost: Encodable {
            let effectiveFrom: String; let chaperones: Int; let minutesPerDay: Int
            let hourlyRatePence: Int64; let dailyManagementPence: Int64; let dailyCostPence: Int64?
        }
        let code: String
        let name: String
        let status: String
        let localAuthority: Authority
        let area: String?
        let childrenPerDay: Int
        let startDate: String?
        let endDate: String?
        let lengthMetres: Int
        let schools: [SchoolRef]
        let path: [Point]
        let chaperonePoints: [Chaperone]
        let costs: [Cost]
    }

    struct ListBody: Encodable { let tenant: String; let count: Int; let asOf: String; let routes: [RouteSummary] }

    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.API.routes, .viewRoutes, list)
        routes.get(SiteMap.API.route, .viewRoutes, detail)
    }

    /// The list's filters, each checked against the values the OpenAPI document lists: an
    /// unknown one is a 400 that names it, never silently ignored.
    static func filter(from req: Request) throws -> RouteFilter {
        func checked(_ name: String, _ allowed: [String]) throws {
            if let value = req.query[String.self, at: name], !allowed.contains(value) {
                throw WaymarkError.badRequest("\(name): '\(value)' is not one of \(allowed.joined(separator: ", "))")
            }
        }
        try checked("status", Route.Status.allCases.map(\.rawValue))
        try checked("sort", RouteFilter.sortKeys)
        try checked("order", ["asc", "desc"])
        return RoutesController.filter(from: req)
    }

    func list(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading(), asOf = reading.day
        let rows = try await RouteQueries.rows(context, filter: try Self.filter(from: req), reading: reading)
        let summaries = rows.map { row in
            RouteSummary(code: row.code, name: row.name, localAuthority: row.localAuthority, gssCode: row.gssCode,
                         area: row.area.isEmpty ? nil : row.area, status: row.status, childrenPerDay: row.childrenPerDay,
                         lengthMetres: row.lengthMetres, url: SiteMap.API.route.path(context.tenant.slug, row.code),
                         fundingStatus: row.funding.isEmpty ? nil : row.funding, fundedUntil: row.fundedUntilISO,
                         fundedUntilProjected: row.fundedUntilProjectedISO, reasons: row.fundingReasons)
        }
        return try APIJSON.response(ListBody(tenant: context.tenant.slug, count: summaries.count, asOf: asOf.iso, routes: summaries))
    }

    func detail(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        let authority = try await context.find(LocalAuthority.self, route.localAuthorityID)
        let area = try await context.find(Area.self, route.areaID)
        let links = try await context.query(RouteSchool.self).filter(\.$routeID == route.id!).all()
        let schools = try await context.query(School.self).filter(\.$id ~~ links.map(\.schoolID)).sort(\.$name).all()
        let costs = try await context.query(RouteCostRecord.self).filter(\.$routeID == route.id!).sort(\.$effectiveFrom).all()
        let body = RouteDetail(
            code: route.code, name: route.name, status: route.status,
            localAuthority: .init(name: authority?.name ?? "", gssCode: authority?.gssCode ?? ""),
            area: area?.name, childrenPerDay: route.childrenPerDay, startDate: route.startDay, endDate: route.endDay,
            lengthMetres: Int(RoutePath.length(route.path).rounded()),
            schools: schools.map { .init(name: $0.name, urn: $0.urn, phase: $0.phase) },
            path: route.path.map { .init(latitude: $0.latitude, longitude: $0.longitude) },
            chaperonePoints: route.chaperonePoints.map { .init(label: $0.label, latitude: $0.point.latitude, longitude: $0.point.longitude) },
            costs: costs.map { record in
                .init(effectiveFrom: record.effectiveFrom, chaperones: record.chaperones, minutesPerDay: record.minutesPerDay,
                             hourlyRatePence: record.hourlyRatePence, dailyManagementPence: record.dailyManagementPence,
                             dailyCostPence: record.entry.dailyCost?.pence)
            })
        return try APIJSON.response(body)
    }
}
