import Foundation
import Vapor
import WaymarkDomain

/// The delivery dashboard: what approved monthly returns say was delivered, over time and by
/// route, local authority and provider, with where the returns themselves stand. Everyone who
/// may read returns sees it, each within their `ReturnScope`.
struct DeliveryDashboardController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.delivery, .viewReturns, Self.page)
        routes.get(SiteMap.Tenant.deliveryCSV, .viewReturns, Self.csv)
    }

    @Sendable static func page(req: Request, context: TenantContext) async throws -> Response {
        let (filter, errors) = DeliveryFilter.parse(req)
        let reading = try req.reading(), today = reading.day
        let data = try await DeliveryDashboardData.load(context, reading: reading)
        let deadlines = ReturnDeadlines(workingDay: context.tenant.returnDueWorkingDay)
        let status = ReturnsStatusCounts.of(data.contracts, deadlines: deadlines, today: today)
        let page = DeliveryDashboardPage(data: data, filter: filter, status: status, today: today, slug: context.tenant.slug,
                                          linksContracts: context.can(.viewContracts))
        return try await PageRenderer.render(req, "returns/dashboard", title: "Delivery", page, errors: errors)
    }

    static let csvHeaders = [
        "month", "route_code", "route_name", "local_authority", "provider", "school_days", "sessions_planned",
        "sessions_delivered", "delivery_rate", "chaperone_hours", "young_people_engaged", "incidents", "incidents_de_escalated",
        "safeguarding_concerns", "referrals",
    ]

    /// One row per route and month (and provider, should two contracts have served the route
    /// that month), with the page's filters applied, so the file matches what was on screen.
    @Sendable static func csv(req: Request, context: TenantContext) async throws -> Response {
        let (filter, _) = DeliveryFilter.parse(req)
        let data = try await DeliveryDashboardData.load(context, reading: try req.reading())
        let facts = filter.apply(data.facts)
        let groups = DeliverySummary.grouped(facts) { fact in
            RouteMonth(month: fact.month, code: data.routes[fact.routeID]?.code ?? fact.routeID.uuidString,
                       provider: fact.provider, routeID: fact.routeID, authority: fact.authority)
        }
        let rows = groups.map { key, figures in
            [key.month.description, key.code, data.routes[key.routeID]?.name ?? "", key.authority, key.provider,
             String(figures.schoolDays), String(figures.sessionsPlanned), String(figures.sessionsDelivered),
             figures.deliveryRate.map { String(format: "%.4f", $0) } ?? "", DeliveryFiguresRow.hours(figures.chaperoneHours),
             String(figures.youngPeopleEngaged), String(figures.incidents), String(figures.deEscalated),
             String(figures.safeguardingConcerns), String(figures.referrals)]
        }
        return CSVResponse.stream(headers: csvHeaders, rows: rows, filename: "\(context.tenant.slug)-delivery.csv")
    }

    /// The CSV's grouping, in month then route order.
    struct RouteMonth: Hashable, Comparable {
        let month: CalendarMonth
        let code: String
        let provider: String
        let routeID: UUID
        let authority: String

        static func < (lhs: RouteMonth, rhs: RouteMonth) -> Bool {
            (lhs.month, lhs.code, lhs.provider) < (rhs.month, rhs.code, rhs.provider)
        }
    }
}
