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
        try await context.transaction { tx in try await runInTransaction(tx, asOf: asOf, siteURL: siteURL) }
    }

    private static func runInTransaction(_ context: TenantContext, asOf: Day, siteURL: String) async throws -> Int {
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
        let people = try await providerPeople(context)
        let byID = Dictionary(uniqueKeysWithValues: contracts.map { ($0.id, $0) })
        let now = AppClock.shared.now()
        var messages: [InboxMessage] = [], emails: [OutboxEmail] = []
        for reminder in reminders {
            guard let loaded = byID[reminder.obligation.contractID] else { continue }
            let link = SiteMap.Tenant.monthlyReturn.path(context.tenant.slug, loaded.id.uuidString, reminder.obligation.month.description)
            let headline = "\(loaded.record.reference): \(reminder.headline)"
            let body = reminder.kind == .dueSoon
                ? "The \(reminder.obligation.month.longDisplay) return for \(loaded.record.reference) is due on \(reminder.obligation.due.display). File it on the web, or upload the template as a spreadsheet."
                : "The \(reminder.obligation.month.longDisplay) return for \(loaded.record.reference) was due on \(reminder.obligation.due.display) and has not been submitted. If you need more time, ask the commissioner for an extension."
            for person in people[loaded.contract.providerOrganisationID] ?? [] {
                messages.append(InboxMessage(tenantID: context.tenantID, personID: person.id!, kind: "return_\(reminder.kind.rawValue)",
                                             headline: headline, body: body, link: link, alertKey: reminder.key, asOfDay: asOf.iso, at: now))
                emails.append(OutboxEmail(tenantID: context.tenantID, personID: person.id!, to: person.email, subject: "Waymark: " + headline,
                                          body: body + "\n\nSee it in Waymark: " + siteURL + link, at: now))
            }
            try await AlertKey(tenantID: context.tenantID, key: reminder.key, at: now).create(on: context.db)
        }
        for chunk in messages.chunked(500) { try await chunk.create(on: context.db) }
        for chunk in emails.chunked(500) { try await chunk.create(on: context.db) }
        return messages.count
    }

    /// The people of each provider organisation, who file its returns.
    private static func providerPeople(_ context: TenantContext) async throws -> [UUID: [Person]] {
        let memberships = try await context.query(Membership.self).filter(\.$role == Role.provider.rawValue).all()
        guard !memberships.isEmpty else { return [:] }
        let people = Dictionary(uniqueKeysWithValues: try await Person.query(on: context.db)
            .filter(\.$id ~~ Array(Set(memberships.map(\.personID)))).all().map { ($0.id!, $0) })
        return memberships.reduce(into: [:]) { result, membership in
            if let person = people[membership.personID] { result[membership.organisationID, default: []].append(person) }
        }
    }
}
