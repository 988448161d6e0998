import Fluent
import SQLKit
import Vapor

/// Runs database work in a named scope. On PostgreSQL the scope opens a transaction
/// and names its tenant (or the platform) for the row-level security policies of
/// migration M005; on SQLite there is no second wall, so the work runs directly
/// and the application's own scoping (`TenantContext.query`) is the only wall.
enum DatabaseScope {
    case tenant(UUID)
    case platform

    func run<T: Sendable>(
        on database: any Database,
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else {
            return try await body(database)
        }
        return try await database.transaction { tx in
            guard let txSQL = tx as? any SQLDatabase else { return try await body(tx) }
            switch self {
            case .tenant(let id):
                // `true`: local to this transaction, so a pooled connection never
                // carries one request's tenant into the next.
                // One statement, one round trip: every tenant request pays for it.
                try await txSQL.raw("""
                    SELECT set_config('waymark.tenant_id', \(bind: id.uuidString.lowercased()), true),
                           set_config('waymark.platform', 'off', true)
                    """).run()
            case .platform:
                try await txSQL.raw("SELECT set_config('waymark.platform', 'on', true)").run()
            }
            return try await body(tx)
        }
    }
}

extension Request {
    /// Platform-scoped work: sign-in, the person's own memberships across tenants,
    /// the operator console.
    func platformDB<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await DatabaseScope.platform.run(on: db, body)
    }
}

extension Application {
    func platformDB<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await DatabaseScope.platform.run(on: db, body)
    }
}
