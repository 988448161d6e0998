import Fluent
import Foundation
import WaymarkDomain

/// Saving a re-planned schedule. Paid lines keep their rows (only their number may move, as
/// `PaymentSchedule.replanned` renumbers in period order); unpaid rows are replaced, since
/// their periods and amounts are worked out afresh.
enum PaymentLinesWriting {
    static func replace(_ context: TenantContext, contractID: UUID, with schedule: [PaymentLine]) async throws {
        try await context.query(PaymentLineRecord.self).filter(\.$contractID == contractID).filter(\.$paidOn == nil).delete()
        let paid = try await context.query(PaymentLineRecord.self).filter(\.$contractID == contractID).all()
        for line in schedule {
            if line.isPaid, let record = paid.first(where: { $0.line?.period == line.period }) {
                if record.number != line.number {
                    record.number = line.number
                    try await record.update(on: context.db)
                }
            } else {
                try await PaymentLineRecord(tenantID: context.tenantID, contractID: contractID, line: line).create(on: context.db)
            }
        }
    }
}
