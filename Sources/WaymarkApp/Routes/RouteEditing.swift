import Fluent
import Vapor
import WaymarkDomain

/// The commissioner's route edit form: the details that change over a route's life.
/// The form carries the version it was opened at (see VersionGuard).
enum RouteEditing {
    struct Form: Content {
        var name: String?
        var status: String?
        var children_per_day: String?
        var start_day: String?
        var end_day: String?
        var version: String?
    }

    struct Page: Encodable {
        struct Option: Encodable { let value: String; let label: String; let selected: Bool }
        let code: String
        let form: FormValues
        let statuses: [Option]
        let action: String
        let cancelHref: String
    }

    struct FormValues: Encodable {
        var name: String
        var status: String
        var childrenPerDay: String
        var startDay: String
        var endDay: String
        var version: String
    }

    /// The audited shape of a route's editable details.
    struct Snapshot: Encodable {
        let name: String; let status: String; let children_per_day: Int; let start_day: String?; let end_day: String?
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        let values = FormValues(name: route.name, status: route.status, childrenPerDay: String(route.childrenPerDay),
                                startDay: route.startDay ?? "", endDay: route.endDay ?? "", version: String(route.version))
        return try await render(req, context, route, values, [])
    }

    @Sendable static func save(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        let form = try req.content.decode(Form.self)
        let values = FormValues(name: form.name ?? "", status: form.status ?? "", childrenPerDay: form.children_per_day ?? "",
                                startDay: form.start_day ?? "", endDay: form.end_day ?? "", version: form.version ?? "")
        let (snapshot, errors) = validate(values)
        guard let snapshot, errors.isEmpty, let version = Int(values.version) else {
            return try await render(req, context, route, values, errors, status: .unprocessableEntity)
        }
        let before = Snapshot(name: route.name, status: route.status, children_per_day: route.childrenPerDay,
                              start_day: route.startDay, end_day: route.endDay)
        do {
            try await context.transaction { tx in
                try await VersionGuard.claim(table: Route.schema, id: route.id!, expected: version, on: tx.db)
                route.name = snapshot.name
                route.status = snapshot.status
                route.childrenPerDay = snapshot.children_per_day
                route.startDay = snapshot.start_day
                route.endDay = snapshot.end_day
                route.version = version + 1
                try await route.save(on: tx.db)
                try await tx.audit("route.updated", "route", route.code, before: before, after: snapshot)
            }
        } catch WaymarkError.conflict(let message) {
            return try await render(req, context, route, values, [.init(field: "name", message: message)], status: .conflict)
        }
        return req.redirect(to: SiteMap.Tenant.route.path(context.tenant.slug, route.code), flash: "Route \(route.code) saved.")
    }

    static func validate(_ values: FormValues) -> (Snapshot?, [FieldError]) {
        var errors: [FieldError] = []
        let name = values.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors.append(.init(field: "name", message: "Enter the route's name")) }
        else if name.count > 120 { errors.append(.init(field: "name", message: "The route's name must be 120 characters or fewer")) }
        if Route.Status(rawValue: values.status) == nil {
            errors.append(.init(field: "status", message: "Choose the route's status"))
        }
        let children = Int(values.childrenPerDay.trimmingCharacters(in: .whitespaces))
        if children == nil || !(0...20_000).contains(children!) {
            errors.append(.init(field: "children_per_day", message: "Enter the children walking the route each day as a whole number from 0 to 20,000"))
        }
        let start = values.startDay.isEmpty ? nil : Day(entered: values.startDay)
        let end = values.endDay.isEmpty ? nil : Day(entered: values.endDay)
        if !values.startDay.isEmpty, start == nil {
            errors.append(.init(field: "start_day", message: "Enter the start date as a real date, like 2023-09-04"))
        }
        if !values.endDay.isEmpty, end == nil {
            errors.append(.init(field: "end_day", message: "Enter the end date as a real date, like 2024-07-22"))
        }
        if let start, let end, end < start {
            errors.append(.init(field: "end_day", message: "The end date must be on or after the start date"))
        }
        if Int(values.version) == nil { errors.append(.init(field: "name", message: "The form is missing its version: reload the page")) }
        guard errors.isEmpty, let children else { return (nil, errors) }
        return (Snapshot(name: name, status: values.status, children_per_day: children,
                         start_day: start?.iso, end_day: end?.iso), [])
    }

    static func render(_ req: Request, _ context: TenantContext, _ route: Route, _ values: FormValues,
                       _ errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug
        let page = Page(
            code: route.code, form: values,
            statuses: Route.Status.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values.status) },
            action: SiteMap.Tenant.routeEdit.path(slug, route.code),
            cancelHref: SiteMap.Tenant.route.path(slug, route.code))
        return try await PageRenderer.render(req, "routes/edit", title: "Edit route \(route.code)", page, errors: errors, status: status)
    }
}
