import Fluent
import SQLKit
import Foundation

/// Optimistic locking. A form carries the version it was opened at; saving claims the
/// next version with one conditional UPDATE, which only one writer can win, so an
/// edit over someone else's newer change is refused instead of silently lost.
enum VersionGuard {
    static let conflictMessage = "Someone else changed this record after you opened it. Your changes have not been saved: reload the page to see theirs, then make your changes again."

    /// Claims version `expected + 1` for the row, or throws `WaymarkError.conflict`.
    static func claim(table: String, id: UUID, expected: Int, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { throw WaymarkError.conflict(conflictMessage) }
        let rows = try await sql.update(table)
            .set(SQLIdentifier("version"), to: SQLBinaryExpression(SQLIdentifier("version"), .add, SQLLiteral.numeric("1")))
            .where(SQLIdentifier("id"), .equal, SQLBind(id))
            .where(SQLIdentifier("version"), .equal, SQLBind(expected))
            .returning(SQLIdentifier("id"))
            .all()
        guard !rows.isEmpty else { throw WaymarkError.conflict(conflictMessage) }
    }
}
