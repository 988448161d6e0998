import Fluent

/// The day each funding fact took effect in the world, beside the moment Waymark was told
/// (DESIGN.md, "Time: as of"): a source's status changes (pledged, confirmed, received,
/// withdrawn on a day) and an allocation's agreed-on day. Nullable, so rows stored before
/// keep reading as they did: without an effective day, a fact took effect the day it was
/// recorded (`FundingStatusChange.effectiveDay`, `AllocationRecord.agreedOn`).
public struct M014_EffectiveDays: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("funding_status_changes")
            .field("effective_day", .string)
            .update()
        try await database.schema("allocations")
            .field("agreed_on", .string)
            .update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("allocations").deleteField("agreed_on").update()
        try await database.schema("funding_status_changes").deleteField("effective_day").update()
    }
}
