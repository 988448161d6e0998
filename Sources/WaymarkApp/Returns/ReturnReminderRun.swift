import Fluent
import Foundation
import WaymarkDomain

/// One run of the monthly-return reminders for one tenant as of a day: for every return owed
/// and not yet submitted, the domain's `ReturnReminders` says whether a reminder is due (a few
/// working days before, the working day after, then weekly). Each goes to the inbox and the
/// email outbox of the provider's people, and its key is recorded in the same transaction, so
/// a rerun of the same day sends nothing twice.
enum ReturnReminderRun {
    static func run(_ context: TenantContext, asOf: Day, siteURL: String = "") async throws -> Int {
        var context = context
        context.siteURL = siteURL
        return try await context.transaction { tx in try await runInTransaction(tx, asOf: asOf) }
    }

    private static func runInTransaction(_ context: TenantContext, asOf: Day) async throws -> Int {
        let contracts = try await ContractQueries.all(context)
        guard !contracts.isEmpty else { return 0 }
        let deadlines = ReturnDeadlines(workingDay: context.tenant.returnDueWorkingDay)
        // A month is owed once it has ended; a return submitted once is no longer chased.
        let obligations = try await OwedReturn.of(contracts, context) { $0.range.end < asOf }.map { item in
            ReturnReminders.Obligation(contractID: item.contract.id, month: item.month, due: item.due, submitted: item.firstSubmitted != nil)
        }
        let sent = Set(try await context.query(AlertKey.self).filter(\.$key =~ "return:").all().map(\.key))
        let reminders = ReturnReminders.due(obligations, today: asOf, deadlines: deadlines).filter { !sent.contains($0.key) }
        guard !reminders.isEmpty else { return 0 }
        let byID = Dictionary(uniqueKeysWithValues: contracts.map { ($0.id, $0) })
        let notices = reminders.compactMap { reminder -> Notice? in
            guard let loaded = byID[reminder.obligation.contractID] else { return nil }
            let month = reminder.obligation.month, reference = loaded.record.reference
            let body = reminder.kind == .dueSoon
                ? "The \(month.longDisplay) return for \(reference) is due on \(reminder.obligation.due.display). File it on the web, or upload the template as a spreadsheet."
                : "The \(month.longDisplay) return for \(reference) was due on \(reminder.obligation.due.display) and has not been submitted. If you need more time, ask the commissioner for an extension."
            return Notice(event: .returnReminder(provider: loaded.contract.providerOrganisationID), headline: "\(reference): \(reminder.headline)",
                          body: body, link: SiteMap.Tenant.monthlyReturn.path(context.tenant.slug, loaded.id.uuidString, month.description),
                          key: reminder.key, asOf: asOf)
        }
        return try await Notifier.send(notices, in: context).messages
    }
}
