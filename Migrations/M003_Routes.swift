import Fluent

/// Routes, the schools they serve and their effective-dated daily costs.
public struct M003_Routes: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("routes")
            .id()
            .tenantOwned()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("local_authority_id", .uuid, .required, .references("local_authorities", "id"))
            .field("area_id", .uuid, .references("areas", "id", onDelete: .setNull))
            .field("children_per_day", .int, .required)
            .field("status", .string, .required)
            .field("start_day", .string)
            .field("end_day", .string)
            // Ordered points as JSON text: portable across SQLite and PostgreSQL,
            // and a route's path is only ever read whole.
            .field("path_json", .string, .required)
            .field("chaperone_points_json", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "tenant_id", "code")
            .create()

        try await database.schema("route_schools")
            .id()
            .tenantOwned()
            .field("route_id", .uuid, .required, .references("routes", "id", onDelete: .cascade))
            .field("school_id", .uuid, .required, .references("schools", "id", onDelete: .cascade))
            .unique(on: "route_id", "school_id")
            .create()

        try await database.schema("route_costs")
            .id()
            .tenantOwned()
            .field("route_id", .uuid, .required, .references("routes", "id", onDelete: .cascade))
            .field("effective_from", .string, .required)
            .field("chaperones", .int, .required)
            .field("minutes_per_day", .int, .required)
            .field("hourly_rate_pence", .int64, .required)
            .field("daily_management_pence", .int64, .required)
            .unique(on: "route_id", "effective_from")
            .create()
    }

    public func revert(on database: any Database) async throws {
        for table in ["route_costs", "route_schools", "routes"] {
            try await database.schema(table).delete()
        }
    }
}
