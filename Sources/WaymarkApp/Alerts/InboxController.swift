import Fluent
import Vapor
import WaymarkDomain

/// Each person's alerts in this tenant, newest first; opening the inbox does not mark
/// them read — the person says so, so nothing is missed by a glance. As of a past day, the
/// alerts raised by the end of that day, read or unread as they were then.
struct InboxController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.inbox, .readInbox, list)
        routes.post(SiteMap.Tenant.inboxRead, .readInbox, markRead)
    }

    struct Line: Encodable, Sendable {
        let id: String; let headline: String; let body: String; let href: String; let asOf: String; let received: String
        let unread: Bool; let kind: String; let receivedAt: Date; let asOfISO: String
    }

    struct Page: Encodable { let lines: [Line]; let unread: Int; let markReadAction: String? }

    /// The alerts the read rule lets this person read: those addressed to them.
    static func readableAlerts(_ context: TenantContext) throws -> QueryBuilder<InboxMessage> {
        guard let person = context.readScope.alertsAddressedTo else { throw WaymarkError.forbidden }
        return context.query(InboxMessage.self).filter(\.$personID == person)
    }

    static func lines(_ context: TenantContext, reading: Reading? = nil, limit: Int = 200) async throws -> [Line] {
        var query = try readableAlerts(context)
        // An alert is raised when it is written: by the end of the day in London.
        let endOfDay = reading.flatMap { LondonWallTime(day: $0.day.next, hour: 0, minute: 0)?.instant }
        if let endOfDay { query = query.filter(\.$createdAt < endOfDay) }
        return try await query.sort(\.$createdAt, .descending).limit(limit).all().map { message in
            let unread = message.readAt.map { read in endOfDay.map { read >= $0 } ?? false } ?? true
            return Line(id: message.id!.uuidString, headline: message.headline, body: message.body, href: message.link,
                        asOf: Day(iso: message.asOfDay)?.display ?? message.asOfDay,
                        received: London.format(message.createdAt), unread: unread, kind: message.kind,
                        receivedAt: message.createdAt, asOfISO: message.asOfDay)
        }
    }

    func list(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading()
        let isToday = reading.day >= context.today
        let lines = try await Self.lines(context, reading: isToday ? nil : reading)
        let page = Page(lines: lines, unread: lines.filter(\.unread).count,
                        markReadAction: isToday ? SiteMap.Tenant.inboxRead.path(context.tenant.slug) : nil)
        return try await PageRenderer.render(req, "alerts/inbox", title: "Alerts", page)
    }

    func markRead(req: Request, context: TenantContext) async throws -> Response {
        let unread = try Self.readableAlerts(context).filter(\.$readAt == nil)
        let count = try await unread.count()
        try await unread.set(\.$readAt, to: AppClock.shared.now()).update()
        return req.redirect(to: SiteMap.Tenant.inbox.path(context.tenant.slug),
                            flash: count == 0 ? "Nothing was unread." : "\(count) alert\(count == 1 ? "" : "s") marked as read.")
    }
}
