import Fluent
import Foundation

/// A personal API token: scoped to one tenant, shown once, stored as a hash.
final class APIToken: Model, TenantOwned, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "prefix") var prefix: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    /// Tokens read "wmk_" + 43 characters; the prefix shown in lists lets people tell
    /// them apart without revealing them.
    static func mint() -> (token: String, hash: String, prefix: String) {
        let token = "wmk_" + SecretToken.make()
        return (token, SecretToken.hash(token), String(token.prefix(12)))
    }
}
