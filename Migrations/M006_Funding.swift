import Fluent

/// Funding sources, the record of their status changes, and allocations of a source's
/// money to routes. Money is integer pence; periods are ISO day text (DESIGN.md, Storage).
public struct M006_Funding: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("funding_sources")
            .id()
            .tenantOwned()
            .field("funder_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("programme", .string, .required)
            .field("kind", .string, .required)
            .field("amount_pence", .int64, .required)
            .field("start_day", .string, .required)
            .field("end_day", .string, .required)
            .field("status", .string, .required)
            // Sets of ids as JSON text: read whole with the source, portable to both databases.
            .field("restricted_authority_ids", .string, .required)
            .field("restricted_route_ids", .string, .required)
            .field("renewable", .bool, .required)
            .field("reference", .string, .required)
            .field("conditions", .string, .required)
            .field("documents", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()

        try await database.schema("funding_status_changes")
            .id()
            .tenantOwned()
            .field("source_id", .uuid, .required, .references("funding_sources", "id", onDelete: .cascade))
            .field("from_status", .string)
            .field("to_status", .string, .required)
            .field("changed_by", .string, .required)
            .field("changed_at", .datetime, .required)
            .create()

        try await database.schema("allocations")
            .id()
            .tenantOwned()
            .field("source_id", .uuid, .required, .references("funding_sources", "id", onDelete: .cascade))
            .field("route_id", .uuid, .required, .references("routes", "id", onDelete: .cascade))
            .field("amount_pence", .int64, .required)
            .field("start_day", .string, .required)
            .field("end_day", .string, .required)
            .field("entered_at", .datetime, .required)
            .field("version", .int, .required)
            .create()

        try await RowLevelSecurity.protect(TenantOwnedTables.funding, on: database)
    }

    public func revert(on database: any Database) async throws {
        try await RowLevelSecurity.unprotect(TenantOwnedTables.funding, on: database)
        for table in ["allocations", "funding_status_changes", "funding_sources"] {
            try await database.schema(table).delete()
        }
    }
}
