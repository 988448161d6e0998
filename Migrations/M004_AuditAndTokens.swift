import Fluent

/// The hash-chained audit log and personal API tokens.
public struct M004_AuditAndTokens: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        // One chain per tenant (and one for the platform): a tenant's transaction
        // can extend its own chain under row-level security, and (chain, seq) is
        // unique so two concurrent writers cannot fork it.
        try await database.schema("audit_entries")
            .id()
            .field("tenant_id", .uuid, .references("tenants", "id", onDelete: .restrict))
            .field("chain", .string, .required)
            .field("seq", .int64, .required)
            .field("actor_id", .uuid)
            .field("actor_label", .string, .required)
            .field("action", .string, .required)
            .field("entity", .string, .required)
            .field("entity_id", .string, .required)
            .field("before_json", .string)
            .field("after_json", .string)
            .field("at_ms", .int64, .required)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "chain", "seq")
            .create()

        try await database.schema("api_tokens")
            .id()
            .tenantOwned()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").delete()
        try await database.schema("audit_entries").delete()
    }
}
