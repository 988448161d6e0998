import Fluent
import SQLKit

/// When a specification reached each status (DESIGN.md, "Time: as of"), so a specification
/// reads as it stood on any day: draft from `created_at`, published from `published_at`, then
/// closed, in evaluation, awarded or cancelled from these. A status is reached at most once,
/// so one column each is its whole history. Rows stored before are filled in from what they
/// hold: the award's decision for an awarded one, the last change for the others; a step
/// nobody recorded (the start of an awarded one's evaluation) stays empty and reads as not
/// taken.
public struct M016_SpecificationHistory: AsyncMigration {
    public init() {}

    static let columns = ["closed_at", "evaluation_began_at", "awarded_at", "cancelled_at"]

    public func prepare(on database: any Database) async throws {
        // One column a statement: SQLite adds one at a time.
        for column in Self.columns {
            try await database.schema("specifications").field(.string(column), .datetime).update()
        }
        guard database is any SQLDatabase else { return }
        try await database.transaction { tx in
            guard let sql = tx as? any SQLDatabase else { return }
            if sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT set_config('waymark.platform', 'on', true)").run()
            }
            try await sql.raw("UPDATE specifications SET closed_at = updated_at WHERE status = 'closed'").run()
            try await sql.raw("UPDATE specifications SET evaluation_began_at = updated_at WHERE status = 'inEvaluation'").run()
            try await sql.raw("UPDATE specifications SET cancelled_at = updated_at WHERE status = 'cancelled'").run()
            try await sql.raw("""
                UPDATE specifications SET awarded_at = COALESCE(
                    (SELECT awards.decided_at FROM awards WHERE awards.specification_id = specifications.id), updated_at)
                WHERE status = 'awarded'
                """).run()
        }
    }

    public func revert(on database: any Database) async throws {
        for column in Self.columns.reversed() {
            try await database.schema("specifications").deleteField(.string(column)).update()
        }
    }
}
