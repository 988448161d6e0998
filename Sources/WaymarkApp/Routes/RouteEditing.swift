import Fluent
import Vapor
import WaymarkDomain

/// The commissioner's route edit form: everything about a route but its code and its
/// costs (which change by effective date on their own page, see RouteCostEditing).
/// The form carries the version it was opened at (see VersionGuard).
enum RouteEditing {
    /// The audited shape of a route's details, schools included.
    struct Snapshot: Encodable, Equatable {
        let name: String; let local_authority_id: UUID; let area_id: UUID?; let school_ids: [UUID]
        let status: String; let children_per_day: Int; let start_day: String?; let end_day: String?
        let path: String; let chaperone_points: String

        init(_ route: Route, schoolIDs: [UUID]) {
            name = route.name; local_authority_id = route.localAuthorityID; area_id = route.areaID
            school_ids = schoolIDs.sorted { $0.uuidString < $1.uuidString }; status = route.status
            children_per_day = route.childrenPerDay; start_day = route.startDay; end_day = route.endDay
            path = route.pathJSON; chaperone_points = route.chaperonePointsJSON
        }
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        let reference = try await RouteForm.Reference.load(context)
        let gss = reference.authorities.first { $0.id == route.localAuthorityID }?.gssCode ?? ""
        let values = RouteForm.Values(route, gss: gss, schoolIDs: try await RouteStore.schoolIDs(of: route.id!, context))
        return try await RouteFormPage.render(req, .init(isNew: false, code: route.code, values: values, reference: reference,
                                                         slug: context.tenant.slug))
    }

    @Sendable static func save(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        let reference = try await RouteForm.Reference.load(context)
        var values = RouteForm.Values(form: try req.content.decode(RouteForm.Form.self), cost: nil)
        values.code = route.code
        let page = { (errors: [FieldError], status: HTTPStatus) in
            try await RouteFormPage.render(req, .init(isNew: false, code: route.code, values: values, reference: reference,
                                                      slug: context.tenant.slug), errors: errors, status: status)
        }
        var (draft, errors) = RouteForm.check(values, reference)
        let version = Int(values.version)
        if version == nil { errors.append(.init(field: "name", message: "The form is missing its version: reload the page")) }
        guard let draft, errors.isEmpty, let version else { return try await page(errors, .unprocessableEntity) }
        do {
            try await context.transaction { tx in
                try await VersionGuard.claim(table: Route.schema, id: route.id!, expected: version, on: tx.db)
                let before = Snapshot(route, schoolIDs: try await RouteStore.schoolIDs(of: route.id!, tx))
                apply(draft, to: route)
                route.version = version + 1
                try await route.save(on: tx.db)
                _ = try await RouteStore.replaceSchools(of: route, with: draft.schoolIDs, tx)
                try await tx.audit("route.updated", "route", route.code, before: before, after: Snapshot(route, schoolIDs: draft.schoolIDs))
            }
        } catch WaymarkError.conflict(let message) {
            return try await page([.init(field: "name", message: message)], .conflict)
        }
        return req.redirect(to: SiteMap.Tenant.route.path(context.tenant.slug, route.code), flash: "Route \(route.code) saved.")
    }

    /// Sets a route's details from a checked draft. A path typed back unchanged keeps
    /// the stored text, so re-saving a form does not churn the audit log with rounding.
    static func apply(_ draft: RouteForm.Draft, to route: Route) {
        route.name = draft.name
        route.localAuthorityID = draft.authorityID
        route.areaID = draft.areaID
        route.childrenPerDay = draft.childrenPerDay
        route.status = draft.status
        route.startDay = draft.startDay
        route.endDay = draft.endDay
        if RouteJSON.encode(draft.path) != RouteJSON.encode(RouteRules.path(RouteRules.formatPath(route.path)).value ?? []) {
            route.path = draft.path
        }
        let shownPoints = RouteRules.chaperonePoints(RouteRules.formatChaperonePoints(route.chaperonePoints)).points
        if RouteJSON.encode(draft.chaperonePoints) != RouteJSON.encode(shownPoints) {
            route.chaperonePoints = draft.chaperonePoints
        }
    }
}

private extension Result {
    var value: Success? { try? get() }
}
