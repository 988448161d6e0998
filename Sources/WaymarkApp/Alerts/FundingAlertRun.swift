import Fluent
import Foundation
import WaymarkDomain

/// One run of the funding alerts for one tenant as of a day: finds status changes and
/// grants entering the 30/90/180-day windows (the domain's `FundingAlerts.detect`), writes
/// an inbox message and an outbox email for each person concerned, and records what was
/// alerted — all in one transaction, so a rerun of the same day alerts nothing twice.
enum FundingAlertRun {
    struct Summary: Sendable, Equatable {
        var events = 0
        var messages = 0
        var emails = 0
    }

    /// - Parameter siteURL: makes the links in emails absolute (the inbox keeps them relative).
    static func run(_ context: TenantContext, asOf: Day, siteURL: String = "") async throws -> Summary {
        var context = context
        context.siteURL = siteURL
        return try await context.transaction { tx in try await runInTransaction(tx, asOf: asOf) }
    }

    private static func runInTransaction(_ context: TenantContext, asOf: Day) async throws -> Summary {
        let data = try await DashboardData.load(context, asOf: asOf)
        let states = try await context.query(RouteAlertState.self).all()
        let previous = Dictionary(states.compactMap { state in RouteStatus(rawValue: state.status).map { (state.routeID, $0) } },
                                  uniquingKeysWith: { first, _ in first })
        let sent = Set(try await context.query(AlertKey.self).all().map(\.key))
        let detection = FundingAlerts.detect(previous: previous, current: data.dashboard.statuses,
                                             endingGrants: data.dashboard.endingGrantAlerts, alreadySent: sent)
        let results = data.snapshot.results.values.sorted(onKey: \.routeID.uuidString)
        let names = FundingAlertNames(dashboard: data.dashboard, routes: data.facts,
                                      sources: Array(data.snapshot.sources.values), results: results)
        let recipients = try await AlertRecipients.load(context, data: data)
        let notices = detection.events.map { event in
            Notice(event: recipients.event(for: event), headline: event.headline(names), body: event.body(names),
                   link: recipients.link(for: event, asOf: asOf), key: event.key, asOf: asOf)
        }
        let told = try await Notifier.send(notices, in: context)
        // Keys the detection keeps without telling anyone (a window already passed) are recorded too.
        let now = AppClock.shared.now()
        let recorded = Set(notices.map(\.key))
        for key in detection.keysToRecord.sorted() where !sent.contains(key) && !recorded.contains(key) {
            try await AlertKey(tenantID: context.tenantID, key: key, at: now).create(on: context.db)
        }
        try await remember(data.dashboard.statuses, states: states, asOf: asOf, context: context)
        return Summary(events: detection.events.count, messages: told.messages, emails: told.emails)
    }

    /// Stores each route's status as the "before" of the next run.
    private static func remember(_ statuses: [UUID: RouteStatus], states: [RouteAlertState], asOf: Day,
                                 context: TenantContext) async throws {
        let byRoute = Dictionary(states.map { ($0.routeID, $0) }, uniquingKeysWith: { first, _ in first })
        var new: [RouteAlertState] = []
        for (routeID, status) in statuses.sorted(onKey: \.key.uuidString) {
            if let state = byRoute[routeID] {
                guard state.status != status.rawValue else { continue }
                state.status = status.rawValue
                state.asOfDay = asOf.iso
                try await state.save(on: context.db)
            } else {
                new.append(RouteAlertState(tenantID: context.tenantID, routeID: routeID, status: status.rawValue, asOfDay: asOf.iso))
            }
        }
        for chunk in new.chunked(500) { try await chunk.create(on: context.db) }
    }
}
