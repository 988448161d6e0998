import Fluent
import Foundation
import WaymarkDomain

/// On Mondays, one email to each person who chose the weekly digest, listing the alerts of the
/// past seven days they want by email (`NoticePreferences.digests`). Recorded by key, so a
/// rerun of the same Monday sends nothing twice.
enum DigestRun {
    static func run(_ context: TenantContext, asOf: Day, siteURL: String) async throws -> Int {
        guard asOf.weekday == .monday else { return 0 }
        return try await context.transaction { tx in
            let memberships = try await tx.query(Membership.self).all()
            let people = try await Person.query(on: tx.db).filter(\.$id ~~ Array(Set(memberships.map(\.personID))))
                .filter(\.$weeklyDigest == true).all()
            guard !people.isEmpty, let since = LondonWallTime(day: asOf.adding(days: -7), hour: 0, minute: 0)?.instant,
                  let until = LondonWallTime(day: asOf, hour: 0, minute: 0)?.instant else { return 0 }
            let now = AppClock.shared.now()
            var sent = 0
            for person in people.sorted(by: { $0.email < $1.email }) {
                let key = "digest:\(person.id!.uuidString):\(asOf.iso)"
                guard try await tx.query(AlertKey.self).filter(\.$key == key).first() == nil else { continue }
                let preferences = person.noticePreferences
                let week = try await tx.query(InboxMessage.self).filter(\.$personID == person.id!)
                    .filter(\.$createdAt >= since).filter(\.$createdAt < until).sort(\.$createdAt).all()
                    .filter { NoticeKind(rawValue: $0.kind).map(preferences.digests) ?? true }
                try await AlertKey(tenantID: tx.tenantID, key: key, at: now).create(on: tx.db)
                guard !week.isEmpty else { continue }
                let lines = week.map { "- \($0.headline)\n  \(siteURL)\($0.link)" }.joined(separator: "\n")
                let body = "Your alerts in \(tx.tenant.name) for the week to \(asOf.adding(days: -1).display):\n\n\(lines)\n\n"
                    + "Read them all in Waymark: \(siteURL)\(SiteMap.Tenant.inbox.path(tx.tenant.slug))\n"
                    + "Change what you receive: \(siteURL)\(SiteMap.noticePreferences.path())"
                try await OutboxEmail(tenantID: tx.tenantID, personID: person.id!, to: person.email,
                                      subject: "Waymark: your week in \(tx.tenant.name) (\(week.count) alert\(week.count == 1 ? "" : "s"))",
                                      body: body, at: now).create(on: tx.db)
                sent += 1
            }
            return sent
        }
    }
}
