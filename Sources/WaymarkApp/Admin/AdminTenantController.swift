import Fluent
import Vapor
import WaymarkDomain

/// One tenant in the console: its organisations and every membership, with forms to
/// add an organisation, add a person with a role, and remove a membership.
struct AdminTenantController: Sendable {
    func register(_ routes: OperatorRoutes) {
        routes.get(SiteMap.Admin.tenant, show)
        routes.post(SiteMap.Admin.tenantOrganisations, addOrganisation)
        routes.post(SiteMap.Admin.tenantMembers, addMember)
        routes.post(SiteMap.Admin.membershipRemove, removeMember)
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

    func addMember(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        let tenant = try await tenant(req)
        let form = try req.content.decode(MemberForm.self)
        func refuse(_ error: FieldError) async throws -> Response {
            try await AdminTenantPage.render(req, tenant: tenant, memberForm: form, errors: [error], status: .unprocessableEntity)
        }
        guard let role = Role(rawValue: form.role ?? "") else { return try await refuse(.init(field: "role", message: "Choose the person's role")) }
        let organisationID = UUID(uuidString: form.organisation ?? "") ?? UUID()
        let organisation = try await req.platformDB { db in
            try await Organisation.query(on: db).filter(\.$tenantID == tenant.id!).filter(\.$id == organisationID).first()
        }
        guard let organisation else {
            return try await refuse(.init(field: "organisation", message: "Choose one of this tenant's organisations"))
        }
        let password = try await PlatformAdmin.OneTimePassword.make(req)
        let temporaryPassword: String?
        do {
            temporaryPassword = try await req.platformDB { db in
                try await db.transaction { tx in
                    try await PlatformAdmin.addMember(email: form.email ?? "", name: form.name ?? "", organisationID: organisationID,
                                                      tenantID: tenant.id!, role: role, password: password, actor: op.actor, on: tx)
                }
            }
        } catch let problem as PlatformAdmin.Problem {
            return try await refuse(problem.fieldError)
        }
        let email = Person.normalise(email: form.email ?? "")
        if let temporaryPassword {
            return try await AdminTenantPage.render(req, tenant: tenant, oneTimePassword: "\(email): \(temporaryPassword)")
        }
        return req.redirect(to: SiteMap.Admin.tenant.path(tenant.slug),
                            flash: "\(email) added to \(organisation.name) as \(role.label.lowercased()).")
    }

    func removeMember(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        let tenant = try await tenant(req)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw WaymarkError.notFound }
        let removed = try await req.platformDB { db -> String? in
            try await db.transaction { tx in
                guard let membership = try await Membership.query(on: tx).filter(\.$tenantID == tenant.id!).filter(\.$id == id).first()
                else { return nil }
                let person = try await Person.find(membership.personID, on: tx)
                try await membership.delete(on: tx)
                try await AuditLog.record(on: tx, tenantID: tenant.id, actor: op.actor, action: "membership.removed",
                                          entity: "membership", entityID: id.uuidString,
                                          before: ["person": membership.personID.uuidString, "organisation": membership.organisationID.uuidString,
                                                   "role": membership.role])
                return "\(person?.email ?? "The person") is no longer \(Role(rawValue: membership.role)?.label.lowercased() ?? membership.role) here."
            }
        }
        guard let removed else { throw WaymarkError.notFound }
        return req.redirect(to: SiteMap.Admin.tenant.path(tenant.slug), flash: removed)
    }

    private func tenant(_ req: Request) async throws -> Tenant {
        let slug = req.parameters.get("slug") ?? ""
        guard let tenant = try await req.platformDB({ db in try await Tenant.query(on: db).filter(\.$slug == slug).first() })
        else { throw WaymarkError.notFound }
        return tenant
    }
}
