import Fluent
import Foundation
import WaymarkDomain

/// Which months of a contract have an approved monthly return: the one question payments ask
/// of returns. A payment line is payable only once every month it covers is approved.
enum ApprovedReturns {
    /// The approved months of each contract asked about (a contract with none is left out).
    static func months(_ context: TenantContext, contractIDs: [UUID]) async throws -> [UUID: Set<CalendarMonth>] {
        guard !contractIDs.isEmpty else { return [:] }
        let approved = try await context.query(MonthlyReturnRecord.self)
            .filter(\.$contractID ~~ contractIDs)
            .filter(\.$statusText == ReturnStatus.approved.rawValue)
            .all()
        return approved.reduce(into: [:]) { months, record in months[record.contractID, default: []].insert(record.month) }
    }

    static func months(_ context: TenantContext, contractID: UUID) async throws -> Set<CalendarMonth> {
        try await months(context, contractIDs: [contractID])[contractID] ?? []
    }
}
