import Fluent
import Foundation
import WaymarkDomain

/// Someone asked to join an organisation of a tenant with a role (M012). The link's
/// token is never stored, only its SHA-256; a resend replaces the hash, so an older
/// link stops working.
final class Invitation: Model, TenantOwned, @unchecked Sendable {
    static let schema = "invitations"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "role") var role: String
    @Field(key: "email") var email: String
    /// The name as the inviting tenant typed it: what that tenant shows for the person.
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "invited_by") var invitedBy: UUID?
    @Field(key: "invited_by_label") var invitedByLabel: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    @OptionalField(key: "accepted_person_id") var acceptedPersonID: UUID?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @Field(key: "version") var version: Int

    init() {}

    init(tenantID: UUID, organisationID: UUID, role: Role, email: String, name: String, tokenHash: String,
         invitedBy: UUID?, invitedByLabel: String, now: Date) {
        self.tenantID = tenantID
        self.organisationID = organisationID
        self.role = role.rawValue
        self.email = email
        self.name = name
        self.tokenHash = tokenHash
        self.expiresAt = now.addingTimeInterval(InvitationState.lifetime)
        self.invitedBy = invitedBy
        self.invitedByLabel = invitedByLabel
        self.createdAt = now
        self.version = 1
    }

    func state(now: Date) -> InvitationState {
        InvitationState.of(acceptedAt: acceptedAt, cancelledAt: cancelledAt, expiresAt: expiresAt, now: now)
    }

    var roleValue: Role? { Role(rawValue: role) }

    /// What the audit log keeps: never the token or its hash.
    struct Snapshot: Encodable {
        let email: String, name: String, organisation: String, role: String, expires_at: Date
        init(_ invitation: Invitation) {
            email = invitation.email; name = invitation.name; organisation = invitation.organisationID.uuidString
            role = invitation.role; expires_at = invitation.expiresAt
        }
    }
}
