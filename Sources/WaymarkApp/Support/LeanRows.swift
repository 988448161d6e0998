import Fluent
import Foundation
import SQLKit
import SQLiteKit

/// Lean reads for the pages that read thousands of rows at once (issue 20): the named columns
/// of a tenant-owned table as `LeanRow`s, one query per kind, which the caller reads straight
/// into plain domain values. No model objects, no columns nobody reads. The tenant filter is
/// applied here, as `TenantContext.query` applies it to models (row-level security on
/// PostgreSQL is the second wall, as everywhere).
extension TenantContext {
    func rows<M: TenantOwned>(of model: M.Type, _ columns: [String],
                              refine: (SQLSelectBuilder) -> SQLSelectBuilder = { $0 }) async throws -> [LeanRow] {
        guard let sql = db as? any SQLDatabase else { preconditionFailure("Waymark's databases, SQLite and PostgreSQL, both speak SQL") }
        let select = refine(sql.select().columns(columns.map { SQLColumn($0) }).from(M.schema)
            .where(SQLColumn(M.tenantKey.description), .equal, SQLBind(tenantID)))
        guard let sqlite = db as? any SQLiteDatabase else { return try await select.all().map(LeanRow.init) }
        // SQLite's own rows, so their values are read straight (`LeanRow`): the same statement
        // SQLKit would run, with its values bound as SQLiteKit binds them.
        var serializer = SQLSerializer(database: sql)
        select.query.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        return try await sqlite.query(serializer.sql, try serializer.binds.map { try encoder.encode($0) }).map(LeanRow.init)
    }
}

/// One row of a lean read. On SQLite its values are taken straight from SQLite's own (text,
/// integer, real), without SQLKit's generic decoding, which costs a dynamic cast and a decoder
/// for every value — and a long list reads hundreds of thousands of values. On PostgreSQL,
/// SQLKit's decoding.
struct LeanRow: Sendable {
    private enum Source: Sendable { case sqlite(SQLiteRow), sql(any SQLRow) }
    private let source: Source

    init(_ row: SQLiteRow) { source = .sqlite(row) }
    init(_ row: any SQLRow) { source = .sql(row) }

    struct Unreadable: Error, CustomStringConvertible {
        let column: String
        var description: String { "The column \(column) is missing or holds a value of another kind" }
    }

    private func sqlite<T: SQLiteDataConvertible>(_ row: SQLiteRow, _ column: String, as: T.Type) throws -> T {
        guard let data = row.column(column), let value = T(sqliteData: data) else { throw Unreadable(column: column) }
        return value
    }

    private func value<T: SQLiteDataConvertible & Decodable>(_ column: String, as type: T.Type) throws -> T {
        switch source {
        case .sqlite(let row):
            return try sqlite(row, column, as: type)
        case .sql(let row):
            // PostgresNIO's errors keep the column to themselves; this one names it, as SQLite's does.
            do { return try row.decode(column: column, as: type) } catch { throw Unreadable(column: column) }
        }
    }

    /// Whether the column is NULL (or missing).
    func isNull(_ column: String) throws -> Bool {
        switch source {
        case .sqlite(let row): (row.column(column) ?? .null) == .null
        case .sql(let row): try row.decodeNil(column: column)
        }
    }

    func string(_ column: String) throws -> String { try value(column, as: String.self) }
    func int(_ column: String) throws -> Int { try value(column, as: Int.self) }
    func int64(_ column: String) throws -> Int64 { try value(column, as: Int64.self) }
    func date(_ column: String) throws -> Date { try value(column, as: Date.self) }
    /// A boolean, or a comparison selected as one (SQLite answers it as 0 or 1).
    func bool(_ column: String) throws -> Bool { try value(column, as: Bool.self) }

    func optionalString(_ column: String) throws -> String? { try isNull(column) ? nil : string(column) }
    func optionalDate(_ column: String) throws -> Date? { try isNull(column) ? nil : date(column) }

    /// A UUID column. SQLite keeps UUIDs as text, and Foundation's parser is a `sscanf` (a
    /// twentieth of the dashboard's time over its 30,000 ids), so text is read digit by digit
    /// here; PostgreSQL's uuid type, or text this parser declines, goes the usual way.
    func uuid(_ column: String) throws -> UUID {
        switch source {
        case .sqlite(let row):
            if case .text(let text)? = row.column(column), let uuid = LeanUUID.parse(text) { return uuid }
            guard let text = row.column(column)?.string, let uuid = UUID(uuidString: text) else { throw Unreadable(column: column) }
            return uuid
        case .sql(let row):
            if let text = try? row.decode(column: column, as: String.self), let uuid = LeanUUID.parse(text) { return uuid }
            return try row.decode(column: column, as: UUID.self)
        }
    }
}

enum LeanUUID {
    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex of either case; nil for anything else.
    static func parse(_ text: String) -> UUID? {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { chars -> UUID? in
            guard chars.count == 36 else { return nil }
            var bytes = [UInt8](repeating: 0, count: 16)
            var i = 0, b = 0
            while i < 36 {
                if i == 8 || i == 13 || i == 18 || i == 23 {
                    guard chars[i] == UInt8(ascii: "-") else { return nil }
                    i += 1
                    continue
                }
                guard let high = nibble(chars[i]), let low = nibble(chars[i + 1]) else { return nil }
                bytes[b] = high << 4 | low
                b += 1
                i += 2
            }
            return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        } ?? nil
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

