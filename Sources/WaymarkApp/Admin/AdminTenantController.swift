import Fluent
import Vapor
import WaymarkDomain

/// One tenant in the console: its organisations and every membership, with forms to
/// add an organisation, invite a person with a role, and remove a membership.
struct AdminTenantController: Sendable {
    func register(_ routes: OperatorRoutes) {
        routes.get(SiteMap.Admin.tenant, show)
        routes.post(SiteMap.Admin.tenantOrganisations, addOrganisation)
        routes.post(SiteMap.Admin.tenantMembers, addMember)
        routes.post(SiteMap.Admin.membershipRemove, removeMember)
        routes.post(SiteMap.Admin.invitationResend, resendInvitation)
    }

    struct OrganisationForm: Content { var name: String?; var kind: String? }
    struct MemberForm: Content, Encodable { var email: String?; var name: String?; var organisation: String?; var role: String? }

    func show(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        try await AdminTenantPage.render(req, tenant: try await tenant(req))
    }

    func addOrganisation(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        let tenant = try await tenant(req)
        let form = try req.content.decode(OrganisationForm.self)
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        var errors: [FieldError] = []
        if name.isEmpty || name.count > 160 { errors.append(.init(field: "org_name", message: "Enter the organisation's name")) }
        guard let kind = OrganisationKind(rawValue: form.kind ?? "") else {
            errors.append(.init(field: "org_kind", message: "Choose what kind of organisation it is"))
            return try await AdminTenantPage.render(req, tenant: tenant, organisationForm: form, errors: errors, status: .unprocessableEntity)
        }
        guard errors.isEmpty else {
            return try await AdminTenantPage.render(req, tenant: tenant, organisationForm: form, errors: errors, status: .unprocessableEntity)
        }
        try await req.platformDB { db in
            try await db.transaction { tx in
                let record = Organisation(tenantID: tenant.id!, name: name, kind: kind)
                try await record.create(on: tx)
                try await AuditLog.record(on: tx, tenantID: tenant.id, actor: op.actor, action: "organisation.created",
                                          entity: "organisation", entityID: record.id!.uuidString,
                                          after: ["name": name, "kind": kind.rawValue])
            }
        }
        return req.redirect(to: SiteMap.Admin.tenant.path(tenant.slug), flash: "\(name) added.")
    }

    /// Invites the person, as a commissioner's organisation page does. Unlike there, the
    /// link is shown once here: the operator is trusted platform staff setting up a new
    /// tenant, often before its email reaches anyone (a new installation without SMTP,
    /// a mail filter holding the first message), and may need to hand the link over by
    /// another channel. It is shown once, like the one-time passwords it replaces, and
    /// never stored in plain.
    func addMember(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        let tenant = try await tenant(req)
        let form = try req.content.decode(MemberForm.self)
        var errors: [FieldError] = []
        let invitee: Invitations.Invitee?
        let organisationID = UUID(uuidString: form.organisation ?? "") ?? UUID()
        let organisation = try await req.platformDB { db in
            try await Organisation.query(on: db).filter(\.$tenantID == tenant.id!).filter(\.$id == organisationID).first()
        }
        let checked = try await req.platformDB { db in
            try await Invitations.check(name: form.name, email: form.email, role: form.role, organisationID: organisation?.id,
                                        tenantID: tenant.id!, on: db)
        }
        switch checked {
        case .failure(let refused): errors = refused.errors; invitee = nil
        case .success(let checked): invitee = checked
        }
        if organisation == nil { errors.append(.init(field: "organisation", message: "Choose one of this tenant's organisations")) }
        guard errors.isEmpty, let invitee, let organisation else {
            return try await AdminTenantPage.render(req, tenant: tenant, memberForm: form, errors: errors, status: .unprocessableEntity)
        }
        let links = InvitationLinks(req)
        let link: String
        do {
            link = try await req.platformDB { db in
                try await db.transaction { tx in
                    try await Invitations.create(invitee, organisation: organisation, tenant: tenant, actor: op.actor, links: links, on: tx)
                }
            }
        } catch let refused as Invitations.Refused {
            return try await AdminTenantPage.render(req, tenant: tenant, memberForm: form, errors: refused.errors, status: .unprocessableEntity)
        }
        InvitationLinks.deliverSoon(req.application)
        return try await AdminTenantPage.render(req, tenant: tenant, invitationLink: AdminTenantPage.InvitationShown(
            email: invitee.email, organisation: organisation.name, role: invitee.role.label.lowercased(), link: link))
    }

    /// A new link for an invitation still waiting (say the first commissioner's was lost),
    /// shown once like the first; the old link stops working.
    func resendInvitation(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        let tenant = try await tenant(req)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw WaymarkError.notFound }
        let links = InvitationLinks(req)
        let shown = try await req.platformDB { db -> AdminTenantPage.InvitationShown? in
            try await db.transaction { tx in
                guard let invitation = try await Invitation.query(on: tx).filter(\.$tenantID == tenant.id!).filter(\.$id == id).first(),
                      [.pending, .expired].contains(invitation.state(now: AppClock.shared.now())),
                      let organisation = try await Organisation.find(invitation.organisationID, on: tx) else { return nil }
                let link = try await Invitations.resend(invitation, organisation: organisation, tenant: tenant, actor: op.actor,
                                                        links: links, on: tx)
                return AdminTenantPage.InvitationShown(email: invitation.email, organisation: organisation.name,
                                                       role: invitation.roleValue?.label.lowercased() ?? invitation.role, link: link)
            }
        }
        guard let shown else { throw WaymarkError.notFound }
        InvitationLinks.deliverSoon(req.application)
        return try await AdminTenantPage.render(req, tenant: tenant, invitationLink: shown)
    }

    func removeMember(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        let tenant = try await tenant(req)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw WaymarkError.notFound }
        let removed = try await req.platformDB { db -> PeopleController.Removal? in
            try await db.transaction { tx in
                guard let membership = try await Membership.query(on: tx).filter(\.$tenantID == tenant.id!).filter(\.$id == id).first()
                else { return nil }
                // The console keeps the same rule as the people page: a tenant always has a commissioner.
                let holdings = try await Membership.query(on: tx).filter(\.$tenantID == tenant.id!).all().compactMap { m in
                    Role(rawValue: m.role).map { MembershipRules.Holding(id: m.id!, personID: m.personID, role: $0) }
                }
                if let refusal = MembershipRules.removalRefusal(id, from: holdings) { return .refused(FieldError(field: "members", message: refusal)) }
                let person = try await Person.find(membership.personID, on: tx)
                try await membership.delete(on: tx)
                try await AuditLog.record(on: tx, tenantID: tenant.id, actor: op.actor, action: "membership.removed",
                                          entity: "membership", entityID: id.uuidString,
                                          before: ["person": membership.personID.uuidString, "organisation": membership.organisationID.uuidString,
                                                   "role": membership.role])
                return .removed("\(person?.email ?? "The person") is no longer \(Role(rawValue: membership.role)?.label.lowercased() ?? membership.role) here.")
            }
        }
        switch removed {
        case nil: throw WaymarkError.notFound
        case .removed(let message): return req.redirect(to: SiteMap.Admin.tenant.path(tenant.slug), flash: message)
        case .refused(let error): return try await AdminTenantPage.render(req, tenant: tenant, errors: [error], status: .conflict)
        }
    }

    private func tenant(_ req: Request) async throws -> Tenant {
        let slug = req.parameters.get("slug") ?? ""
        guard let tenant = try await req.platformDB({ db in try await Tenant.query(on: db).filter(\.$slug == slug).first() })
        else { throw WaymarkError.notFound }
        return tenant
    }
}
