import Fluent

/// Notifications for every workflow event (issue 17): each person's email preferences (the kinds
/// they want no email for, and whether they want one weekly digest instead), and who asked for a
/// forecast run, who hears when it finishes.
public struct M019_Notifications: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("people").field("email_off_kinds", .string, .required, .sql(.default(""))).update()
        try await database.schema("people").field("weekly_digest", .bool, .required, .sql(.default(false))).update()
        try await database.schema("forecast_scenarios").field("run_by_person_id", .uuid).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("forecast_scenarios").deleteField("run_by_person_id").update()
        try await database.schema("people").deleteField("weekly_digest").update()
        try await database.schema("people").deleteField("email_off_kinds").update()
    }
}
