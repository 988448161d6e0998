import Fluent
import Vapor
import WaymarkDomain

/// Organisations of a tenant and their members. Commissioners invite people (new or
/// already on Waymark, by email) to an organisation with a role.
struct OrganisationsController: Sendable {
    struct ListPage: Encodable {
        struct Line: Encodable {
            let name: String; let kind: String; let identifier: String; let members: Int; let href: String; let retired: Bool
        }
        let organisations: [Line]
        let csvHref: String
        let newHref: String?
    }

    struct DetailPage: Encodable {
        struct Member: Encodable { let name: String; let email: String; let role: String }
        struct Option: Encodable { let value: String; let label: String; let selected: Bool }
        let name: String
        let kind: String
        let localAuthority: String?
        let members: [Member]
        let canManage: Bool
        let action: String
        let roles: [Option]
        let form: MemberForm
        let backHref: String
        let invitations: [TenantPeople.Waiting]
        let peopleHref: String
        /// Resend and cancel come back to this page.
        let invitationsBack = "organisation"
        /// Every public identifier it carries ("Charity number 1123456").
        let identifiers: [String]
        let retiredOn: String?
        let editHref: String?
        let retireAction: String?
        let version: String
    }

    struct MemberForm: Content {
        var name: String?
        var email: String?
        var role: String?
    }

    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.organisations, .viewOrganisations, list)
        routes.get(SiteMap.Tenant.organisationsCSV, .viewOrganisations, csv)
        routes.get(SiteMap.Tenant.organisation, .viewOrganisations, detail)
        routes.post(SiteMap.Tenant.organisationMembers, .manageMembers, addMember)
    }

    func lines(_ context: TenantContext) async throws -> [ListPage.Line] {
        let organisations = try await context.query(Organisation.self).sort(\.$name).all()
        let memberships = try await context.query(Membership.self).all()
        return organisations.map { organisation in
            .init(name: organisation.name, kind: organisation.organisationKind.label,
                  identifier: organisation.publicIdentifier ?? "",
                  members: Set(memberships.filter { $0.organisationID == organisation.id }.map(\.personID)).count,
                  href: SiteMap.Tenant.organisation.path(context.tenant.slug, organisation.id!.uuidString),
                  retired: organisation.isRetired)
        }
    }

    func list(req: Request, context: TenantContext) async throws -> Response {
        try await PageRenderer.render(req, "organisations/list", title: "Organisations", ListPage(
            organisations: try await lines(context), csvHref: SiteMap.Tenant.organisationsCSV.path(context.tenant.slug),
            newHref: context.can(.manageMembers) ? SiteMap.Tenant.organisationNew.path(context.tenant.slug) : nil))
    }

    func csv(req: Request, context: TenantContext) async throws -> Response {
        let rows = try await lines(context).map { [$0.name, $0.kind, $0.identifier, String($0.members), $0.retired ? "yes" : "no"] }
        return CSVResponse.stream(headers: ["name", "kind", "identifier", "members", "retired"], rows: rows,
                                  filename: "\(context.tenant.slug)-organisations.csv")
    }

    func detail(req: Request, context: TenantContext) async throws -> Response {
        let organisation = try await find(req, context)
        return try await render(req, context, organisation, form: MemberForm(role: Role.partner.rawValue), errors: [])
    }

    /// Invites the person: nothing is created for them until they accept, and no link or
    /// password appears on this page (the link goes to their email address only).
    func addMember(req: Request, context: TenantContext) async throws -> Response {
        let organisation = try await find(req, context)
        let form = try req.content.decode(MemberForm.self)
        let invitee: Invitations.Invitee
        switch try await Invitations.check(name: form.name, email: form.email, role: form.role, organisationID: organisation.id,
                                            tenantID: context.tenantID, on: context.db) {
        case .failure(let refused):
            return try await render(req, context, organisation, form: form, errors: refused.errors, status: .unprocessableEntity)
        case .success(let checked): invitee = checked
        }
        let links = InvitationLinks(req)
        do {
            _ = try await context.transaction { tx in
                try await Invitations.create(invitee, organisation: organisation, tenant: tx.tenant, actor: tx.actor, links: links, on: tx.db)
            }
        } catch let refused as Invitations.Refused {
            return try await render(req, context, organisation, form: form, errors: refused.errors, status: .unprocessableEntity)
        }
        let app = req.application
        req.afterCommit { InvitationLinks.deliverSoon(app) }
        return req.redirect(to: SiteMap.Tenant.organisation.path(context.tenant.slug, organisation.id!.uuidString),
                            flash: "Invitation sent to \(invitee.email) to join as \(invitee.role.label.lowercased()). They choose their own password when they accept.")
    }

    private func find(_ req: Request, _ context: TenantContext) async throws -> Organisation {
        guard let organisation = try await context.find(Organisation.self, req.parameters.get("id").flatMap(UUID.init(uuidString:)))
        else { throw WaymarkError.notFound }
        return organisation
    }

    private func render(_ req: Request, _ context: TenantContext, _ organisation: Organisation, form: MemberForm,
                        errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let memberships = try await context.query(Membership.self).filter(\.$organisationID == organisation.id!).all()
        let byID = try await TenantPeople.known(memberships.map(\.personID), context)
        let canManage = context.can(.manageMembers)
        let members = memberships.compactMap { membership -> DetailPage.Member? in
            guard let person = byID[membership.personID] else { return nil }
            return .init(name: person.name, email: person.email, role: Role(rawValue: membership.role)?.label ?? membership.role)
        }.sorted { ($0.name, $0.role) < ($1.name, $1.role) }
        let authority = try await context.find(LocalAuthority.self, organisation.localAuthorityID)
        let slug = context.tenant.slug
        return try await PageRenderer.render(req, "organisations/detail", title: organisation.name, DetailPage(
            name: organisation.name, kind: organisation.organisationKind.label,
            localAuthority: authority?.name, members: members, canManage: canManage,
            action: SiteMap.Tenant.organisationMembers.path(slug, organisation.id!.uuidString),
            roles: Role.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.role) },
            form: form, backHref: SiteMap.Tenant.organisations.path(slug),
            invitations: canManage ? try await TenantPeople.waiting(context, organisationID: organisation.id!) : [],
            peopleHref: SiteMap.Tenant.people.path(slug),
            identifiers: organisation.identifierLines, retiredOn: organisation.retiredOn.flatMap(Day.init(iso:))?.display,
            editHref: canManage ? SiteMap.Tenant.organisationEdit.path(slug, organisation.id!.uuidString) : nil,
            retireAction: canManage ? SiteMap.Tenant.organisationRetire.path(slug, organisation.id!.uuidString) : nil,
            version: String(organisation.version)),
            errors: errors, status: status)
    }
}
