import Fluent

/// Daily use (issue 17): each person's email preferences (the kinds they want no email for, and
/// whether they want one weekly digest instead); who asked for a forecast run, who hears when it
/// finishes; and the feedback people send from the beta banner, which the operators read.
public struct M019_Notifications: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("people").field("email_off_kinds", .string, .required, .sql(.default(""))).update()
        try await database.schema("people").field("weekly_digest", .bool, .required, .sql(.default(false))).update()
        try await database.schema("forecast_scenarios").field("run_by_person_id", .uuid).update()
        try await database.schema("feedback")
            .id()
            .field("person_id", .uuid)
            .field("page", .string, .required)
            .field("message", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("feedback").delete()
        try await database.schema("forecast_scenarios").deleteField("run_by_person_id").update()
        try await database.schema("people").deleteField("weekly_digest").update()
        try await database.schema("people").deleteField("email_off_kinds").update()
    }
}
