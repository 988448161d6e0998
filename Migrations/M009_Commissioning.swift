import Fluent

/// The commissioning cycle: specifications and their clarification questions, bids with every
/// submission kept, the evaluation panel (assessors, conflict declarations, scores, agreed
/// scores), awards, contracts with their variations, and payment lines.
///
/// A specification's and a contract's terms are stored as the domain's JSON (one document read
/// and written whole with its row, portable to both databases), with the columns lists and
/// guards need — status, closing instant, version — beside it. Submissions, declarations,
/// scores and variations are rows of their own and are only ever added, so the history of who
/// said what, when, stays whole.
public struct M009_Commissioning: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("specifications")
            .id()
            .tenantOwned()
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("definition", .string, .required)
            .field("closes_at", .datetime, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("published_at", .datetime)
            .field("version", .int, .required)
            .create()

        try await database.schema("clarifications")
            .id()
            .tenantOwned()
            .field("specification_id", .uuid, .required, .references("specifications", "id", onDelete: .cascade))
            .field("question", .string, .required)
            // Who asked is kept for the record but never shown: the answer goes to every bidder.
            .field("asked_by_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("asked_by", .uuid, .required)
            .field("asked_at", .datetime, .required)
            .field("answer", .string)
            .field("answered_by", .string)
            .field("answered_at", .datetime)
            .create()

        try await database.schema("bids")
            .id()
            .tenantOwned()
            .field("specification_id", .uuid, .required, .references("specifications", "id", onDelete: .cascade))
            .field("provider_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("draft", .string)
            .field("draft_saved_at", .datetime)
            .field("draft_saved_by", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "specification_id", "provider_organisation_id")
            .create()

        try await database.schema("bid_versions")
            .id()
            .tenantOwned()
            .field("bid_id", .uuid, .required, .references("bids", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("content", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("submitted_by", .uuid, .required)
            .field("withdrawn_at", .datetime)
            .unique(on: "bid_id", "number")
            .create()

        try await database.schema("panel_assessors")
            .id()
            .tenantOwned()
            .field("specification_id", .uuid, .required, .references("specifications", "id", onDelete: .cascade))
            .field("person_id", .uuid, .required, .references("people", "id"))
            .field("assigned_at", .datetime, .required)
            .field("assigned_by", .string, .required)
            .unique(on: "specification_id", "person_id")
            .create()

        try await database.schema("conflict_declarations")
            .id()
            .tenantOwned()
            .field("specification_id", .uuid, .required, .references("specifications", "id", onDelete: .cascade))
            .field("assessor_id", .uuid, .required)
            .field("bidder_id", .uuid, .required)
            .field("conflicted", .bool, .required)
            .field("reason", .string, .required)
            .field("declared_at", .datetime, .required)
            .create()

        try await database.schema("assessor_scores")
            .id()
            .tenantOwned()
            .field("specification_id", .uuid, .required, .references("specifications", "id", onDelete: .cascade))
            .field("bid_id", .uuid, .required, .references("bids", "id", onDelete: .cascade))
            .field("assessor_id", .uuid, .required)
            .field("item", .string, .required)
            .field("score", .int, .required)
            .field("justification", .string, .required)
            .field("scored_at", .datetime, .required)
            .create()

        try await database.schema("moderated_scores")
            .id()
            .tenantOwned()
            .field("specification_id", .uuid, .required, .references("specifications", "id", onDelete: .cascade))
            .field("bid_id", .uuid, .required, .references("bids", "id", onDelete: .cascade))
            .field("item", .string, .required)
            .field("score", .int, .required)
            .field("note", .string, .required)
            .field("moderated_by", .uuid, .required)
            .field("moderated_at", .datetime, .required)
            .create()

        try await database.schema("awards")
            .id()
            .tenantOwned()
            .field("specification_id", .uuid, .required, .references("specifications", "id", onDelete: .cascade))
            .field("winning_bid_id", .uuid, .required, .references("bids", "id"))
            .field("reasons", .string, .required)
            .field("decided_by", .uuid, .required)
            .field("decided_at", .datetime, .required)
            .unique(on: "specification_id")
            .create()

        try await database.schema("contracts")
            .id()
            .tenantOwned()
            .field("reference", .string, .required)
            .field("title", .string, .required)
            .field("specification_id", .uuid, .references("specifications", "id"))
            .field("awarded_bid_id", .uuid, .references("bids", "id"))
            .field("provider_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("value_pence", .int64, .required)
            // The terms as made (start, end, routes and values) as the domain's JSON.
            .field("original_terms", .string, .required)
            .field("kpis", .string, .required)
            .field("funding_links", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "tenant_id", "reference")
            .create()

        try await database.schema("contract_variations")
            .id()
            .tenantOwned()
            .field("contract_id", .uuid, .required, .references("contracts", "id", onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("change", .string, .required)
            .field("reason", .string, .required)
            .field("effective_day", .string, .required)
            .field("approved_by", .uuid, .required)
            .field("approved_at", .datetime, .required)
            .unique(on: "contract_id", "sequence")
            .create()

        try await database.schema("payment_lines")
            .id()
            .tenantOwned()
            .field("contract_id", .uuid, .required, .references("contracts", "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("start_day", .string, .required)
            .field("end_day", .string, .required)
            .field("amount_pence", .int64, .required)
            .field("paid_on", .string)
            .field("paid_by", .uuid)
            .create()

        try await RowLevelSecurity.protect(TenantOwnedTables.commissioning, on: database)
    }

    public func revert(on database: any Database) async throws {
        try await RowLevelSecurity.unprotect(TenantOwnedTables.commissioning, on: database)
        for table in TenantOwnedTables.commissioning.reversed() {
            try await database.schema(table).delete()
        }
    }
}
