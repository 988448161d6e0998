import Fluent
import SQLKit

/// PostgreSQL only: row-level security as a second wall behind the application's
/// own tenant scoping. Each transaction names its tenant with
/// `set_config('waymark.tenant_id', …, true)`; platform work (sign-in, the
/// operator console, the shell) says so with `waymark.platform = 'on'`. A query
/// that names neither sees no tenant-owned rows at all: it fails closed.
/// FORCE makes the policies bind the table owner too; only a superuser bypasses
/// them, so the application must not connect as one.
public struct M005_RowLevelSecurity: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await RowLevelSecurity.protect(TenantOwnedTables.foundation, on: database)
    }

    public func revert(on database: any Database) async throws {
        try await RowLevelSecurity.unprotect(TenantOwnedTables.foundation, on: database)
    }
}

/// The tenant-isolation policy, applied by each migration to the tables it adds.
public enum RowLevelSecurity {
    public static func protect(_ tables: [String], on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        for table in tables {
            try await sql.raw("ALTER TABLE \(ident: table) ENABLE ROW LEVEL SECURITY").run()
            try await sql.raw("ALTER TABLE \(ident: table) FORCE ROW LEVEL SECURITY").run()
            try await sql.raw("""
                CREATE POLICY tenant_isolation ON \(ident: table)
                USING (current_setting('waymark.platform', true) = 'on'
                       OR tenant_id::text = current_setting('waymark.tenant_id', true))
                WITH CHECK (current_setting('waymark.platform', true) = 'on'
                       OR tenant_id::text = current_setting('waymark.tenant_id', true))
                """).run()
        }
    }

    public static func unprotect(_ tables: [String], on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        for table in tables {
            try await sql.raw("DROP POLICY IF EXISTS tenant_isolation ON \(ident: table)").run()
            try await sql.raw("ALTER TABLE \(ident: table) DISABLE ROW LEVEL SECURITY").run()
        }
    }
}
