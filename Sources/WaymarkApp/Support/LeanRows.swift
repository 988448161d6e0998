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

extension SQLRow {
    /// A column's value, or nil when it is NULL.
    func optional<T: Decodable>(_ column: String, as type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }
}
