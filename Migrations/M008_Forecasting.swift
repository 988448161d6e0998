import Fluent

/// Saved forecast scenarios: the definition people build (the scenario JSON of
/// docs/scenario-format.md, with the as-of date and horizon it starts from), the state of
/// its latest run, and that run's results, kept so they can be revisited and shared.
public struct M008_Forecasting: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("forecast_scenarios")
            .id()
            .tenantOwned()
            .field("name", .string, .required)
            .field("description", .string, .required)
            .field("definition", .string, .required)
            .field("as_of_day", .string, .required)
            .field("horizon_months", .int, .required)
            .field("shared", .bool, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            // The latest run: its state, who asked for it, and (when finished) the results
            // together with the exact definition they came from, so an edit after the run
            // is noticed rather than silently shown against old figures.
            .field("run_state", .string, .required)
            .field("run_by", .string)
            .field("run_requested_at", .datetime)
            .field("run_finished_at", .datetime)
            .field("run_error", .string)
            .field("run_definition", .string)
            .field("results", .string)
            .create()

        try await RowLevelSecurity.protect(TenantOwnedTables.forecasting, on: database)
    }

    public func revert(on database: any Database) async throws {
        try await RowLevelSecurity.unprotect(TenantOwnedTables.forecasting, on: database)
        try await database.schema("forecast_scenarios").delete()
    }
}
