import Fluent
import Foundation
import WaymarkDomain

/// People as one tenant knows them. A person is platform-wide and may belong to other
/// tenants, so the name a tenant shows is the one it typed when it invited them (the
/// latest accepted invitation), never the name on their account, which another tenant
/// may have typed or they chose themselves. Members from before invitations existed
/// (the demo, the operator's direct grants) show the account's name.
enum TenantPeople {
    struct Known: Sendable { let id: UUID; let name: String; let email: String }

    static func known(_ personIDs: some Collection<UUID>, _ context: TenantContext) async throws -> [UUID: Known] {
        try await known(personIDs, tenantID: context.tenantID, on: context.db)
    }

    static func known(_ personIDs: some Collection<UUID>, tenantID: UUID, on db: any Database) async throws -> [UUID: Known] {
        let ids = Array(Set(personIDs))
        guard !ids.isEmpty else { return [:] }
        let people = try await Person.query(on: db).filter(\.$id ~~ ids).all()
        let accepted = try await Invitation.query(on: db).filter(\.$tenantID == tenantID)
            .filter(\.$acceptedPersonID ~~ ids.map { UUID?.some($0) }).filter(\.$acceptedAt != nil).all()
        var typed: [UUID: (Date, String)] = [:]
        for invitation in accepted {
            guard let personID = invitation.acceptedPersonID, let at = invitation.acceptedAt else { continue }
            if let seen = typed[personID], seen.0 >= at { continue }
            typed[personID] = (at, invitation.name)
        }
        return Dictionary(uniqueKeysWithValues: people.map { person in
            (person.id!, Known(id: person.id!, name: typed[person.id!]?.1 ?? person.name, email: person.email))
        })
    }

    /// The name the tenant typed for one person, from their latest accepted invitation: one
    /// query, for every tenant request (`TenantContext.knownName`).
    static func typedName(of personID: UUID, tenantID: UUID, on db: any Database) async throws -> String? {
        try await Invitation.query(on: db).filter(\.$tenantID == tenantID).filter(\.$acceptedPersonID == personID)
            .filter(\.$acceptedAt != nil).sort(\.$acceptedAt, .descending).first()?.name
    }

    /// Invitations still waiting, as the page lists them: the typed name and the email only.
    struct Waiting: Encodable, Sendable {
        let name: String; let email: String; let organisation: String; let role: String; let status: String
        let expired: Bool; let version: Int; let resendAction: String; let cancelAction: String
    }

    static func waiting(_ context: TenantContext, organisationID: UUID? = nil, now: Date = AppClock.shared.now()) async throws -> [Waiting] {
        var query = context.query(Invitation.self).filter(\.$acceptedAt == nil).filter(\.$cancelledAt == nil)
        if let organisationID { query = query.filter(\.$organisationID == organisationID) }
        let invitations = try await query.all()
        let names = Dictionary(uniqueKeysWithValues: try await context.organisations(of: invitations.map(\.organisationID)))
        let slug = context.tenant.slug
        return invitations.map { invitation in
            let expired = invitation.state(now: now) == .expired
            return Waiting(
                name: invitation.name, email: invitation.email, organisation: names[invitation.organisationID] ?? "",
                role: invitation.roleValue?.label ?? invitation.role,
                // The tag beside it already says "Invited" or "Expired".
                status: expired ? "on \(London.format(invitation.expiresAt))"
                    : "awaiting acceptance; the link works until \(London.format(invitation.expiresAt))",
                expired: expired, version: invitation.version,
                resendAction: SiteMap.Tenant.invitationResend.path(slug, invitation.id!.uuidString),
                cancelAction: SiteMap.Tenant.invitationCancel.path(slug, invitation.id!.uuidString))
        }.sorted { ($0.name, $0.email) < ($1.name, $1.email) }
    }
}

extension TenantContext {
    /// Names of the tenant's organisations with these ids.
    func organisations(of ids: [UUID]) async throws -> [(UUID, String)] {
        guard !ids.isEmpty else { return [] }
        return try await query(Organisation.self).filter(\.$id ~~ Array(Set(ids))).all().map { ($0.id!, $0.name) }
    }
}
