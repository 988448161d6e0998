import Fluent
import SQLKit
import XCTVapor
@testable import WaymarkApp
@testable import WaymarkMigrations

final class MigrationTests: XCTestCase {
    func testMigrationsRevertAndReapplyCleanly() async throws {
        let app = try await TestSupport.makeApp(seed: false)
        do {
            try await app.autoRevert()
            try await Waymark.migrate(app)
            let tenants = try await Tenant.query(on: app.db).count()
            XCTAssertEqual(tenants, 0)
            try await DemoSeeder.seed(app)
            let routes = try await app.platformDB { db in try await Route.query(on: db).count() }
            XCTAssertEqual(routes, 27, "24 West Midlands routes and 3 Northmoor routes")
        } catch {
            try await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    func testEveryTenantOwnedTableHasATenantColumn() async throws {
        XCTAssertEqual(Set(TenantOwnedTables.all).count, TenantOwnedTables.all.count)
        let app = try await TestSupport.makeApp(seed: false)
        defer { Task { try? await app.asyncShutdown() } }
        let sql = app.db as! any SQLKit.SQLDatabase
        for table in TenantOwnedTables.all {
            // Selecting the column fails if a table was listed without it.
            _ = try await sql.raw("SELECT tenant_id FROM \(ident: table) WHERE 1 = 0").all()
        }
    }
}
