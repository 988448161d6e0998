import Fluent
import SQLKit
import XCTVapor
@testable import WaymarkApp
@testable import WaymarkMigrations

/// The second wall: on PostgreSQL, a transaction that names one tenant sees none of
/// another's rows even when the query forgets to filter. On SQLite there is no such
/// wall (the application's scoping is tested in WaymarkAppTests), so these skip.
final class RowLevelSecurityTests: XCTestCase {
    var app: Application!

    override func setUp() async throws {
        try await super.setUp()
        guard TestSupport.postgresURL != nil else { throw XCTSkip("row-level security is PostgreSQL only; ops/test runs this on PostgreSQL") }
        app = try await TestSupport.makeApp()
    }

    override func tearDown() async throws {
        if let app { try await app.asyncShutdown() }
        try await super.tearDown()
    }

    func testTheApplicationRoleIsBoundByThePolicies() async throws {
        let sql = app.db as! any SQLDatabase
        let row = try await sql.raw("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user").first()
        XCTAssertEqual(try row?.decode(column: "rolsuper", as: Bool.self), false, "tests must connect as a non-superuser")
        XCTAssertEqual(try row?.decode(column: "rolbypassrls", as: Bool.self), false)
    }

    func testEveryTenantOwnedTableHasRowLevelSecurityForced() async throws {
        let sql = app.db as! any SQLDatabase
        for table in TenantOwnedTables.all {
            let row = try await sql.raw("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = \(bind: table)").first()
            XCTAssertEqual(try row?.decode(column: "relrowsecurity", as: Bool.self), true, table)
            XCTAssertEqual(try row?.decode(column: "relforcerowsecurity", as: Bool.self), true, table)
        }
    }

    func testAQueryWithTheWrongTenantSetSeesNothingOfAnother() async throws {
        let (westMidlands, northmoor) = try await app.platformDB { db in
            (try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()!.id!,
             try await Tenant.query(on: db).filter(\.$slug == "northmoor").first()!.id!)
        }
        for table in ["routes", "schools", "organisations", "memberships", "local_authorities", "term_periods"] {
            let seen = try await DatabaseScope.tenant(northmoor).run(on: app.db) { db in
                try await (db as! any SQLDatabase).raw("SELECT count(*) AS n FROM \(ident: table) WHERE tenant_id = \(bind: westMidlands)")
                    .first()!.decode(column: "n", as: Int.self)
            }
            XCTAssertEqual(seen, 0, "\(table): Northmoor's transaction must not see West Midlands rows")
            let own = try await DatabaseScope.tenant(westMidlands).run(on: app.db) { db in
                try await (db as! any SQLDatabase).raw("SELECT count(*) AS n FROM \(ident: table)").first()!.decode(column: "n", as: Int.self)
            }
            XCTAssertGreaterThan(own, 0, "\(table): a tenant sees its own rows")
        }
    }

    func testAQueryThatNamesNoTenantFailsClosed() async throws {
        let sql = app.db as! any SQLDatabase
        let count = try await sql.raw("SELECT count(*) AS n FROM routes").first()!.decode(column: "n", as: Int.self)
        XCTAssertEqual(count, 0)
    }

    func testWritingARowIntoAnotherTenantIsRefused() async throws {
        let (westMidlands, northmoor) = try await app.platformDB { db in
            (try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()!.id!,
             try await Tenant.query(on: db).filter(\.$slug == "northmoor").first()!.id!)
        }
        do {
            try await DatabaseScope.tenant(northmoor).run(on: app.db) { db in
                try await TermCalendarRecord(tenantID: westMidlands, name: "Smuggled").create(on: db)
            }
            XCTFail("the insert should have been refused")
        } catch {
            XCTAssertTrue(String(reflecting: error).contains("row-level security"), String(reflecting: error))
        }
    }
}
