import Fluent

/// Every tenant-owned table, in one list: the row-level security migration and
/// the isolation tests both read it, so a new table cannot be forgotten by one
/// and remembered by the other.
public enum TenantOwnedTables {
    public static let all: [String] = [
        "term_calendars", "term_periods", "local_authorities", "organisations", "memberships",
        "areas", "schools", "routes", "route_schools", "route_costs", "api_tokens",
        "audit_entries",
    ]
}

extension SchemaBuilder {
    /// The `tenant_id` column every tenant-owned table carries.
    func tenantOwned() -> Self {
        field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
    }
}
