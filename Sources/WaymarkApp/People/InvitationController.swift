import Fluent
import Vapor
import WaymarkDomain

/// `/invitations/{token}`: the link in an invitation email. No sign-in and no tenant in
/// the URL: the token is the secret, so an unknown one is simply "Page not found".
///
/// Nobody can take over an account through a link. Someone new sets their own password
/// and is signed in. For an email that already has an account, accepting only adds the
/// role: the password is not asked for, changed or bypassed, and the visitor is signed
/// in only if they already were, as that person; anyone else is sent to sign in.
struct InvitationController: RouteCollection {
    struct AcceptForm: Content { var name: String?; var new_password: String?; var confirm_password: String? }

    struct Page: Encodable {
        let tenant: String
        let organisation: String
        let role: String
        let email: String
        let name: String
        let hasAccount: Bool
        let action: String
        let minimumLength: Int
    }

    struct Gone: Encodable { let heading: String; let message: String; let signInHref: String }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteMap.invitation.components, use: show)
        routes.post(SiteMap.invitation.components, use: accept)
    }

    /// The invitation with its tenant and organisation, read across tenants by the hash.
    struct Found: Sendable { let invitation: Invitation; let tenant: Tenant; let organisation: Organisation; let account: Person? }

    func show(req: Request) async throws -> Response {
        let found = try await find(req)
        if let gone = try await gone(req, found.invitation) { return gone }
        return try await render(req, found, form: AcceptForm(name: found.invitation.name), errors: [])
    }

    func accept(req: Request) async throws -> Response {
        let found = try await find(req)
        if let gone = try await gone(req, found.invitation) { return gone }
        let form = try req.content.decode(AcceptForm.self)
        if let account = found.account { return try await join(req, found, account: account) }

        let name = (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let password = form.new_password ?? ""
        var errors: [FieldError] = []
        if name.isEmpty || name.count > 160 { errors.append(.init(field: "name", message: "Enter your full name (160 characters at most)")) }
        errors += PasswordRules.problems(new: password, confirm: form.confirm_password ?? "").map { FieldError(field: $0.field, message: $0.message) }
        guard errors.isEmpty else {
            return try await render(req, found, form: AcceptForm(name: form.name), errors: errors, status: .unprocessableEntity)
        }
        // Hashed before the transaction opens: bcrypt is slow on purpose.
        let hash = try await req.password.async.hash(password)
        let person = try await write(req, found) { db, invitation in
            // Someone may have made an account with this email since the page was opened
            // (another tenant's invitation): then this one only adds the role.
            if let account = try await Person.query(on: db).filter(\.$email == invitation.email).first() { return (account, false) }
            let person = try await PlatformAdmin.createPerson(name: name, email: invitation.email, passwordHash: hash, isOperator: false,
                                                              actor: Self.actor(invitation), auditTenantID: invitation.tenantID, on: db)
            return (person, true)
        }
        guard person.1 else { return try await afterJoining(req, found, account: person.0) }
        try await req.startSession(for: person.0)
        return req.redirect(to: SiteMap.Tenant.home.path(found.tenant.slug),
                            flash: "Welcome to Waymark. You are signed in as \(person.0.email).")
    }

    private func join(_ req: Request, _ found: Found, account: Person) async throws -> Response {
        _ = try await write(req, found) { _, _ in (account, false) }
        return try await afterJoining(req, found, account: account)
    }

    /// Signed in as that person already: straight in. Anyone else signs in as them,
    /// with their own password, which the invitation never touches.
    private func afterJoining(_ req: Request, _ found: Found, account: Person) async throws -> Response {
        let home = SiteMap.Tenant.home.path(found.tenant.slug)
        let joined = "You have joined \(found.organisation.name) in \(found.tenant.name)."
        if req.person?.id == account.id { return req.redirect(to: home, flash: joined) }
        if req.person != nil { try await req.endSession() }
        return req.redirect(to: SiteMap.signIn.path(query: [("next", home)]),
                            flash: "\(joined) Sign in with your existing Waymark password for \(account.email).")
    }

    /// Accepts inside one transaction in the tenant's scope: claims the invitation's next
    /// version first, so of two tabs submitting the same link only one gets through.
    private func write(_ req: Request, _ found: Found,
                       _ person: @escaping @Sendable (any Database, Invitation) async throws -> (Person, Bool)) async throws -> (Person, Bool) {
        let invitation = found.invitation
        return try await DatabaseScope.tenant(invitation.tenantID).run(on: req.db) { db in
            try await db.transaction { tx in
                try await VersionGuard.claim(table: Invitation.schema, id: invitation.id!, expected: invitation.version, on: tx)
                let (account, isNew) = try await person(tx, invitation)
                let role = invitation.roleValue ?? .viewer
                let held = try await Membership.query(on: tx).filter(\.$tenantID == invitation.tenantID).filter(\.$personID == account.id!)
                    .filter(\.$organisationID == invitation.organisationID).filter(\.$role == role.rawValue).first()
                if held == nil {
                    _ = try await PlatformAdmin.addMembership(tenantID: invitation.tenantID, personID: account.id!,
                                                              organisationID: invitation.organisationID, role: role,
                                                              actor: Self.actor(invitation), on: tx)
                }
                invitation.version += 1
                invitation.acceptedAt = AppClock.shared.now()
                invitation.acceptedPersonID = account.id
                try await invitation.save(on: tx)
                try await AuditLog.record(on: tx, tenantID: invitation.tenantID, actor: Self.actor(invitation), action: "invitation.accepted",
                                          entity: "invitation", entityID: invitation.id!.uuidString,
                                          after: ["person": account.id!.uuidString, "new_account": isNew ? "yes" : "no"])
                return (account, isNew)
            }
        }
    }

    /// The person accepting, as the inviting tenant knows them: its own typed name, so the
    /// tenant's audit log never carries a name another tenant holds.
    static func actor(_ invitation: Invitation) -> AuditActor {
        AuditActor(id: invitation.acceptedPersonID, label: "\(invitation.name) <\(invitation.email)> (accepting an invitation)")
    }

    private func find(_ req: Request) async throws -> Found {
        let hash = SecretToken.hash(req.parameters.get("token") ?? "")
        let found = try await req.platformDB { db -> Found? in
            guard let invitation = try await Invitation.query(on: db).filter(\.$tokenHash == hash).first(),
                  let tenant = try await Tenant.find(invitation.tenantID, on: db),
                  let organisation = try await Organisation.find(invitation.organisationID, on: db) else { return nil }
            let account = try await Person.query(on: db).filter(\.$email == invitation.email).first()
            return Found(invitation: invitation, tenant: tenant, organisation: organisation, account: account)
        }
        guard let found else { throw WaymarkError.notFound }
        return found
    }

    /// A used, cancelled or expired link says so plainly (410 Gone), and what to do next.
    private func gone(_ req: Request, _ invitation: Invitation) async throws -> Response? {
        let content: Gone
        switch invitation.state(now: AppClock.shared.now()) {
        case .pending: return nil
        case .accepted:
            content = Gone(heading: "This invitation has already been used",
                           message: "Each invitation link works once. If it was you who accepted it, sign in with your email address and password.",
                           signInHref: SiteMap.signIn.path())
        case .cancelled:
            content = Gone(heading: "This invitation was cancelled",
                           message: "Ask the person who invited you to send a new invitation if you still need one.",
                           signInHref: SiteMap.signIn.path())
        case .expired:
            content = Gone(heading: "This invitation has expired",
                           message: "It could be accepted until \(London.format(invitation.expiresAt)). Ask the person who invited you to send a new one.",
                           signInHref: SiteMap.signIn.path())
        }
        return try await PageRenderer.render(req, "invitations/gone", title: content.heading, content, status: .gone)
    }

    private func render(_ req: Request, _ found: Found, form: AcceptForm, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let invitation = found.invitation
        return try await PageRenderer.render(req, "invitations/accept", title: "Accept your invitation", Page(
            tenant: found.tenant.name, organisation: found.organisation.name,
            role: invitation.roleValue?.label.lowercased() ?? invitation.role, email: invitation.email,
            name: form.name ?? "", hasAccount: found.account != nil,
            action: SiteMap.invitation.path(req.parameters.get("token") ?? ""), minimumLength: PasswordRules.minimumLength), errors: errors, status: status)
    }
}
