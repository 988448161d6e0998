import Fluent
import XCTVapor
import WaymarkDomain
@testable import WaymarkApp

/// Lean reads (`TenantContext.rows`, `LeanRow`) read exactly what the models read, NULLs
/// included, on whichever database the suite runs on: on SQLite straight from SQLite's own
/// values, on PostgreSQL through SQLKit.
final class LeanRowsTests: AppTestCase {
    func system() async throws -> Tenant {
        try await platform { db in try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()! }
    }

    func testReturnsReadLeanAreTheModelsReadWhole() async throws {
        let tenant = try await system()
        let (lean, whole) = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
            let context = TenantContext.system(tenant: tenant, db: db, job: "test")
            // One return with a draft and an extension, one with neither: NULLs and values both.
            let records = try await context.query(MonthlyReturnRecord.self).sort(\.$monthText).all()
            let changed = try XCTUnwrap(records.first)
            changed.draft = "{}"
            changed.draftSavedAt = Date(timeIntervalSince1970: 1_700_000_000.25)
            changed.extendedAt = Date(timeIntervalSince1970: 1_700_000_100)
            try await changed.save(on: db)
            let lean = try await ReturnStates.read(context, contractIDs: nil)
            let whole = try await context.query(MonthlyReturnRecord.self).all().map(ReturnState.init)
            return (lean, whole)
        }
        XCTAssertGreaterThan(whole.count, 100)
        XCTAssertEqual(Set(lean), Set(whole))
        XCTAssertTrue(lean.contains { $0.hasDraft && $0.extendedAt != nil }, "values read")
        XCTAssertTrue(lean.contains { !$0.hasDraft && $0.extendedAt == nil && $0.draftSavedAt == nil }, "and NULLs")
    }

    func testAllocationsReadLeanAreTheModelsReadWhole() async throws {
        let tenant = try await system()
        let (lean, whole) = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
            let context = TenantContext.system(tenant: tenant, db: db, job: "test")
            let whole = try await context.query(AllocationRecord.self).all().map(\.domain)
            let lean = try await CoverageRecords.allocations(context, routeIDs: Set(whole.map(\.routeID)), reading: .asOf(Day(2199, 12, 31)))
            return (lean, whole)
        }
        XCTAssertGreaterThan(whole.count, 10)
        XCTAssertEqual(Set(lean), Set(whole))
    }

    func testAColumnOfAnotherKindIsAnErrorThatNamesIt() async throws {
        let tenant = try await system()
        let rows = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
            try await TenantContext.system(tenant: tenant, db: db, job: "test").rows(of: Route.self, ["code"])
        }
        let row = try XCTUnwrap(rows.first)
        XCTAssertThrowsError(try row.date("code")) { XCTAssertTrue("\($0)".contains("code"), "\($0)") }
        XCTAssertThrowsError(try row.string("missing_column")) { XCTAssertTrue("\($0)".contains("missing_column"), "\($0)") }
    }
}
