import Fluent

/// Organisations, memberships, local authorities, areas and schools: the who and
/// where of a tenant.
public struct M002_Organisations: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("term_calendars")
            .id()
            .tenantOwned()
            .field("name", .string, .required)
            .field("version", .int, .required)
            .unique(on: "tenant_id", "name")
            .create()

        try await database.schema("term_periods")
            .id()
            .tenantOwned()
            .field("calendar_id", .uuid, .required, .references("term_calendars", "id", onDelete: .cascade))
            .field("academic_year", .string, .required)
            .field("kind", .string, .required)
            .field("start_day", .string, .required)
            .field("end_day", .string, .required)
            .create()

        try await database.schema("local_authorities")
            .id()
            .tenantOwned()
            .field("name", .string, .required)
            .field("gss_code", .string, .required)
            .field("calendar_id", .uuid, .references("term_calendars", "id", onDelete: .setNull))
            .field("version", .int, .required)
            .unique(on: "tenant_id", "gss_code")
            .unique(on: "tenant_id", "name")
            .create()

        try await database.schema("organisations")
            .id()
            .tenantOwned()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("gss_code", .string)
            .field("charity_number", .string)
            .field("company_number", .string)
            .field("urn", .string)
            .field("local_authority_id", .uuid, .references("local_authorities", "id", onDelete: .setNull))
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "tenant_id", "name")
            .create()

        try await database.schema("memberships")
            .id()
            .tenantOwned()
            .field("person_id", .uuid, .required, .references("people", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "person_id", "organisation_id", "role")
            .create()

        try await database.schema("areas")
            .id()
            .tenantOwned()
            .field("local_authority_id", .uuid, .required, .references("local_authorities", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .unique(on: "tenant_id", "local_authority_id", "name")
            .create()

        try await database.schema("schools")
            .id()
            .tenantOwned()
            .field("local_authority_id", .uuid, .required, .references("local_authorities", "id"))
            .field("area_id", .uuid, .references("areas", "id", onDelete: .setNull))
            .field("name", .string, .required)
            .field("urn", .string, .required)
            .field("phase", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("version", .int, .required)
            .unique(on: "tenant_id", "urn")
            .create()
    }

    public func revert(on database: any Database) async throws {
        for table in ["schools", "areas", "memberships", "organisations", "local_authorities",
                      "term_periods", "term_calendars"] {
            try await database.schema(table).delete()
        }
    }
}
