import Fluent

/// The day a route's closure took effect in Waymark's reading of time (DESIGN.md, "Time: as
/// of"): a closed route's closure is a dated fact, so views of days before it still show the
/// route running. Nullable: a closed route without one reads as closed on every day, as before.
public struct M015_RouteClosedOn: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("routes").field("closed_on", .string).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("routes").deleteField("closed_on").update()
    }
}
