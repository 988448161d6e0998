import Fluent

/// Partners' pledges, and the alerts that tell people when a route's funding changes:
/// each person's in-app inbox, the email outbox, and what has already been alerted so
/// the same change never alerts twice.
public struct M007_PledgesAndAlerts: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        // A pledge is made together with its funding source (status pledged) and that
        // source's allocations, so projected coverage counts it at once; the pledge row
        // holds the conversation around it: who pledged, the decision and its reason.
        try await database.schema("pledges")
            .id()
            .tenantOwned()
            .field("source_id", .uuid, .required, .references("funding_sources", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("state", .string, .required)
            .field("note", .string, .required)
            .field("decision_reason", .string, .required)
            .field("pledged_by", .string, .required)
            .field("pledged_at", .datetime, .required)
            .field("decided_by", .string)
            .field("decided_at", .datetime)
            .field("version", .int, .required)
            .unique(on: "source_id")
            .create()

        try await database.schema("notifications")
            .id()
            .tenantOwned()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("headline", .string, .required)
            .field("body", .string, .required)
            .field("link", .string, .required)
            .field("alert_key", .string, .required)
            .field("as_of_day", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()

        try await database.schema("email_outbox")
            .id()
            .tenantOwned()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("to_address", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("attempts", .int, .required)
            .field("last_error", .string)
            .create()

        // One row per alert already sent (its key), so a rerun of the same day, or of any
        // later day with nothing new, writes nothing.
        try await database.schema("alert_keys")
            .id()
            .tenantOwned()
            .field("key", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "tenant_id", "key")
            .create()

        // The status each route was last alerted at: the "before" of the next change.
        try await database.schema("route_alert_states")
            .id()
            .tenantOwned()
            .field("route_id", .uuid, .required, .references("routes", "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("as_of_day", .string, .required)
            .unique(on: "route_id")
            .create()

        try await RowLevelSecurity.protect(TenantOwnedTables.pledgesAndAlerts, on: database)
    }

    public func revert(on database: any Database) async throws {
        try await RowLevelSecurity.unprotect(TenantOwnedTables.pledgesAndAlerts, on: database)
        for table in TenantOwnedTables.pledgesAndAlerts.reversed() {
            try await database.schema(table).delete()
        }
    }
}
