import Fluent
import Foundation
import SQLKit

/// Lean reads for the pages that read thousands of rows at once (issue 20): the named columns
/// of a tenant-owned table as SQLKit rows, one query per kind, which the caller decodes straight
/// into plain domain values. No model objects, no columns nobody reads. The tenant filter is
/// applied here, as `TenantContext.query` applies it to models (row-level security on
/// PostgreSQL is the second wall, as everywhere).
extension TenantContext {
    func rows<M: TenantOwned>(of model: M.Type, _ columns: [String],
                              refine: (SQLSelectBuilder) -> SQLSelectBuilder = { $0 }) async throws -> [any SQLRow] {
        guard let sql = db as? any SQLDatabase else { preconditionFailure("Waymark's databases, SQLite and PostgreSQL, both speak SQL") }
        let select = sql.select().columns(columns.map { SQLColumn($0) }).from(M.schema)
            .where(SQLColumn(M.tenantKey.description), .equal, SQLBind(tenantID))
        return try await refine(select).all()
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

extension SQLRow {
    /// A UUID column. SQLite keeps UUIDs as text, and Foundation's parser is a `sscanf` (a
    /// twentieth of the dashboard's time over its 30,000 ids), so text is read digit by digit
    /// here; PostgreSQL's uuid type, or text this parser declines, goes the usual way.
    func uuid(_ column: String) throws -> UUID {
        if let text = try? decode(column: column, as: String.self), let uuid = LeanUUID.parse(text) { return uuid }
        return try decode(column: column, as: UUID.self)
    }

    /// A column's value, or nil when it is NULL.
    func optional<T: Decodable>(_ column: String, as type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }
}
