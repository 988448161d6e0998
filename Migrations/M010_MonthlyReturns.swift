import Fluent
import FluentSQL
import SQLKit

/// Monthly returns: one per contract per month. The return row carries its status, due day
/// (moved by an extension), and the provider's working draft; every submission is a version
/// row of its own, and every review step (approve, query with line comments, return) a review
/// row, both only ever added, so the whole exchange can be read back.
///
/// The tenant's chosen working day for the due date lives on the tenant (default the 10th).
public struct M010_MonthlyReturns: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("tenants")
            .field("return_due_working_day", .int, .required, .sql(.default(10)))
            .update()

        try await database.schema("monthly_returns")
            .id()
            .tenantOwned()
            .field("contract_id", .uuid, .required, .references("contracts", "id", onDelete: .cascade))
            .field("month", .string, .required)
            .field("status", .string, .required)
            .field("due_day", .string, .required)
            .field("extension_reason", .string)
            .field("extended_by", .string)
            .field("extended_at", .datetime)
            .field("draft", .string)
            .field("draft_saved_at", .datetime)
            .field("draft_saved_by", .string)
            .field("first_submitted_at", .datetime)
            .field("latest_version", .int, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "contract_id", "month")
            .create()

        try await database.schema("return_versions")
            .id()
            .tenantOwned()
            .field("return_id", .uuid, .required, .references("monthly_returns", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("content", .string, .required)
            .field("channel", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("submitted_by", .uuid, .required)
            .field("submitted_by_name", .string, .required)
            .unique(on: "return_id", "number")
            .create()

        try await database.schema("return_reviews")
            .id()
            .tenantOwned()
            .field("return_id", .uuid, .required, .references("monthly_returns", "id", onDelete: .cascade))
            .field("version_number", .int, .required)
            .field("step", .string, .required)
            .field("note", .string, .required)
            .field("line_comments", .string, .required)
            .field("reviewed_by", .string, .required)
            .field("reviewed_at", .datetime, .required)
            .create()

        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "monthly_returns_by_status").on("monthly_returns").column("tenant_id").column("status").run()
        }
        try await RowLevelSecurity.protect(TenantOwnedTables.monthlyReturns, on: database)
    }

    public func revert(on database: any Database) async throws {
        try await RowLevelSecurity.unprotect(TenantOwnedTables.monthlyReturns, on: database)
        for table in TenantOwnedTables.monthlyReturns.reversed() { try await database.schema(table).delete() }
        try await database.schema("tenants").deleteField("return_due_working_day").update()
    }
}
