import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

extension AppTestCase {
    /// The id of the demo source with this programme name.
    func sourceID(_ programme: String) async throws -> String {
        try await platform { db in
            try await FundingSourceRecord.query(on: db).filter(\.$programme == programme).first()!.id!.uuidString
        }
    }

    func sourceCount() async throws -> Int {
        try await platform { db in try await FundingSourceRecord.query(on: db).count() }
    }

    func allocationCount() async throws -> Int {
        try await platform { db in try await AllocationRecord.query(on: db).count() }
    }

    func auditActions() async throws -> [String] {
        try await platform { db in try await AuditEntry.query(on: db).all().map(\.action) }
    }
}

extension AppTestCase {
    func organisationID(_ name: String) async throws -> String {
        try await platform { db in try await Organisation.query(on: db).filter(\.$name == name).first()!.id!.uuidString }
    }
}
