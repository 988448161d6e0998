import Fluent
import Vapor
import WaymarkDomain

/// Writing a specification: a new one, or a draft edited. Saving needs a specification with
/// no problems (weights adding up, a value that splits, dates in order…), so a draft is always
/// ready to publish; publishing then only checks that the deadline is still ahead.
enum SpecificationForm {
    @Sendable static func showNew(req: Request, context: TenantContext) async throws -> Response {
        try await render(req, context, .blank, editing: nil, errors: [])
    }

    @Sendable static func create(req: Request, context: TenantContext) async throws -> Response {
        let form = try req.content.decode(SpecificationFormValues.self)
        let parser = try await parser(context)
        let (parsed, errors) = parser.parse(form, id: UUID(), version: 1)
        guard let spec = parsed else {
            return try await render(req, context, form, editing: nil, errors: errors, status: .unprocessableEntity)
        }
        let now = req.now
        try await context.transaction { tx in
            let record = try SpecificationRecord(tenantID: tx.tenantID, specification: spec, createdBy: tx.actor.label, at: now)
            try await record.create(on: tx.db)
            try await tx.audit("specification.created", "specification", spec.id.uuidString, after: SpecificationAuditView(spec))
        }
        return req.redirect(to: SiteMap.Tenant.specification.path(context.tenant.slug, spec.id.uuidString),
                            flash: "Specification saved as a draft. Providers cannot see it until you publish it.")
    }

    @Sendable static func showEdit(req: Request, context: TenantContext) async throws -> Response {
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"))
        if let refused = try await refuseUnlessDraft(req, context, found) { return refused }
        let codes = try await SpecificationQueries.routeNames(context)
        return try await render(req, context, SpecificationFormValues(found.spec, routeCodes: codes), editing: found, errors: [])
    }

    @Sendable static func update(req: Request, context: TenantContext) async throws -> Response {
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"))
        if let refused = try await refuseUnlessDraft(req, context, found) { return refused }
        let form = try req.content.decode(SpecificationFormValues.self)
        guard let opened = form.version.flatMap(Int.init) else { throw WaymarkError.badRequest("The form was sent without its version") }
        let (parsed, errors) = try await parser(context).parse(form, id: found.spec.id, version: opened)
        guard let spec = parsed else {
            return try await render(req, context, form, editing: found, errors: errors, status: .unprocessableEntity)
        }
        let now = req.now
        try await context.transaction { tx in
            try await VersionGuard.claim(table: SpecificationRecord.schema, id: spec.id, expected: opened, on: tx.db)
            guard let record = try await tx.find(SpecificationRecord.self, spec.id) else { throw WaymarkError.notFound }
            try record.store(spec, at: now)
            try await record.save(on: tx.db)
            try await tx.audit("specification.edited", "specification", spec.id.uuidString,
                               before: SpecificationAuditView(found.spec), after: SpecificationAuditView(spec))
        }
        return req.redirect(to: SiteMap.Tenant.specification.path(context.tenant.slug, spec.id.uuidString), flash: "Specification saved.")
    }

    /// Only drafts are edited: once published, bidders rely on what it says, and questions
    /// about it are answered as clarifications for everyone. Otherwise the answer is the
    /// specification's own page with the reason in its error summary (409).
    private static func refuseUnlessDraft(_ req: Request, _ context: TenantContext,
                                          _ found: SpecificationQueries.Found) async throws -> Response? {
        guard found.spec.status != .draft else { return nil }
        let message = "Only a draft specification can be edited; this one is \(found.spec.status(at: req.now).displayName.lowercased()). Answer bidders' questions as clarifications instead."
        return try await SpecificationPage.render(req, context, found, errors: [.init(field: "status", message: message)], status: .conflict)
    }

    static func parser(_ context: TenantContext) async throws -> SpecificationParser {
        let routes = try await context.query(Route.self).sort(\.$code).all()
        return SpecificationParser(authorities: try await context.query(LocalAuthority.self).sort(\.$name).all(),
                                   routes: routes, schedules: try await RouteSchedules.build(context, routes: routes))
    }

    struct Page: Encodable {
        struct Option: Encodable { let value: String; let label: String; let checked: Bool }
        struct RouteOption: Encodable {
            let id: String; let code: String; let name: String; let authority: String
            let checked: Bool; let share: String; let shareError: String?
        }
        let heading: String
        let form: SpecificationFormValues
        let questions: [SpecificationFormValues.QuestionRow]
        let questionErrors: [String]
        let authorities: [Option]
        let routes: [RouteOption]
        let formulas: [Option]
        let scale: [String]
        let action: String
        let cancelHref: String
        let submitLabel: String
    }

    static func render(_ req: Request, _ context: TenantContext, _ form: SpecificationFormValues,
                       editing: SpecificationQueries.Found?, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug
        let authorities = try await context.query(LocalAuthority.self).sort(\.$name).all()
        let authorityNames = Dictionary(uniqueKeysWithValues: authorities.map { ($0.id!, $0.name) })
        let routes = try await context.query(Route.self).sort(\.$code).all()
        let chosenAuthorities = Set(form.authorities ?? []), chosenRoutes = Set(form.routes ?? [])
        let errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let page = Page(
            heading: editing == nil ? "New specification" : "Edit specification",
            form: form, questions: form.questionRows,
            questionErrors: errors.filter { $0.field.hasPrefix("question_") }.map(\.message),
            authorities: authorities.map { .init(value: $0.id!.uuidString, label: $0.name, checked: chosenAuthorities.contains($0.id!.uuidString)) },
            routes: routes.map { route in
                .init(id: route.id!.uuidString, code: route.code, name: route.name, authority: authorityNames[route.localAuthorityID] ?? "",
                      checked: chosenRoutes.contains(route.id!.uuidString), share: form.shares?[route.code] ?? "",
                      shareError: errorFor["share-\(route.code)"])
            },
            formulas: PriceFormula.allCases.map { .init(value: $0.rawValue, label: $0.displayName, checked: form.price_formula == $0.rawValue) },
            scale: ScoringScale.zeroToFive.labels.enumerated().map { "\($0.offset): \($0.element)" },
            action: editing.map { SiteMap.Tenant.specificationEdit.path(slug, $0.spec.id.uuidString) } ?? SiteMap.Tenant.specificationNew.path(slug),
            cancelHref: editing.map { SiteMap.Tenant.specification.path(slug, $0.spec.id.uuidString) } ?? SiteMap.Tenant.specifications.path(slug),
            submitLabel: "Save draft")
        return try await PageRenderer.render(req, "commissioning/specification-form", title: page.heading, page, errors: errors, status: status)
    }
}

/// What the audit log keeps of a specification: the whole definition, readable.
struct SpecificationAuditView: Encodable {
    let specification: Specification
    init(_ spec: Specification) { specification = spec }
}
