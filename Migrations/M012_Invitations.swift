import Fluent
import SQLKit

/// People are invited, not handed a password: an invitation row per person asked to join
/// an organisation of a tenant with a role. Only a hash of the link's token is stored, so
/// a copy of the database is not a set of working links. `name` is the name the inviting
/// tenant typed, and it is what that tenant shows for the person, before and after they
/// accept: a name another tenant holds for the same email never reaches it.
///
/// The invitation email goes through the email outbox before anyone has an account, so
/// the outbox's recipient person becomes optional.
public struct M012_Invitations: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("invitations")
            .id()
            .tenantOwned()
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("invited_by", .uuid, .references("people", "id", onDelete: .setNull))
            .field("invited_by_label", .string, .required)
            .field("created_at", .datetime, .required)
            .field("accepted_at", .datetime)
            .field("accepted_person_id", .uuid, .references("people", "id", onDelete: .setNull))
            .field("cancelled_at", .datetime)
            .field("version", .int, .required)
            .unique(on: "token_hash")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "invitations_by_email").on("invitations").column("tenant_id").column("email").run()
        }
        try await RowLevelSecurity.protect(TenantOwnedTables.invitations, on: database)
        try await Self.outboxPersonOptional(database)
    }

    public func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" {
            try await sql.raw("DELETE FROM email_outbox WHERE person_id IS NULL").run()
            try await sql.raw("ALTER TABLE email_outbox ALTER COLUMN person_id SET NOT NULL").run()
        }
        // SQLite keeps the optional column: M007's revert drops the table anyway.
        try await RowLevelSecurity.unprotect(TenantOwnedTables.invitations, on: database)
        try await database.schema("invitations").delete()
    }

    /// PostgreSQL drops the constraint in place. SQLite cannot alter a column, so the
    /// table is rebuilt with the same columns and its rows copied across.
    static func outboxPersonOptional(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "postgresql" {
            try await sql.raw("ALTER TABLE email_outbox ALTER COLUMN person_id DROP NOT NULL").run()
            return
        }
        try await database.schema("email_outbox_rebuilt")
            .id()
            .tenantOwned()
            .field("person_id", .uuid, .references("people", "id", onDelete: .cascade))
            .field("to_address", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("attempts", .int, .required)
            .field("last_error", .string)
            .create()
        let columns = "id, tenant_id, person_id, to_address, subject, body, created_at, sent_at, attempts, last_error"
        try await sql.raw("INSERT INTO email_outbox_rebuilt (\(unsafeRaw: columns)) SELECT \(unsafeRaw: columns) FROM email_outbox").run()
        try await sql.raw("DROP TABLE email_outbox").run()
        try await sql.raw("ALTER TABLE email_outbox_rebuilt RENAME TO email_outbox").run()
    }
}
