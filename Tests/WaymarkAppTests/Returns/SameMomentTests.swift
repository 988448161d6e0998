import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Two requests racing to create the same return (or bid) meet the database's unique index;
/// the loser is told what happened (409), not shown "something went wrong" (500).
final class SameMomentTests: AppTestCase {
    func testAUniqueIndexRefusalIsAConflictNotAFault() async throws {
        app.clock.set(ReturnFixtures.today)
        let contract = UUID(uuidString: try await returnsContract())!
        let refusal = try await platform { db -> (any Error)? in
            let tenant = try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()!
            let month = CalendarMonth(year: 2023, month: 10)!
            try await MonthlyReturnRecord(tenantID: tenant.id!, contractID: contract, month: month, due: Day(2023, 11, 14), at: Date()).create(on: db)
            do {
                try await MonthlyReturnRecord(tenantID: tenant.id!, contractID: contract, month: month, due: Day(2023, 11, 14), at: Date()).create(on: db)
                return nil
            } catch {
                return error
            }
        }
        let error = try XCTUnwrap(refusal, "the second return for the same contract and month is refused by the database")
        let described = ErrorPageMiddleware.describe(error)
        XCTAssertEqual(described.status, .conflict)
        XCTAssertEqual(described.message, ErrorPageMiddleware.sameMomentMessage)
        XCTAssertNil(described.reference)
        XCTAssertEqual(ErrorPageMiddleware.describe(TestFailure("boom")).status, .internalServerError, "anything else is still a fault")
    }
}
