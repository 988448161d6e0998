import Fluent

/// Saved forecasting scenarios (Forecasting issue): the scenario as its documented JSON,
/// and the last result computed from it, kept so it can be revisited and shared.
public struct M008_Scenarios: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("scenarios")
            .id()
            .tenantOwned()
            .field("name", .string, .required)
            .field("as_of_day", .string, .required)
            .field("spec_json", .string, .required)
            .field("result_json", .string)
            .field("result_at", .datetime)
            .field("shared_with_partners", .bool, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("version", .int, .required)
            .create()
        try await RowLevelSecurity.protect(TenantOwnedTables.scenarios, on: database)
    }

    public func revert(on database: any Database) async throws {
        try await RowLevelSecurity.unprotect(TenantOwnedTables.scenarios, on: database)
        try await database.schema("scenarios").delete()
    }
}
