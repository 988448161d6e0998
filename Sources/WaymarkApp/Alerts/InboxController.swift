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

    struct Page: Encodable { let lines: [Line]; let unread: Int; let pager: Pager.Links; let markReadAction: String? }

    /// The alerts the read rule lets this person read: those addressed to them.
    static func readableAlerts(_ context: TenantContext) throws -> QueryBuilder<InboxMessage> {
        guard let person = context.readScope.alertsAddressedTo else { throw WaymarkError.forbidden }
        return context.query(InboxMessage.self).filter(\.$personID == person)
    }

    /// An alert is raised when it is written: in a reading, those raised by the end of its day in
    /// London (`endOfDay`); without one, all of them.
    static func raised(_ context: TenantContext, by reading: Reading?) throws -> (query: QueryBuilder<InboxMessage>, endOfDay: Date?) {
        let query = try readableAlerts(context)
        let endOfDay = reading.flatMap { LondonWallTime(day: $0.day.next, hour: 0, minute: 0)?.instant }
        if let endOfDay { query.filter(\.$createdAt < endOfDay) }
        return (query, endOfDay)
    }

    /// Rows `range` of the alerts raised by the reading's day, newest first; the id breaks ties,
    /// so each alert is on exactly one page.
    static func lines(_ context: TenantContext, reading: Reading? = nil, range: Range<Int> = 0..<200) async throws -> [Line] {
        let (query, endOfDay) = try raised(context, by: reading)
        return try await query.sort(\.$createdAt, .descending).sort(\.$id).range(range).all().map { message in
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
        let asked = isToday ? nil : reading
        let total = try await Self.raised(context, by: asked).query.count()
        // Unread then: not read at all, or read only after the day asked about.
        let (unreadQuery, endOfDay) = try Self.raised(context, by: asked)
        let unread = try await unreadQuery.group(.or) { group in
            group.filter(\.$readAt == nil)
            if let endOfDay { group.filter(\.$readAt >= endOfDay) }
        }.count()
        let pager = Pager(req)
        let lines = try await Self.lines(context, reading: asked, range: pager.range(total: total))
        let page = Page(lines: lines, unread: unread, pager: pager.links(req, total: total, noun: "alerts"),
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
