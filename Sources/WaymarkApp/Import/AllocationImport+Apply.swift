import Fluent
import Foundation
import WaymarkDomain

extension AllocationImport {
    /// Writes a validated plan inside the caller's transaction. Each source drawn on is
    /// claimed first, as the allocation form does, so allocations entered meanwhile from
    /// the same source make this import fail whole instead of exceeding the source.
    static func apply(_ planned: [Planned], _ context: TenantContext) async throws {
        var claimed: Set<UUID> = []
        for item in planned {
            let source = item.source
            if claimed.insert(source.id!).inserted {
                try await VersionGuard.claim(table: FundingSourceRecord.schema, id: source.id!, expected: source.version, on: context.db)
            }
            let record = AllocationRecord(tenantID: context.tenantID, sourceID: source.id!, routeID: item.allocation.routeID,
                                          amount: item.allocation.amount, period: item.allocation.period,
                                          enteredAt: context.now, agreedOn: item.allocation.agreedOn)
            record.id = item.allocation.id
            try await record.create(on: context.db)
            try await context.audit("allocation.imported", "allocation", record.id!.uuidString, after: AllocationForm.Snapshot(
                source: source.programme, route: item.routeCode, amount: item.allocation.amount.decimalString,
                period: item.allocation.period.display, agreed_on: item.allocation.agreedOn?.iso))
        }
    }
}
