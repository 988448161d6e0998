import Fluent

/// What a partnership needs to set itself up: organisations gain a UKPRN (the identifier
/// of learning providers) and can be retired — kept, so contracts, funding and returns
/// that name them still read, but no longer offered for anything new.
public struct M011_MovingIn: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .field("ukprn", .string)
            .update()
        try await database.schema("organisations")
            .field("retired_on", .string)
            .update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("organisations").deleteField("retired_on").update()
        try await database.schema("organisations").deleteField("ukprn").update()
    }
}
