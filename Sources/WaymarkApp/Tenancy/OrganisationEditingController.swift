import Fluent
import Vapor
import WaymarkDomain

/// The pages behind `OrganisationEditing`: add, change, retire and reinstate.
struct OrganisationEditingController: Sendable {
    struct Page: Encodable {
        struct Option: Encodable { let value: String; let label: String; let selected: Bool }
        let heading: String
        let isNew: Bool
        let form: OrganisationEditing.Values
        let kinds: [Option]
        let authorities: [Option]
        let action: String
        let cancelHref: String
    }

    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.organisationNew, .manageMembers, showNew)
        routes.post(SiteMap.Tenant.organisationNew, .manageMembers, create)
        routes.get(SiteMap.Tenant.organisationEdit, .manageMembers, showEdit)
        routes.post(SiteMap.Tenant.organisationEdit, .manageMembers, save)
        routes.post(SiteMap.Tenant.organisationRetire, .manageMembers, retire)
    }

    func showNew(req: Request, context: TenantContext) async throws -> Response {
        var values = OrganisationEditing.Values()
        values.kind = req.query[String.self, at: "kind"] ?? ""
        return try await render(req, context, nil, values, [])
    }

    func create(req: Request, context: TenantContext) async throws -> Response {
        let values = OrganisationEditing.Values(try req.content.decode(OrganisationEditing.Form.self))
        let others = try await context.query(Organisation.self).all()
        let authorities = try await context.query(LocalAuthority.self).all()
        let (checked, errors) = OrganisationEditing.check(values, others: others, authorities: authorities)
        guard let checked else { return try await render(req, context, nil, values, errors, status: .unprocessableEntity) }
        let organisation = Organisation(tenantID: context.tenantID, name: checked.name, kind: checked.kind)
        OrganisationEditing.apply(checked, to: organisation)
        try await context.transaction { tx in
            try await organisation.create(on: tx.db)
            try await tx.audit("organisation.added", "organisation", organisation.id!.uuidString,
                               after: OrganisationEditing.Snapshot(organisation))
        }
        return req.redirect(to: SiteMap.Tenant.organisation.path(context.tenant.slug, organisation.id!.uuidString),
                            flash: "\(organisation.name) added. Invite its people below.")
    }

    func showEdit(req: Request, context: TenantContext) async throws -> Response {
        let organisation = try await find(req, context)
        let code = try await context.find(LocalAuthority.self, organisation.localAuthorityID)?.gssCode
        return try await render(req, context, organisation, .init(organisation, authorityCode: code), [])
    }

    func save(req: Request, context: TenantContext) async throws -> Response {
        let organisation = try await find(req, context)
        let values = OrganisationEditing.Values(try req.content.decode(OrganisationEditing.Form.self))
        let others = try await context.query(Organisation.self).filter(\.$id != organisation.id!).all()
        let authorities = try await context.query(LocalAuthority.self).all()
        var (checked, errors) = OrganisationEditing.check(values, others: others, authorities: authorities)
        let version = Int(values.version)
        if version == nil { errors.append(.init(field: "name", message: VersionGuard.conflictMessage)) }
        guard let checked, let version, errors.isEmpty else {
            return try await render(req, context, organisation, values, errors, status: .unprocessableEntity)
        }
        let before = OrganisationEditing.Snapshot(organisation)
        OrganisationEditing.apply(checked, to: organisation)
        let after = OrganisationEditing.Snapshot(organisation)
        do {
            try await context.transaction { tx in
                try await VersionGuard.claim(table: Organisation.schema, id: organisation.id!, expected: version, on: tx.db)
                organisation.version = version + 1
                try await organisation.save(on: tx.db)
                try await tx.audit("organisation.updated", "organisation", organisation.id!.uuidString, before: before, after: after)
            }
        } catch WaymarkError.conflict(let message) {
            return try await render(req, context, organisation, values, [.init(field: "name", message: message)], status: .conflict)
        }
        return req.redirect(to: SiteMap.Tenant.organisation.path(context.tenant.slug, organisation.id!.uuidString),
                            flash: "\(organisation.name) saved.")
    }

    struct RetireForm: Content { var action: String?; var version: String? }

    /// Retiring keeps the organisation and everything that names it; it is only no longer
    /// offered for new funding, pledges, bids or contracts. Reinstating undoes it.
    func retire(req: Request, context: TenantContext) async throws -> Response {
        let organisation = try await find(req, context)
        let form = try req.content.decode(RetireForm.self)
        let reinstating = form.action == "reinstate"
        guard let version = Int(form.version ?? "") else { throw WaymarkError.conflict(VersionGuard.conflictMessage) }
        if !reinstating, let reason = try await retirementRefusal(organisation, context) {
            throw WaymarkError.conflict(reason)
        }
        let before = OrganisationEditing.Snapshot(organisation)
        organisation.retiredOn = reinstating ? nil : Day(req.now, in: London.timeZone).iso
        let after = OrganisationEditing.Snapshot(organisation)
        try await context.transaction { tx in
            try await VersionGuard.claim(table: Organisation.schema, id: organisation.id!, expected: version, on: tx.db)
            organisation.version = version + 1
            try await organisation.save(on: tx.db)
            try await tx.audit(reinstating ? "organisation.reinstated" : "organisation.retired", "organisation",
                               organisation.id!.uuidString, before: before, after: after)
        }
        return req.redirect(to: SiteMap.Tenant.organisation.path(context.tenant.slug, organisation.id!.uuidString),
                            flash: reinstating ? "\(organisation.name) reinstated." : "\(organisation.name) retired. Its history stays readable.")
    }

    /// A partnership must keep a commissioner: the organisation holding the last ones stays.
    private func retirementRefusal(_ organisation: Organisation, _ context: TenantContext) async throws -> String? {
        let commissioners = try await context.query(Membership.self).filter(\.$role == Role.commissioner.rawValue).all()
        let retired = Set(try await context.query(Organisation.self).all().filter(\.isRetired).compactMap(\.id))
        let elsewhere = commissioners.contains { $0.organisationID != organisation.id && !retired.contains($0.organisationID) }
        if commissioners.contains(where: { $0.organisationID == organisation.id }) && !elsewhere {
            return "\(organisation.name) holds the partnership's only commissioners, so it cannot be retired: give someone in another organisation the commissioner role first."
        }
        return nil
    }

    private func find(_ req: Request, _ context: TenantContext) async throws -> Organisation {
        guard let organisation = try await context.find(Organisation.self, req.parameters.get("id").flatMap(UUID.init(uuidString:)))
        else { throw WaymarkError.notFound }
        return organisation
    }

    private func render(_ req: Request, _ context: TenantContext, _ organisation: Organisation?, _ values: OrganisationEditing.Values,
                        _ errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug
        let authorities = try await context.query(LocalAuthority.self).sort(\.$name).all()
        let id = organisation?.id?.uuidString
        let page = Page(
            heading: organisation.map { "Change \($0.name)" } ?? "Add an organisation", isNew: organisation == nil, form: values,
            kinds: OrganisationKind.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values.kind) },
            authorities: authorities.map { .init(value: $0.gssCode, label: $0.name, selected: $0.gssCode == values.localAuthority) },
            action: id.map { SiteMap.Tenant.organisationEdit.path(slug, $0) } ?? SiteMap.Tenant.organisationNew.path(slug),
            cancelHref: id.map { SiteMap.Tenant.organisation.path(slug, $0) } ?? SiteMap.Tenant.organisations.path(slug))
        return try await PageRenderer.render(req, "organisations/form", title: page.heading, page, errors: errors, status: status)
    }
}
