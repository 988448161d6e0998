import Fluent

/// An operator's password reset gives a one-time password (issue 16): it signs in once, before
/// it expires, and the person must then choose their own. `must_change_password` marks such an
/// account; `one_time_password_expires_at` is when the password stops working.
public struct M017_OneTimePasswords: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("people").field("must_change_password", .bool, .required, .sql(.default(false))).update()
        try await database.schema("people").field("one_time_password_expires_at", .datetime).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("people").deleteField("one_time_password_expires_at").update()
        try await database.schema("people").deleteField("must_change_password").update()
    }
}
