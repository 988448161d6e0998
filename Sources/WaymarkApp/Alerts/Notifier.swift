import Fluent
import Foundation
import WaymarkDomain

/// Something to tell people: the event (which decides who, `NotificationRules`), its words, the
/// page it is about and a key that makes it happen once.
struct Notice: Sendable {
    let event: WorkflowEvent
    let headline: String
    let body: String
    /// The page, relative to the site; emails make it absolute.
    let link: String
    /// Once per key: a rerun, a retried job or a double submission tells nobody twice.
    let key: String
    var asOf: Day? = nil
}

/// The one mechanism that tells people: for each notice, the tenant's members the rules name
/// get an inbox message, and an email through the outbox unless they turned that kind off or
/// chose the weekly digest. Called inside the transaction that makes the change, so the notice
/// is written with it or not at all.
enum Notifier {
    struct Summary: Sendable, Equatable {
        var messages = 0
        var emails = 0
    }

    /// The tenant's members as the rules see them, with who they are.
    struct Members: Sendable {
        let readers: [Reader]
        let people: [UUID: Person]

        static func load(_ context: TenantContext) async throws -> Members {
            let memberships = try await context.query(Membership.self).all()
            guard !memberships.isEmpty else { return Members(readers: [], people: [:]) }
            let organisations = try await context.query(Organisation.self).all()
            let people = try await Person.query(on: context.db).filter(\.$id ~~ Array(Set(memberships.map(\.personID)))).all()
            var readers: [Reader] = []
            for (personID, theirs) in Dictionary(grouping: memberships, by: \.personID) {
                let ids = Set(theirs.map(\.organisationID))
                readers.append(try await TenantMiddleware.reader(personID: personID, memberships: theirs,
                                                                 organisations: organisations.filter { ids.contains($0.id!) },
                                                                 tenantID: context.tenantID, db: context.db))
            }
            let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0) })
            // A stable order: inbox rows and emails are written alike on every run.
            readers.sort { (byID[$0.personID]?.email ?? "") < (byID[$1.personID]?.email ?? "") }
            return Members(readers: readers, people: byID)
        }
    }

    @discardableResult
    static func send(_ notices: [Notice], in context: TenantContext) async throws -> Summary {
        guard !notices.isEmpty else { return Summary() }
        let keys = Set(notices.map(\.key))
        let sent = Set(try await context.query(AlertKey.self).filter(\.$key ~~ Array(keys)).all().map(\.key))
        let fresh = notices.filter { !sent.contains($0.key) }
        guard !fresh.isEmpty else { return Summary() }
        let members = try await Members.load(context)
        let now = AppClock.shared.now()
        var messages: [InboxMessage] = [], emails: [OutboxEmail] = [], recorded = Set<String>()
        for notice in fresh where recorded.insert(notice.key).inserted {
            let asOf = (notice.asOf ?? context.today).iso
            for personID in NotificationRules.recipients(notice.event, among: members.readers) {
                guard let person = members.people[personID] else { continue }
                messages.append(InboxMessage(tenantID: context.tenantID, personID: personID, kind: notice.event.kind.rawValue,
                                             headline: notice.headline, body: notice.body, link: notice.link, alertKey: notice.key,
                                             asOfDay: asOf, at: now))
                if person.noticePreferences.emailsAtOnce(notice.event.kind) {
                    emails.append(OutboxEmail(tenantID: context.tenantID, personID: personID, to: person.email,
                                              subject: "Waymark: " + notice.headline,
                                              body: notice.body + "\n\nSee it in Waymark: " + context.siteURL + notice.link, at: now))
                }
            }
        }
        for chunk in messages.chunked(500) { try await chunk.create(on: context.db) }
        WaymarkMetrics.notices(messages.count)
        for chunk in emails.chunked(500) { try await chunk.create(on: context.db) }
        for key in recorded.sorted() { try await AlertKey(tenantID: context.tenantID, key: key, at: now).create(on: context.db) }
        return Summary(messages: messages.count, emails: emails.count)
    }
}
