import Foundation
import WaymarkDomain

/// Which months of a contract have an approved monthly return: the one question payments ask
/// of returns. A payment line is payable only once every month it covers is approved.
///
/// Monthly returns do not exist yet. The monthly-returns issue fills this in (reading the
/// approved returns of each contract); until then no month is approved, so every line is
/// "awaiting returns" and nothing can be marked paid. Nothing here pretends otherwise.
enum ApprovedReturns {
    /// The approved months of each contract asked about (a contract with none is left out).
    static func months(_ context: TenantContext, contractIDs: [UUID]) async throws -> [UUID: Set<CalendarMonth>] {
        [:]
    }

    static func months(_ context: TenantContext, contractID: UUID) async throws -> Set<CalendarMonth> {
        try await months(context, contractIDs: [contractID])[contractID] ?? []
    }
}
