import Fluent

/// Platform-wide tables: tenants, people and their sign-in state. None of these is
/// tenant-owned, so none carries row-level security.
public struct M001_Platform: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("tenants")
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("at_risk_window_days", .int, .required)
            .field("watch_window_days", .int, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()

        try await database.schema("people")
            .id()
            .field("name", .string, .required)
            .field("email", .string, .required)
            .field("password_hash", .string, .required)
            .field("is_operator", .bool, .required)
            .field("version", .int, .required)
            .field("password_changed_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "email")
            .create()

        // The session id is never stored: only its SHA-256, so a leaked table
        // cannot be replayed as cookies.
        try await database.schema("web_sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("person_id", .uuid, .references("people", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()

        try await database.schema("sign_in_attempts")
            .id()
            .field("email", .string, .required)
            .field("ip_address", .string, .required)
            .field("succeeded", .bool, .required)
            .field("attempted_at", .datetime, .required)
            .create()
    }

    public func revert(on database: any Database) async throws {
        for table in ["sign_in_attempts", "web_sessions", "people", "tenants"] {
            try await database.schema(table).delete()
        }
    }
}
