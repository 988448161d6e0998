import Fluent
import Vapor
import WaymarkDomain

/// A route's daily cost, changed by effective date (DESIGN: "Route cost").
///
/// What may change, and why:
/// - A new entry may start on any day, today by default and the past allowed, as every
///   dated fact in Waymark may (a pay rise agreed in April and entered in May). It may
///   not start on a day that already has an entry: correct that entry instead.
/// - An entry that starts after today has priced no worked day yet, so it may be
///   corrected (its day too) or removed.
/// - An entry already in force has priced past days that coverage, returns and reports
///   rest on; the form leaves it as it is. A later change is a new entry. (The import,
///   made for loading history in bulk, may still replace an entry from the same day.)
/// - A route keeps at least one entry: an unknown cost is not a zero cost.
/// Every write claims the route's version, so a stale page cannot overwrite a newer one.
enum RouteCostEditing {
    struct Page: Encodable {
        struct Line: Encodable {
            let line: RouteDetailPage.CostLine
            let changeHref: String?
        }
        let code: String
        let name: String
        let lines: [Line]
        let today: String
        let cost: RouteCostFields.Values
        let version: String
        let action: String
        let backHref: String
        /// Set when correcting one future entry.
        let correcting: String?
    }

    static func today(_ req: Request) -> Day { Day(req.now, in: London.timeZone) }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        var values = RouteCostFields.Values()
        values.from = today(req).iso
        return try await render(req, context, route, values, version: String(route.version), correcting: nil)
    }

    @Sendable static func add(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        let form = try req.content.decode(RouteCostFields.Form.self)
        let version = (try? req.content.get(String.self, at: "version")) ?? ""
        let values = RouteCostFields.Values(form: form)
        let (entry, checked) = RouteCostFields.check(values)
        var errors = checked
        let existing = try await RouteStore.costs(of: route.id!, context)
        if let from = RouteCostFields.from(values), existing.contains(where: { $0.effectiveFrom == from.iso }) {
            errors.insert(.init(field: "cost_from", message: "There is already a cost from \(from.display): choose another day, or change that entry"), at: 0)
        }
        return try await write(req, context, route, values, version: version, errors: errors, correcting: nil) { tx in
            _ = try await RouteStore.setCost(of: route, entry!, tx)
            try await tx.audit("route.cost_added", "route", route.code, after: entry!)
        }
    }

    @Sendable static func showEntry(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        let record = try await future(req, context, route)
        return try await render(req, context, route, .init(record), version: String(route.version), correcting: record.effectiveFrom)
    }

    /// Corrects a future entry, or removes it when the remove button was pressed.
    @Sendable static func saveEntry(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        let record = try await future(req, context, route)
        let version = (try? req.content.get(String.self, at: "version")) ?? ""
        let before = record.entry
        if (try? req.content.get(String.self, at: "intent")) == "remove" {
            // An unknown cost is not a zero cost: a route keeps at least one entry.
            let only = try await RouteStore.costs(of: route.id!, context).count == 1
            let errors: [FieldError] = only ? [.init(field: "cost_from", message: "This is the route's only daily cost: correct it rather than remove it")] : []
            return try await write(req, context, route, .init(record), version: version, errors: errors, correcting: record.effectiveFrom) { tx in
                try await record.delete(on: tx.db)
                try await tx.audit("route.cost_removed", "route", route.code, before: before)
            }
        }
        let values = RouteCostFields.Values(form: try req.content.decode(RouteCostFields.Form.self))
        let (entry, checked) = RouteCostFields.check(values)
        var errors = checked
        if let from = RouteCostFields.from(values), from <= today(req) {
            errors.insert(.init(field: "cost_from", message: "A corrected cost must start after today, \(today(req).display): add a new change for earlier days"), at: 0)
        } else if let from = RouteCostFields.from(values), from.iso != record.effectiveFrom,
                  try await RouteStore.costs(of: route.id!, context).contains(where: { $0.effectiveFrom == from.iso }) {
            errors.insert(.init(field: "cost_from", message: "There is already a cost from \(from.display): choose another day"), at: 0)
        }
        return try await write(req, context, route, values, version: version, errors: errors, correcting: record.effectiveFrom) { tx in
            record.effectiveFrom = entry!.effectiveFrom.iso
            record.chaperones = entry!.chaperones
            record.minutesPerDay = entry!.minutesPerDay
            record.hourlyRatePence = entry!.hourlyRate.pence
            record.dailyManagementPence = entry!.dailyManagement.pence
            try await record.save(on: tx.db)
            try await tx.audit("route.cost_corrected", "route", route.code, before: before, after: entry!)
        }
    }

    /// The entry named in the address, if it has not yet come into force.
    private static func future(_ req: Request, _ context: TenantContext, _ route: Route) async throws -> RouteCostRecord {
        let from = req.parameters.get("from") ?? ""
        guard let record = try await RouteStore.costs(of: route.id!, context).first(where: { $0.effectiveFrom == from }) else {
            throw WaymarkError.notFound
        }
        guard record.entry.effectiveFrom > today(req) else {
            throw WaymarkError.conflict("The cost from \(record.entry.effectiveFrom.display) is already in force and stays as it is: add a new change from the day the cost changed.")
        }
        return record
    }

    /// Checks the version and writes in one transaction, or shows the form again with
    /// every problem and what was typed.
    private static func write(_ req: Request, _ context: TenantContext, _ route: Route, _ values: RouteCostFields.Values,
                              version: String, errors: [FieldError], correcting: String?,
                              _ body: @escaping @Sendable (TenantContext) async throws -> Void) async throws -> Response {
        var errors = errors
        if Int(version) == nil { errors.append(.init(field: "cost_from", message: "The form is missing its version: reload the page")) }
        guard errors.isEmpty, let expected = Int(version) else {
            return try await render(req, context, route, values, version: version, correcting: correcting, errors: errors, status: .unprocessableEntity)
        }
        do {
            try await context.transaction { tx in
                try await VersionGuard.claim(table: Route.schema, id: route.id!, expected: expected, on: tx.db)
                try await body(tx)
            }
        } catch WaymarkError.conflict(let message) {
            return try await render(req, context, route, values, version: version, correcting: correcting,
                                    errors: [.init(field: "cost_from", message: message)], status: .conflict)
        }
        return req.redirect(to: SiteMap.Tenant.routeCosts.path(context.tenant.slug, route.code), flash: "Daily cost of route \(route.code) saved.")
    }

    private static func render(_ req: Request, _ context: TenantContext, _ route: Route, _ values: RouteCostFields.Values,
                               version: String, correcting: String?, errors: [FieldError] = [], status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug, today = today(req)
        let records = try await RouteStore.costs(of: route.id!, context)
        let page = Page(
            code: route.code, name: route.name,
            lines: records.map { record in
                .init(line: RouteDetailPage.costLine(record),
                      changeHref: record.entry.effectiveFrom > today ? SiteMap.Tenant.routeCost.path(slug, route.code, record.effectiveFrom) : nil)
            },
            today: today.display, cost: values, version: version,
            action: correcting.map { SiteMap.Tenant.routeCost.path(slug, route.code, $0) } ?? SiteMap.Tenant.routeCosts.path(slug, route.code),
            backHref: correcting == nil ? SiteMap.Tenant.route.path(slug, route.code) : SiteMap.Tenant.routeCosts.path(slug, route.code),
            correcting: correcting.flatMap(Day.init(iso:))?.display)
        return try await PageRenderer.render(req, correcting == nil ? "routes/costs" : "routes/cost-form",
                                             title: "Daily cost of route \(route.code)", page, errors: errors, status: status)
    }
}
