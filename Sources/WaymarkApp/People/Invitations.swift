import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// Inviting people, resending and cancelling invitations: shared by the organisation
/// page, the people import and the operator console, so the rules are checked once.
enum Invitations {
    struct Refused: Error { let errors: [FieldError] }

    /// A person to invite, checked: a name, an email in the right shape, and a role.
    struct Invitee: Sendable, Equatable {
        let name: String
        let email: String
        let role: Role
    }

    /// Checks the typed fields, every problem at once, named by field.
    static func check(name rawName: String?, email rawEmail: String?, role rawRole: String?) -> Result<Invitee, Refused> {
        let name = (rawName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let email = Person.normalise(email: rawEmail ?? "")
        var errors: [FieldError] = []
        if email.isEmpty { errors.append(.init(field: "email", message: "Enter the person's email address")) }
        else if !Person.looksLikeEmail(email) {
            errors.append(.init(field: "email", message: "Enter an email address in the correct format, like name@example.org"))
        }
        if name.isEmpty || name.count > 160 {
            errors.append(.init(field: "name", message: "Enter the person's name as your organisation knows them (160 characters at most)"))
        }
        let role = Role(rawValue: rawRole ?? "")
        if role == nil { errors.append(.init(field: "role", message: "Choose the person's role")) }
        guard errors.isEmpty, let role else { return .failure(Refused(errors: errors)) }
        return .success(Invitee(name: name, email: email, role: role))
    }

    /// `check`, and whether the person already holds the role or is already invited (which
    /// needs only the email and the role), all at once.
    static func check(name: String?, email: String?, role: String?, organisationID: UUID?, tenantID: UUID,
                      on db: any Database, now: Date = AppClock.shared.now()) async throws -> Result<Invitee, Refused> {
        let typed = check(name: name, email: email, role: role)
        let normalised = Person.normalise(email: email ?? "")
        guard let organisationID, let chosen = Role(rawValue: role ?? ""), Person.looksLikeEmail(normalised),
              let problem = try await conflict(Invitee(name: "", email: normalised, role: chosen), organisationID: organisationID,
                                               tenantID: tenantID, on: db, now: now) else { return typed }
        switch typed {
        case .failure(let refused): return .failure(Refused(errors: refused.errors + [problem]))
        case .success: return .failure(Refused(errors: [problem]))
        }
    }

    /// Why this tenant cannot invite this email to this organisation with this role, or
    /// nil. Only this tenant's memberships and invitations are consulted, so the answer
    /// says nothing about whether the email has an account elsewhere.
    static func conflict(_ invitee: Invitee, organisationID: UUID, tenantID: UUID, on db: any Database, now: Date) async throws -> FieldError? {
        if let person = try await Person.query(on: db).filter(\.$email == invitee.email).first(),
           try await Membership.query(on: db).filter(\.$tenantID == tenantID).filter(\.$personID == person.id!)
               .filter(\.$organisationID == organisationID).filter(\.$role == invitee.role.rawValue).first() != nil {
            return .init(field: "email", message: "This person already has that role in that organisation")
        }
        let open = try await Invitation.query(on: db).filter(\.$tenantID == tenantID).filter(\.$email == invitee.email)
            .filter(\.$organisationID == organisationID).filter(\.$role == invitee.role.rawValue).all()
        if open.contains(where: { $0.state(now: now) == .pending }) {
            return .init(field: "email", message: "\(invitee.email) is already invited with that role in that organisation: resend that invitation instead")
        }
        return nil
    }

    /// Creates the invitation and queues its email, inside the caller's transaction.
    /// Returns the link: callers other than the operator console must not show it.
    @discardableResult
    static func create(_ invitee: Invitee, organisation: Organisation, tenant: Tenant, actor: AuditActor,
                       links: InvitationLinks, on db: any Database, now: Date = AppClock.shared.now()) async throws -> String {
        if let problem = try await conflict(invitee, organisationID: organisation.id!, tenantID: tenant.id!, on: db, now: now) {
            throw Refused(errors: [problem])
        }
        let token = SecretToken.make()
        let invitation = Invitation(tenantID: tenant.id!, organisationID: organisation.id!, role: invitee.role, email: invitee.email,
                                    name: invitee.name, tokenHash: SecretToken.hash(token), invitedBy: actor.id,
                                    invitedByLabel: actor.label, now: now)
        try await invitation.create(on: db)
        let url = try await queueEmail(invitation, token: token, organisation: organisation, tenant: tenant, links: links, on: db, now: now)
        try await AuditLog.record(on: db, tenantID: tenant.id, actor: actor, action: "invitation.created", entity: "invitation",
                                  entityID: invitation.id!.uuidString, after: Invitation.Snapshot(invitation))
        return url
    }

    /// A new link for the same invitation: the old one stops working, the clock restarts.
    @discardableResult
    static func resend(_ invitation: Invitation, organisation: Organisation, tenant: Tenant, actor: AuditActor,
                       links: InvitationLinks, on db: any Database, now: Date = AppClock.shared.now()) async throws -> String {
        let token = SecretToken.make()
        invitation.tokenHash = SecretToken.hash(token)
        invitation.expiresAt = now.addingTimeInterval(InvitationState.lifetime)
        try await invitation.save(on: db)
        let url = try await queueEmail(invitation, token: token, organisation: organisation, tenant: tenant, links: links, on: db, now: now)
        try await AuditLog.record(on: db, tenantID: tenant.id, actor: actor, action: "invitation.resent", entity: "invitation",
                                  entityID: invitation.id!.uuidString, after: Invitation.Snapshot(invitation))
        return url
    }

    static func cancel(_ invitation: Invitation, tenantID: UUID, actor: AuditActor, on db: any Database, now: Date = AppClock.shared.now()) async throws {
        invitation.cancelledAt = now
        try await invitation.save(on: db)
        try await AuditLog.record(on: db, tenantID: tenantID, actor: actor, action: "invitation.cancelled", entity: "invitation",
                                  entityID: invitation.id!.uuidString, before: Invitation.Snapshot(invitation))
    }

    private static func queueEmail(_ invitation: Invitation, token: String, organisation: Organisation, tenant: Tenant,
                                   links: InvitationLinks, on db: any Database, now: Date) async throws -> String {
        let url = links.url(token: token)
        let role = invitation.roleValue?.label.lowercased() ?? invitation.role
        let expires = London.format(invitation.expiresAt)
        let body = """
            Hello \(invitation.name),

            You have been invited to join \(organisation.name) on Waymark, for \(tenant.name), as \(role).

            To accept, open this link:
            \(url)

            The link works once and until \(expires). If you already use Waymark, accepting adds this role to your \
            account and you keep your password. If you were not expecting this email, you can ignore it.
            """
        let existing = try await Person.query(on: db).filter(\.$email == invitation.email).first()
        try await OutboxEmail(tenantID: invitation.tenantID, personID: existing?.id, to: invitation.email,
                              subject: "Waymark: you are invited to \(tenant.name)", body: body, at: now).create(on: db)
        links.noteIssued(url, email: invitation.email)
        return url
    }
}
