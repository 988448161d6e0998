import Fluent
import Foundation
import WaymarkDomain

/// Tells providers, once, that a call for bids closes within `window` days: part of the daily
/// run, so it reaches them whatever day the specification was published.
enum DeadlineReminderRun {
    static let window = 7

    static func run(_ context: TenantContext, asOf: Day, siteURL: String) async throws -> Int {
        var context = context
        context.siteURL = siteURL
        return try await context.transaction { tx in
            let open = try await tx.query(SpecificationRecord.self).filter(\.$status == SpecificationStatus.published.rawValue).all()
            let closing = try open.map { try $0.specification }.filter { spec in
                spec.closing.day >= asOf && spec.closing.day <= asOf.adding(days: window) && spec.closesAt > tx.now
            }
            let notices = closing.sorted { $0.closesAt < $1.closesAt }.map { WorkflowNotices.deadlineNear($0, slug: tx.tenant.slug) }
            return try await Notifier.send(notices, in: tx).messages
        }
    }
}
