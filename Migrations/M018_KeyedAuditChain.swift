import Fluent

/// Which digest an audit entry carries (issue 16): 1, the original SHA-256 of its columns; 2,
/// an HMAC-SHA-256 keyed with a secret kept outside the database, over every stored column, the
/// entry's id included. Existing entries keep 1 until the application rekeys their chains,
/// once it has checked them, at its next start (`AuditRekeying`).
public struct M018_KeyedAuditChain: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries").field("scheme", .int, .required, .sql(.default(1))).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("audit_entries").deleteField("scheme").update()
    }
}
