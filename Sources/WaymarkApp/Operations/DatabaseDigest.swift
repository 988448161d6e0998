import Crypto
import Fluent
import Foundation
import SQLKit

/// Every table's row count and a digest of its content, to show that a copy of the database
/// holds exactly what the original held (`waymark backup --digest`, `ops/restore-drill`). Rows
/// are written out by the database itself (PostgreSQL's row-to-text, SQLite's `quote()` of
/// each column), sorted, and hashed with SHA-256, so the order rows happen to be stored in
/// does not matter and any change to any value does.
enum DatabaseDigest {
    struct Table: Codable, Sendable, Equatable {
        let name: String
        let rows: Int
        let sha256: String
    }

    /// Platform scope on PostgreSQL, so row-level security hides nothing.
    static func tables(on db: any Database) async throws -> [Table] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let postgres = sql.dialect.name == "postgresql"
        var result: [Table] = []
        for name in try await tableNames(sql, postgres: postgres) {
            let select: SQLQueryString = postgres
                ? "SELECT t::text AS r FROM \(ident: name) AS t"
                : "SELECT \(unsafeRaw: try await sqliteRowText(sql, table: name)) AS r FROM \(ident: name)"
            let texts = try await sql.raw(select).all().map { try $0.decode(column: "r", as: String.self) }.sorted()
            var hash = SHA256()
            for text in texts { hash.update(data: Data((text + "\n").utf8)) }
            result.append(Table(name: name, rows: texts.count, sha256: hash.finalize().map { String(format: "%02x", $0) }.joined()))
        }
        return result
    }

    private static func tableNames(_ sql: any SQLDatabase, postgres: Bool) async throws -> [String] {
        let query: SQLQueryString = postgres
            ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// `quote(a) || ',' || quote(b) …` over the table's columns in their declared order.
    private static func sqliteRowText(_ sql: any SQLDatabase, table: String) async throws -> String {
        let columns = try await sql.raw("SELECT name FROM pragma_table_info(\(bind: table)) ORDER BY cid").all()
            .map { try $0.decode(column: "name", as: String.self) }
        return columns.map { "quote(\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\")" }.joined(separator: " || ',' || ")
    }

    /// One line per table: name, rows, digest; what the drill compares.
    static func text(_ tables: [Table]) -> String {
        tables.map { "\($0.name)\t\($0.rows)\t\($0.sha256)" }.joined(separator: "\n")
    }
}
