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
    let record: MonthlyReturnRecord?
    let due: Day

    var firstSubmitted: Day? { record?.firstSubmittedAt.map { Day($0, in: London.timeZone) } }

    /// Every owed month of `contracts`, in contract order then month order; one query for the
    /// stored returns, whatever the number of contracts. In `reading`, each return as it stood
    /// on its day (`ReturnsAsOf`).
    static func of(_ contracts: [ContractQueries.Loaded], _ context: TenantContext, in reading: Reading? = nil,
                   owed: (CalendarMonth) -> Bool) async throws -> [OwedReturn] {
        guard !contracts.isEmpty else { return [] }
        let rows = try await context.query(MonthlyReturnRecord.self).filter(\.$contractID ~~ contracts.map(\.id)).all()
        let records = try await ReturnsAsOf.read(context, rows, in: reading)
        let stored = Dictionary(records.map { ("\($0.contractID)|\($0.monthText)", $0) }, uniquingKeysWith: { first, _ in first })
        let deadlines = ReturnDeadlines(workingDay: context.tenant.returnDueWorkingDay)
        return contracts.flatMap { loaded in
            // A month inside a line already paid, with no return, was paid before Waymark knew of
            // the contract (Waymark pays a line only once its months' returns are approved): no
            // return is owed for it.
            let lines = loaded.lines.compactMap(\.line)
            let paid = lines.filter(\.isPaid).map(\.period), unpaid = lines.filter { !$0.isPaid }.map(\.period)
            return ReturnExpectation.months(of: loaded.contract.current).filter(owed).compactMap { month -> OwedReturn? in
                let record = stored["\(loaded.id)|\(month.description)"]
                if record == nil, paid.contains(where: { $0.overlaps(month.range) }),
                   !unpaid.contains(where: { $0.overlaps(month.range) }) { return nil }
                return OwedReturn(contract: loaded, month: month, record: record, due: record?.due ?? deadlines.due(for: month))
            }
        }
    }
}
