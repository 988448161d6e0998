import Fluent
import Vapor
import WaymarkDomain

/// Everyone with a role in the tenant, by person, and the invitations still waiting.
/// Commissioners grant another role, take one away (never the tenant's last
/// commissioner), and resend or cancel invitations.
struct PeopleController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.people, .manageMembers, list)
        routes.post(SiteMap.Tenant.personRoles, .manageMembers, grant)
        routes.post(SiteMap.Tenant.membershipRemove, .manageMembers, remove)
        routes.post(SiteMap.Tenant.invitationResend, .manageMembers, resend)
        routes.post(SiteMap.Tenant.invitationCancel, .manageMembers, cancel)
    }

    struct GrantForm: Content { var organisation: String?; var role: String? }
    enum Removal: Sendable { case removed(String), refused(FieldError) }
    struct VersionForm: Content { var version: Int?; var back: String? }

    func list(req: Request, context: TenantContext) async throws -> Response {
        try await PeoplePage.render(req, context)
    }

    func grant(req: Request, context: TenantContext) async throws -> Response {
        guard let personID = req.parameters.get("person").flatMap(UUID.init(uuidString:)),
              try await context.query(Membership.self).filter(\.$personID == personID).first() != nil
        else { throw WaymarkError.notFound }   // only people already in this tenant
        let form = try req.content.decode(GrantForm.self)
        var errors: [FieldError] = []
        let organisation = try await context.find(Organisation.self, form.organisation.flatMap(UUID.init(uuidString:)))
        if organisation == nil { errors.append(.init(field: "organisation-\(personID)", message: "Choose one of the organisations")) }
        let role = Role(rawValue: form.role ?? "")
        if role == nil { errors.append(.init(field: "role-\(personID)", message: "Choose the role to grant")) }
        guard errors.isEmpty, let organisation, let role else {
            return try await PeoplePage.render(req, context, grantForm: (personID, form), errors: errors, status: .unprocessableEntity)
        }
        let known = try await TenantPeople.known([personID], context)[personID]
        do {
            _ = try await context.transaction { tx in
                try await PlatformAdmin.addMembership(tenantID: tx.tenantID, personID: personID, organisationID: organisation.id!,
                                                      role: role, actor: tx.actor, on: tx.db)
            }
        } catch let problem as PlatformAdmin.Problem {
            let error = FieldError(field: "role-\(personID)", message: problem.fieldError.message)
            return try await PeoplePage.render(req, context, grantForm: (personID, form), errors: [error], status: .unprocessableEntity)
        }
        return req.redirect(to: SiteMap.Tenant.people.path(context.tenant.slug),
                            flash: "\(known?.name ?? "They") now \(known == nil ? "have" : "has") the \(role.label.lowercased()) role in \(organisation.name).")
    }

    /// Takes one role away. The check and the delete share a transaction, and the audit
    /// entry it writes takes the next place in the tenant's chain, which only one of two
    /// racing removals can win, so two commissioners cannot each remove the other.
    func remove(req: Request, context: TenantContext) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw WaymarkError.notFound }
        let outcome = try await context.transaction { tx -> Removal in
            guard let membership = try await tx.find(Membership.self, id) else { throw WaymarkError.notFound }
            let holdings = try await tx.query(Membership.self).all().compactMap { m in
                Role(rawValue: m.role).map { MembershipRules.Holding(id: m.id!, personID: m.personID, role: $0) }
            }
            if let refusal = MembershipRules.removalRefusal(id, from: holdings) {
                return .refused(FieldError(field: "membership-\(id)", message: refusal))
            }
            let name = try await TenantPeople.known([membership.personID], tx)[membership.personID]?.name ?? "The person"
            let organisation = try await tx.find(Organisation.self, membership.organisationID)?.name ?? "the organisation"
            try await membership.delete(on: tx.db)
            try await tx.audit("membership.removed", "membership", id.uuidString,
                               before: ["person": membership.personID.uuidString, "organisation": membership.organisationID.uuidString,
                                        "role": membership.role])
            return .removed("\(name) is no longer \(Role(rawValue: membership.role)?.label.lowercased() ?? membership.role) in \(organisation).")
        }
        switch outcome {
        case .removed(let message): return req.redirect(to: SiteMap.Tenant.people.path(context.tenant.slug), flash: message)
        case .refused(let error): return try await PeoplePage.render(req, context, errors: [error], status: .conflict)
        }
    }

    func resend(req: Request, context: TenantContext) async throws -> Response {
        let links = InvitationLinks(req)
        let (email, organisationID) = try await changeInvitation(req, context) { invitation, tx in
            guard let organisation = try await tx.find(Organisation.self, invitation.organisationID) else { throw WaymarkError.notFound }
            try await Invitations.resend(invitation, organisation: organisation, tenant: tx.tenant, actor: tx.actor, links: links, on: tx.db)
        }
        let app = req.application
        req.afterCommit { InvitationLinks.deliverSoon(app) }
        return try redirectBack(req, context, organisationID, flash: "A new invitation has gone to \(email). The earlier link no longer works.")
    }

    func cancel(req: Request, context: TenantContext) async throws -> Response {
        let (email, organisationID) = try await changeInvitation(req, context) { invitation, tx in
            try await Invitations.cancel(invitation, tenantID: tx.tenantID, actor: tx.actor, on: tx.db)
        }
        return try redirectBack(req, context, organisationID, flash: "The invitation to \(email) is cancelled: its link no longer works.")
    }

    /// Resend and cancel act on the invitation as the page showed it: if someone else has
    /// resent, cancelled or the person has accepted since, the form is stale and refused.
    private func changeInvitation(_ req: Request, _ context: TenantContext,
                                  _ change: @escaping @Sendable (Invitation, TenantContext) async throws -> Void) async throws -> (String, UUID) {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw WaymarkError.notFound }
        let version = try req.content.decode(VersionForm.self).version ?? 0
        return try await context.transaction { tx in
            guard let invitation = try await tx.find(Invitation.self, id) else { throw WaymarkError.notFound }
            switch invitation.state(now: AppClock.shared.now()) {
            case .accepted: throw WaymarkError.conflict("\(invitation.email) has already accepted this invitation.")
            case .cancelled: throw WaymarkError.conflict("This invitation was cancelled.")
            case .pending, .expired: break
            }
            try await VersionGuard.claim(table: Invitation.schema, id: id, expected: version, on: tx.db)
            invitation.version = version + 1
            try await change(invitation, tx)
            return (invitation.email, invitation.organisationID)
        }
    }

    /// Back to the organisation page or the people page, whichever the form was on.
    private func redirectBack(_ req: Request, _ context: TenantContext, _ organisationID: UUID, flash: String) throws -> Response {
        let slug = context.tenant.slug
        let onOrganisation = (try? req.content.decode(VersionForm.self).back) == "organisation"
        return req.redirect(to: onOrganisation ? SiteMap.Tenant.organisation.path(slug, organisationID.uuidString)
                                               : SiteMap.Tenant.people.path(slug), flash: flash)
    }
}
