import Fluent
import Foundation
import WaymarkDomain

/// Which months of a contract have an approved monthly return: the one question payments ask
/// of returns. A payment line is payable only once every month it covers is approved.
enum ApprovedReturns {
    /// The approved months of each contract asked about (a contract with none is left out); in
    /// `reading`, only those approved by its day (`ReturnsAsOf`), so a line reads payable on a
    /// past day only if it was then. Approval is final, so no return approved since was
    /// approved then unless it is approved now.
    static func months(_ context: TenantContext, contractIDs: [UUID], in reading: Reading? = nil) async throws -> [UUID: Set<CalendarMonth>] {
        guard !contractIDs.isEmpty else { return [:] }
        let approved = try await ReturnStates.read(context, contractIDs: Set(contractIDs), status: .approved, in: reading)
            .filter { $0.status == .approved }
        return approved.reduce(into: [:]) { months, record in months[record.contractID, default: []].insert(record.month) }
    }

    static func months(_ context: TenantContext, contractID: UUID, in reading: Reading? = nil) async throws -> Set<CalendarMonth> {
        try await months(context, contractIDs: [contractID], in: reading)[contractID] ?? []
    }
}
