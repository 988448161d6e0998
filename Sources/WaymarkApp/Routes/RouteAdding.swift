import Fluent
import Vapor
import WaymarkDomain

/// Adding a route by form: the edit form's fields plus its code and its first daily
/// cost, checked as the import checks a new route's row (a path is required).
enum RouteAdding {
    /// What the audit log records for a route added by form.
    struct Audited: Encodable {
        let code: String
        let route: RouteEditing.Snapshot
        let cost: RouteCostModel.Entry
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let reference = try await RouteForm.Reference.load(context)
        var values = RouteForm.Values()
        values.cost.from = Day(req.now, in: London.timeZone).iso
        return try await RouteFormPage.render(req, .init(isNew: true, code: "", values: values, reference: reference, slug: context.tenant.slug))
    }

    @Sendable static func save(req: Request, context: TenantContext) async throws -> Response {
        let reference = try await RouteForm.Reference.load(context)
        let values = RouteForm.Values(form: try req.content.decode(RouteForm.Form.self),
                                      cost: try req.content.decode(RouteCostFields.Form.self))
        let page = { (errors: [FieldError], status: HTTPStatus) in
            try await RouteFormPage.render(req, .init(isNew: true, code: "", values: values, reference: reference,
                                                      slug: context.tenant.slug), errors: errors, status: status)
        }
        var errors: [FieldError] = []
        let code = values.code.trimmingCharacters(in: .whitespaces)
        if code.isEmpty { errors.append(.init(field: "code", message: "Enter the route's code, like WLV-04")) }
        else if let problem = RouteRules.codeProblem(code) { errors.append(.init(field: "code", message: problem.message)) }
        else if try await taken(code, context) {
            errors.append(.init(field: "code", message: "There is already a route \(code.uppercased()): choose another code"))
        }
        let (draft, routeErrors) = RouteForm.check(values, reference)
        let (cost, costErrors) = RouteCostFields.check(values.cost)
        errors += routeErrors + costErrors
        guard errors.isEmpty, let draft, let cost else { return try await page(errors, .unprocessableEntity) }

        let route = Route()
        route.tenantID = context.tenantID
        route.code = draft.code
        route.version = 1
        route.pathJSON = "[]"
        route.chaperonePointsJSON = "[]"
        RouteEditing.apply(draft, to: route)
        do {
            try await context.transaction { tx in
                // Checked again inside the transaction: two people adding one code at once.
                if try await taken(draft.code, tx) { throw WaymarkError.conflict("There is already a route \(draft.code): choose another code") }
                try await route.create(on: tx.db)
                _ = try await RouteStore.replaceSchools(of: route, with: draft.schoolIDs, tx)
                _ = try await RouteStore.setCost(of: route, cost, tx)
                try await tx.audit("route.created", "route", route.code,
                                   after: Audited(code: route.code, route: .init(route, schoolIDs: draft.schoolIDs), cost: cost))
            }
        } catch WaymarkError.conflict(let message) {
            return try await page([.init(field: "code", message: message)], .conflict)
        }
        return req.redirect(to: SiteMap.Tenant.route.path(context.tenant.slug, route.code), flash: "Route \(route.code) added.")
    }

    /// Codes are unique in a tenant whatever their case, as the import matches them.
    static func taken(_ code: String, _ context: TenantContext) async throws -> Bool {
        let key = ImportReference.key(code)
        return try await context.query(Route.self).all().contains { ImportReference.key($0.code) == key }
    }
}
