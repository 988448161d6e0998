import Fluent
import Vapor
import WaymarkDomain

struct RoutesController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.routes, .viewRoutes, list)
        routes.get(SiteMap.Tenant.routesCSV, .viewRoutes, csv)
        routes.get(SiteMap.Tenant.routeNew, .editRoutes, RouteAdding.show)
        routes.post(SiteMap.Tenant.routeNew, .editRoutes, RouteAdding.save)
        routes.get(SiteMap.Tenant.route, .viewRoutes, detail)
        routes.get(SiteMap.Tenant.routeCosts, .editRoutes, RouteCostEditing.show)
        routes.post(SiteMap.Tenant.routeCosts, .editRoutes, RouteCostEditing.add)
        routes.get(SiteMap.Tenant.routeCost, .editRoutes, RouteCostEditing.showEntry)
        routes.post(SiteMap.Tenant.routeCost, .editRoutes, RouteCostEditing.saveEntry)
        routes.get(SiteMap.Tenant.routeEdit, .editRoutes, RouteEditing.show)
        routes.post(SiteMap.Tenant.routeEdit, .editRoutes, RouteEditing.save)
        routes.get(SiteMap.Tenant.routePublication, .editRoutes, PublicationPages.showRoute)
        routes.post(SiteMap.Tenant.routePublication, .editRoutes, PublicationPages.saveRoute)
        routes.get(SiteMap.Tenant.routeFundingCSV, .viewFunding, RouteFundingSection.csv)
    }

    struct ListPage: Encodable {
        struct Option: Encodable { let value: String; let label: String; let selected: Bool }
        let rows: [RouteRow]
        let authorities: [Option]
        let statuses: [Option]
        let sortHeaders: [TableSort<RouteRow>.Header]
        let pager: Pager.Links
        let csvHref: String
        let count: Int
        let children: String
        let filtered: Bool
        let clearHref: String
        /// The page's date, shown by the layout ("Figures as of …") and kept in the form.
        let asOf: String
        let asOfISO: String
        /// For commissioners: where to add a route by form.
        let newHref: String?
    }

    static func filter(from req: Request) -> RouteFilter {
        var filter = RouteFilter()
        filter.localAuthority = req.query[String.self, at: "local_authority"].flatMap { $0.isEmpty ? nil : $0 }
        filter.status = req.query[String.self, at: "status"].flatMap(Route.Status.init(rawValue:))
        if let sort = req.query[String.self, at: "sort"], RouteFilter.sortKeys.contains(sort) { filter.sort = sort }
        filter.descending = req.query[String.self, at: "order"] == "desc"
        return filter
    }

    func list(req: Request, context: TenantContext) async throws -> Response {
        let filter = Self.filter(from: req)
        let asOf = try req.asOfDay()
        let rows = try await RouteQueries.rows(context, filter: filter, asOf: asOf)
        let slug = context.tenant.slug
        var authorities = try await context.query(LocalAuthority.self).sort(\.$name).all()
        if case .localAuthorities(let codes) = context.routeVisibility { authorities = authorities.filter { codes.contains($0.gssCode) } }
        let query = { (sort: String, order: String) -> String in
            var items = [URLQueryItem(name: "sort", value: sort), URLQueryItem(name: "order", value: order)]
            if let la = filter.localAuthority { items.append(.init(name: "local_authority", value: la)) }
            if let status = filter.status { items.append(.init(name: "status", value: status.rawValue)) }
            if req.query[String.self, at: "as_of"] != nil { items.append(.init(name: "as_of", value: asOf.iso)) }
            var components = URLComponents(); components.queryItems = items
            return components.percentEncodedQuery ?? ""
        }
        let csvQuery = query(filter.sort, filter.descending ? "desc" : "asc")
        let pager = Pager(req)
        let page = ListPage(
            rows: pager.rows(rows),
            authorities: authorities.map { .init(value: $0.gssCode, label: $0.name, selected: $0.gssCode == filter.localAuthority) },
            statuses: Route.Status.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0 == filter.status) },
            sortHeaders: TableSort(req, columns: RouteRow.sortColumns, defaultKey: "code").headers(req),
            pager: pager.links(req, total: rows.count, noun: "routes"),
            csvHref: "\(SiteMap.Tenant.routesCSV.bare(slug))?\(csvQuery)",
            count: rows.count,
            children: rows.reduce(0) { $0 + $1.childrenPerDay }.grouped(),
            filtered: filter.localAuthority != nil || filter.status != nil,
            clearHref: SiteMap.Tenant.routes.path(slug), asOf: asOf.display, asOfISO: asOf.iso,
            newHref: context.can(.editRoutes) ? SiteMap.Tenant.routeNew.path(slug) : nil)
        return try await PageRenderer.render(req, "routes/list", title: "Routes", page)
    }

    func csv(req: Request, context: TenantContext) async throws -> Response {
        let asOf = try req.asOfDay()
        let rows = try await RouteQueries.rows(context, filter: Self.filter(from: req), asOf: asOf)
        return CSVResponse.stream(
            headers: ["code", "name", "local_authority", "gss_code", "area", "children_per_day", "status", "length_metres",
                      "as_of", "funding_status", "funded_until", "funded_until_projected", "funding_reason"],
            rows: rows.map { [$0.code, $0.name, $0.localAuthority, $0.gssCode, $0.area, String($0.childrenPerDay), $0.status,
                              String($0.lengthMetres), asOf.iso, $0.funding, $0.fundedUntil, $0.fundedUntilProjected, $0.fundingReason] }, filename: "\(context.tenant.slug)-routes.csv")
    }

    func detail(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        let page = try await RouteDetailPage.build(route: route, context: context, asOf: try req.asOfDay())
        return try await PageRenderer.render(req, "routes/detail", title: "\(route.code) \(route.name)", page)
    }
}

/// CSV downloads. A list is sent as it is written, a thousand rows to a chunk (chunked
/// transfer encoding): a long list is never held whole as one file as well as its rows, and
/// a list read from the database in batches (the audit log) is never held whole at all.
enum CSVResponse {
    static let rowsPerChunk = 1_000

    /// A small file made whole already: an import template.
    static func make(_ data: Data, filename: String) -> Response {
        Response(status: .ok, headers: headers(filename), body: .init(data: data))
    }

    /// A list's rows, sent a chunk at a time.
    static func stream(headers: [String], rows: [[String]], filename: String) -> Response {
        stream(headers: headers, filename: filename) { emit in
            for chunk in rows.chunked(rowsPerChunk) { try await emit(Array(chunk)) }
        }
    }

    /// Rows made in batches by `produce`, which hands each batch to `emit` as it is read. Should
    /// `produce` fail part way, the download is cut off (the connection closes): a client never
    /// takes a short file for a whole one.
    static func stream(headers columns: [String], filename: String,
                       produce: @escaping @Sendable (_ emit: @Sendable ([[String]]) async throws -> Void) async throws -> Void) -> Response {
        Response(status: .ok, headers: headers(filename), body: .init(managedAsyncStream: { writer in
            try await writer.writeBuffer(ByteBuffer(data: TabularWriter.csvHeader(columns)))
            try await produce { rows in
                guard !rows.isEmpty else { return }
                try await writer.writeBuffer(ByteBuffer(data: TabularWriter.csvRows(rows, width: columns.count)))
            }
        }))
    }

    private static func headers(_ filename: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return headers
    }
}
