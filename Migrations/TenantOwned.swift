import Fluent

/// Every tenant-owned table, in one list: the row-level security migration and
/// the isolation tests both read it, so a new table cannot be forgotten by one
/// and remembered by the other.
/// Each migration that adds tenant-owned tables protects its own list, because a
/// migration that has already run never sees tables added after it.
public enum TenantOwnedTables {
    /// Protected by M005.
    public static let foundation: [String] = [
        "term_calendars", "term_periods", "local_authorities", "organisations", "memberships",
        "areas", "schools", "routes", "route_schools", "route_costs", "api_tokens",
        "audit_entries",
    ]
    /// Protected by M006.
    public static let funding: [String] = ["funding_sources", "funding_status_changes", "allocations"]
    /// Protected by M007.
    public static let pledgesAndAlerts: [String] = [
        "pledges", "notifications", "email_outbox", "alert_keys", "route_alert_states",
    ]

    /// Protected by M008.
    public static let forecasting: [String] = ["forecast_scenarios"]

    /// Protected by M009, in creation order (reverted from the end).
    public static let commissioning: [String] = [
        "specifications", "clarifications", "bids", "bid_versions", "panel_assessors", "conflict_declarations",
        "assessor_scores", "moderated_scores", "awards", "contracts", "contract_variations", "payment_lines",
    ]

    public static let monthlyReturns: [String] = ["monthly_returns", "return_versions", "return_reviews"]

    /// Protected by M012.
    public static let invitations: [String] = ["invitations"]

    public static let all: [String] = foundation + funding + pledgesAndAlerts + forecasting + commissioning + monthlyReturns
        + invitations
}

extension SchemaBuilder {
    /// The `tenant_id` column every tenant-owned table carries.
    func tenantOwned() -> Self {
        field("tenant_id", .uuid, .required, .references("tenants", "id", onDelete: .cascade))
    }
}
