import Fluent

/// Contracts let before or outside Waymark (issue 14, "Moving in"): how each was let, and the
/// day it was signed. Both are nullable so the contracts already stored keep reading as they
/// did: a contract with no `how_let` and a specification was awarded in Waymark. Days are ISO
/// text, as everywhere. `contracts` is already under row-level security (M009), and adding
/// columns leaves its policy in place.
public struct M013_ExistingContracts: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("contracts")
            .field("how_let", .string)
            .update()
        // SQLite adds one column per ALTER TABLE, so each is its own update.
        try await database.schema("contracts")
            .field("signed_on", .string)
            .update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("contracts").deleteField("signed_on").update()
        try await database.schema("contracts").deleteField("how_let").update()
    }
}
