import Fluent
import Vapor
import WaymarkDomain

/// Where a commissioner chooses what the public site shows of a contract or a route: published
/// (the default) or withheld with a note the public reads; a contract published as a grant in
/// the 360Giving file; a route's path on the public map. The page shows the choice as the public
/// will see it, and links to the public page itself.
enum PublicationPages {
    struct Form: Content {
        var publication: String?
        var withheld_note: String?
        var as_grant: String?
        var path_published: String?
        var version: Int?
    }

    struct Page: Encodable, Sendable {
        let heading: String
        let caption: String
        let action: String
        let version: Int
        let publication: String
        let note: String
        let asGrant: Bool
        /// Only contracts not let as grant agreements are asked: those are grants already.
        let asksGrant: Bool
        let pathPublished: Bool
        let asksPath: Bool
        let publicHref: String
        let backHref: String
        let preview: String
    }

    static func describe(_ record: ContractRecord) -> String {
        switch record.publicationChoice {
        case .shown: (record.publishedAsGrant ?? false) ? "Published, and in the grants file" : "Published"
        case .withheld: "Withheld" + ((record.withheldNote?.trimmed).map { $0.isEmpty ? "" : ": \($0)" } ?? "")
        }
    }

    static let maxNote = 300

    /// Saves the choice on `record` (and `also`, what else its form sets), guarded by its
    /// version and audited as "{entity}.publication_changed".
    static func store<Record: Publishable>(_ record: Record, _ publication: Publication, note: String, version: Int?,
                                           in context: TenantContext, entity: String, entityID: String, before: String,
                                           after describe: @escaping @Sendable (Record) -> String,
                                           also: @escaping @Sendable (Record) -> Void) async throws {
        try await context.transaction { tx in
            try await VersionGuard.claim(table: Record.schema, id: record.id!, expected: version ?? 0, on: tx.db)
            record.publication = publication.rawValue
            record.withheldNote = publication == .withheld ? note : nil
            also(record)
            record.version += 1
            try await record.save(on: tx.db)
            try await tx.audit("\(entity).publication_changed", entity, entityID, before: before, after: describe(record))
        }
    }

    /// The choice as sent, or every problem: a withheld row needs a note, short and free of
    /// personal data, since the public reads it.
    static func check(_ form: Form) -> (Publication?, String, [FieldError]) {
        var errors: [FieldError] = []
        let publication = form.publication.flatMap(Publication.init(rawValue:))
        if publication == nil { errors.append(.init(field: "publication", message: "Choose whether the public site shows it")) }
        let note = (form.withheld_note ?? "").trimmed
        if publication == .withheld, note.isEmpty {
            errors.append(.init(field: "withheld_note", message: "Enter why it is withheld: the public reads this instead"))
        }
        if note.count > maxNote { errors.append(.init(field: "withheld_note", message: "The note must be \(maxNote) characters or fewer")) }
        errors += PersonalDataCheck.problems([.init(field: "withheld_note", label: "The note", text: note, audience: .published)],
                                             confirmed: false).map(FieldError.init)
        return (publication, note, errors)
    }

    // MARK: Contracts

    @Sendable static func showContract(req: Request, context: TenantContext) async throws -> Response {
        let loaded = try await ContractQueries.find(context, id: req.parameters.get("id"))
        let record = loaded.record
        return try await renderContract(req, context, record, form: Form(publication: record.publicationChoice.rawValue, withheld_note: record.withheldNote,
                                                                          as_grant: (record.publishedAsGrant ?? false) ? "yes" : nil, version: record.version), [])
    }

    static func renderContract(_ req: Request, _ context: TenantContext, _ record: ContractRecord, form: Form, _ errors: [FieldError]) async throws -> Response {
        let slug = context.tenant.slug, id = record.id!.uuidString
        let publication = form.publication ?? Publication.shown.rawValue
        let page = Page(heading: "What the public site shows", caption: "\(record.reference): \(record.title)",
                        action: SiteMap.Tenant.contractPublication.path(slug, id), version: form.version ?? record.version,
                        publication: publication, note: form.withheld_note ?? "", asGrant: form.as_grant == "yes",
                        asksGrant: record.letting != .grantAgreement, pathPublished: false, asksPath: false,
                        publicHref: SiteMap.Public.contract.path(slug, id), backHref: SiteMap.Tenant.contract.path(slug, id),
                        preview: preview(publication, note: form.withheld_note ?? "", shown: "The public site lists the contract: its provider, how it was let, value, period, local authorities, routes, changes and payments of \(context.tenant.paymentThreshold.display) or more."))
        return try await PageRenderer.render(req, "publication/form", title: page.heading, page, errors: errors, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func saveContract(req: Request, context: TenantContext) async throws -> Response {
        let loaded = try await ContractQueries.find(context, id: req.parameters.get("id"))
        let record = loaded.record
        let form = try req.content.decode(Form.self)
        let (publication, note, errors) = check(form)
        guard errors.isEmpty, let publication else { return try await renderContract(req, context, record, form: form, errors) }
        let before = describe(record)
        let asGrant = form.as_grant == "yes" && record.letting != .grantAgreement
        try await store(record, publication, note: note, version: form.version, in: context, entity: "contract",
                        entityID: record.id!.uuidString, before: before, after: describe) { $0.publishedAsGrant = asGrant }
        return req.redirect(to: SiteMap.Tenant.contract.path(context.tenant.slug, record.id!.uuidString), flash: "What the public site shows is saved.")
    }

    // MARK: Routes

    static func describe(_ route: Route) -> String {
        switch route.publicationChoice {
        case .shown: (route.pathPublished ?? false) ? "Published, with its path" : "Published, without its path"
        case .withheld: "Withheld" + ((route.withheldNote?.trimmed).map { $0.isEmpty ? "" : ": \($0)" } ?? "")
        }
    }

    @Sendable static func showRoute(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        return try await renderRoute(req, context, route, form: Form(publication: route.publicationChoice.rawValue, withheld_note: route.withheldNote,
                                                                      path_published: (route.pathPublished ?? false) ? "yes" : nil, version: route.version), [])
    }

    static func renderRoute(_ req: Request, _ context: TenantContext, _ route: Route, form: Form, _ errors: [FieldError]) async throws -> Response {
        let slug = context.tenant.slug
        let publication = form.publication ?? Publication.shown.rawValue
        let path = form.path_published == "yes" ? ", and draws its path and chaperone points on the map" : "; its path stays private"
        let page = Page(heading: "What the public site shows", caption: "\(route.code) \(route.name)",
                        action: SiteMap.Tenant.routePublication.path(slug, route.code), version: form.version ?? route.version,
                        publication: publication, note: form.withheld_note ?? "", asGrant: false, asksGrant: false,
                        pathPublished: form.path_published == "yes", asksPath: true,
                        publicHref: SiteMap.Public.routes.path(slug), backHref: SiteMap.Tenant.route.path(slug, route.code),
                        preview: preview(publication, note: form.withheld_note ?? "", shown: "While it runs, the public site lists the route with its local authority, the children it walks and its provider\(path)."))
        return try await PageRenderer.render(req, "publication/form", title: page.heading, page, errors: errors, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func saveRoute(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        let form = try req.content.decode(Form.self)
        let (publication, note, errors) = check(form)
        guard errors.isEmpty, let publication else { return try await renderRoute(req, context, route, form: form, errors) }
        let before = describe(route)
        let pathPublished = form.path_published == "yes"
        try await store(route, publication, note: note, version: form.version, in: context, entity: "route",
                        entityID: route.code, before: before, after: describe) { $0.pathPublished = pathPublished }
        return req.redirect(to: SiteMap.Tenant.route.path(context.tenant.slug, route.code), flash: "What the public site shows is saved.")
    }

    static func preview(_ publication: String, note: String, shown: String) -> String {
        publication == Publication.withheld.rawValue
            ? "The public site shows only this note where the row would be: “\(note.trimmed.isEmpty ? "(no note yet)" : note.trimmed)”"
            : shown
    }

    // MARK: Specifications

    static func describe(_ record: SpecificationRecord) -> String {
        guard record.publishedAt != nil else { return "Not yet: a draft is never public" }
        switch record.publicationChoice {
        case .shown: return "Published"
        case .withheld: return "Withheld" + ((record.withheldNote?.trimmed).map { $0.isEmpty ? "" : ": \($0)" } ?? "")
        }
    }

    @Sendable static func showSpecification(req: Request, context: TenantContext) async throws -> Response {
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"))
        let record = found.record
        return try await renderSpecification(req, context, record, form: Form(publication: record.publicationChoice.rawValue,
                                                                                withheld_note: record.withheldNote, version: record.version), [])
    }

    static func renderSpecification(_ req: Request, _ context: TenantContext, _ record: SpecificationRecord, form: Form,
                                    _ errors: [FieldError]) async throws -> Response {
        let slug = context.tenant.slug, id = record.id!.uuidString
        let publication = form.publication ?? Publication.shown.rawValue
        let shown = record.publishedAt == nil
            ? "Nothing yet: a draft is never public. Once published, the public site shows it unless you withhold it here."
            : "The public site shows the specification: its routes, value and deadline, the questions answered, and the award once made."
        let page = Page(heading: "What the public site shows", caption: record.title,
                        action: SiteMap.Tenant.specificationPublication.path(slug, id), version: form.version ?? record.version,
                        publication: publication, note: form.withheld_note ?? "", asGrant: false, asksGrant: false,
                        pathPublished: false, asksPath: false,
                        publicHref: SiteMap.Public.specifications.path(slug), backHref: SiteMap.Tenant.specification.path(slug, id),
                        preview: preview(publication, note: form.withheld_note ?? "", shown: shown))
        return try await PageRenderer.render(req, "publication/form", title: page.heading, page, errors: errors, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    @Sendable static func saveSpecification(req: Request, context: TenantContext) async throws -> Response {
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"))
        let record = found.record
        let form = try req.content.decode(Form.self)
        let (publication, note, errors) = check(form)
        guard errors.isEmpty, let publication else { return try await renderSpecification(req, context, record, form: form, errors) }
        let before = describe(record)
        try await store(record, publication, note: note, version: form.version, in: context, entity: "specification",
                        entityID: record.id!.uuidString, before: before, after: describe) { _ in }
        return req.redirect(to: SiteMap.Tenant.specification.path(context.tenant.slug, record.id!.uuidString), flash: "What the public site shows is saved.")
    }
}

/// A row the commissioners may publish or withhold with a note.
protocol Publishable: Model, Sendable where IDValue == UUID {
    var publication: String? { get set }
    var withheldNote: String? { get set }
    var version: Int { get set }
}

extension ContractRecord: Publishable {}
extension Route: Publishable {}
extension SpecificationRecord: Publishable {}
