import Fluent
import Foundation
import WaymarkDomain

/// The returns contracts owe: each month of a contract's service period that `owed` keeps,
/// with its stored return if there is one and its due day — the return's own, which an
/// extension may have moved, or else the tenant's rule. One place for that rule, read by the
/// returns list and the reminders.
struct OwedReturn: Sendable {
    let contract: ContractQueries.Loaded
    let month: CalendarMonth
    let record: ReturnState?
    let due: Day

    var firstSubmitted: Day? { record?.firstSubmitted }

    /// Every owed month of `contracts`, in contract order then month order; one query for the
    /// stored returns, whatever the number of contracts. In `reading`, each return as it stood
    /// on its day (`ReturnsAsOf`).
    static func of(_ contracts: [ContractQueries.Loaded], _ context: TenantContext, in reading: Reading? = nil,
                   owed: (CalendarMonth) -> Bool) async throws -> [OwedReturn] {
        guard !contracts.isEmpty else { return [] }
        let records = try await ReturnStates.read(context, contractIDs: Set(contracts.map(\.id)), in: reading)
        let stored = Dictionary(records.map { (Key(contractID: $0.contractID, month: $0.month), $0) }, uniquingKeysWith: { first, _ in first })
        let deadlines = ReturnDeadlines(workingDay: context.tenant.returnDueWorkingDay)
        return contracts.flatMap { loaded in
            // A month inside a line already paid, with no return, was paid before Waymark knew of
            // the contract (Waymark pays a line only once its months' returns are approved): no
            // return is owed for it.
            let lines = loaded.lines.compactMap(\.line)
            let paid = lines.filter(\.isPaid).map(\.period), unpaid = lines.filter { !$0.isPaid }.map(\.period)
            return ReturnExpectation.months(of: loaded.contract.current).filter(owed).compactMap { month -> OwedReturn? in
                let record = stored[Key(contractID: loaded.id, month: month)]
                if record == nil, paid.contains(where: { $0.overlaps(month.range) }),
                   !unpaid.contains(where: { $0.overlaps(month.range) }) { return nil }
                return OwedReturn(contract: loaded, month: month, record: record, due: record?.due ?? deadlines.due(for: month))
            }
        }
    }

    private struct Key: Hashable { let contractID: UUID; let month: CalendarMonth }
}
