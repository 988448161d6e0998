import Fluent

/// Open by default (issue 18): what each tenant publishes about itself (its org-id, its
/// 360Giving and OCDS prefixes, the payment size above which each payment is listed), and the
/// commissioner's choice for each contract, specification and route: published (the default) or withheld with a
/// note the public reads, a contract published as a grant, a route's path published. The
/// choices may be null, read as the default: a row saved by code that predates them stays valid.
public struct M020_OpenData: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("tenants").field("org_id", .string).update()
        try await database.schema("tenants").field("grant_prefix", .string).update()
        try await database.schema("tenants").field("ocds_prefix", .string).update()
        try await database.schema("tenants").field("payment_threshold_pence", .int64, .sql(.default(50_000))).update()
        try await database.schema("contracts").field("publication", .string, .sql(.default("public"))).update()
        try await database.schema("contracts").field("withheld_note", .string).update()
        try await database.schema("contracts").field("published_as_grant", .bool, .sql(.default(false))).update()
        try await database.schema("routes").field("publication", .string, .sql(.default("public"))).update()
        try await database.schema("routes").field("withheld_note", .string).update()
        try await database.schema("routes").field("path_published", .bool, .sql(.default(false))).update()
        try await database.schema("specifications").field("publication", .string, .sql(.default("public"))).update()
        try await database.schema("specifications").field("withheld_note", .string).update()
    }

    public func revert(on database: any Database) async throws {
        for field in ["withheld_note", "publication"] { try await database.schema("specifications").deleteField(.string(field)).update() }
        for field in ["path_published", "withheld_note", "publication"] { try await database.schema("routes").deleteField(.string(field)).update() }
        for field in ["published_as_grant", "withheld_note", "publication"] { try await database.schema("contracts").deleteField(.string(field)).update() }
        for field in ["payment_threshold_pence", "ocds_prefix", "grant_prefix", "org_id"] { try await database.schema("tenants").deleteField(.string(field)).update() }
    }
}
