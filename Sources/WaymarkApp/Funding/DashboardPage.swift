import Foundation
import WaymarkDomain

/// The dashboard as the template reads it: words and formatted figures only.
struct DashboardPage: Encodable {
    struct StatusCard: Encodable { let label: String; let tag: String; let routes: Int; let children: String }
    struct ShortfallLine: Encodable { let label: String; let through: String; let secured: String; let projected: String; let lowerBound: Bool }
    struct RouteRef: Encodable { let code: String; let name: String; let href: String; let label: String; let tag: String; let fundedUntil: String }
    struct Grant: Encodable {
        let label: String; let href: String?; let status: String; let amount: String; let ends: String; let daysLeft: String
        let routes: [RouteRef]
    }
    struct Band: Encodable { let heading: String; let grants: [Grant] }
    struct Lapse: Encodable { let label: String; let href: String?; let ends: String; let past: String; let future: String }
    struct RouteLine: Encodable {
        let code: String; let name: String; let href: String; let label: String; let tag: String; let children: String
        let securedUntil: String; let projectedUntil: String; let reason: String
    }

    let asOf: String
    let asOfISO: String
    let cards: [StatusCard]
    let activeRoutes: Int
    let childrenAtRiskOrUnfunded: String
    let routesAtRiskOrUnfunded: Int
    let shortfalls: [ShortfallLine]
    let shortfallNote: String?
    let bands: [Band]
    let lapsedPast: String
    let lapsingFuture: String
    let lapses: [Lapse]
    /// This page of the routes, most urgent first (`Pager`); the CSV holds them all.
    let routes: [RouteLine]
    /// How many routes the table has across its pages.
    let routeTotal: Int
    var routesPager: Pager.Links?
    let csv: [String: String]
    let mapHref: String
    /// What the answer lacks (term dates, costs), said plainly; nil when nothing.
    var gaps: String?

    /// - Parameters:
    ///   - linkableSources: the sources the person may open (a partner: their own).
    ///   - routePager: which page of the routes table to show; the first when nil.
    init(_ data: DashboardData, context: TenantContext, linkableSources: Set<UUID>, routePager: Pager = Pager()) {
        let slug = context.tenant.slug
        let dashboard = data.dashboard
        asOf = data.asOf.display
        asOfISO = data.asOf.iso
        cards = RouteStatus.allCases.map { status in
            StatusCard(label: status.displayName, tag: FundingDisplay.tag(status), routes: dashboard.routeCounts[status] ?? 0,
                       children: (dashboard.childrenCounts[status] ?? 0).grouped())
        }
        activeRoutes = data.snapshot.results.count
        childrenAtRiskOrUnfunded = dashboard.childrenAtRiskOrUnfunded.grouped()
        routesAtRiskOrUnfunded = (dashboard.routeCounts[.unfunded] ?? 0) + (dashboard.routeCounts[.atRisk] ?? 0)
        shortfalls = [("To the end of the school year", dashboard.schoolYearShortfall),
                      ("To the end of the financial year", dashboard.financialYearShortfall)].map { label, summary in
            ShortfallLine(label: label, through: summary.period.end.display,
                          secured: (summary.isLowerBound ? "at least " : "") + summary.secured.display,
                          projected: (summary.isLowerBound ? "at least " : "") + summary.projected.display,
                          lowerBound: summary.isLowerBound)
        }
        let unknown = max(dashboard.schoolYearShortfall.unknownCostDays, dashboard.financialYearShortfall.unknownCostDays)
        let early = max(dashboard.schoolYearShortfall.routesWithTermDatesEndingEarly, dashboard.financialYearShortfall.routesWithTermDatesEndingEarly)
        var notes: [String] = []
        if unknown > 0 { notes.append("\(unknown) school day\(unknown == 1 ? " has" : "s have") no known cost and \(unknown == 1 ? "is" : "are") not counted") }
        if early > 0 { notes.append("term dates for \(early) route\(early == 1 ? "" : "s") stop before the period ends, so later days are missing") }
        shortfallNote = notes.isEmpty ? nil : "These are lower bounds: " + notes.joined(separator: "; ") + "."
        let routeRef = { (id: UUID, status: RouteStatus, until: Day?) -> RouteRef? in
            guard let route = data.routes[id] else { return nil }
            return RouteRef(code: route.code, name: route.name, href: SiteMap.Tenant.route.path(slug, route.code),
                            label: status.displayName, tag: FundingDisplay.tag(status), fundedUntil: until?.display ?? "not funded")
        }
        let sourceHref = { (id: UUID) -> String? in
            linkableSources.contains(id) ? SiteMap.Tenant.fundingSource.path(slug, id.uuidString) : nil
        }
        bands = dashboard.endingGrants.map { band in
            Band(heading: band.lowerEdge == 0 ? "Ending within \(band.days) days"
                                            : "Ending within \(band.days) days, but not within \(band.lowerEdge)",
                 grants: band.grants.map { grant in
                     Grant(label: grant.label, href: sourceHref(grant.sourceID), status: grant.status.displayName,
                           amount: grant.amount.display, ends: grant.end.display,
                           daysLeft: grant.daysLeft == 0 ? "ends today" : "\(grant.daysLeft) day\(grant.daysLeft == 1 ? "" : "s") left",
                           routes: grant.routesLeftAtRisk.compactMap { routeRef($0.route.routeID, $0.status, $0.projectedFundedUntil) })
                 })
        }
        lapsedPast = dashboard.lapse.past.display
        lapsingFuture = dashboard.lapse.future.display
        lapses = dashboard.lapse.sources.map { line in
            Lapse(label: line.label, href: sourceHref(line.sourceID), ends: line.end.display, past: line.past.display, future: line.future.display)
        }
        let urgent = data.routesByUrgency
        routeTotal = urgent.count
        routes = routePager.rows(urgent).map { route, report in
            RouteLine(code: route.code, name: route.name, href: SiteMap.Tenant.route.path(slug, route.code),
                      label: report.status.displayName, tag: FundingDisplay.tag(report.status), children: route.childrenPerDay.grouped(),
                      securedUntil: report.securedFundedUntil?.display ?? "Not funded",
                      projectedUntil: report.projectedFundedUntil?.display ?? "Not funded",
                      // The main status reason, then any delivery reasons, as sentences (each starts with a capital).
                      reason: (report.text.prefix(1) + data.snapshot.deliveryReasons(of: route.id)).joined(separator: ". "))
        }
        let tableBase = { (table: DashboardTables.Table) in
            SiteMap.Tenant.dashboardTable.path(slug, table.rawValue + ".csv")
        }
        csv = Dictionary(uniqueKeysWithValues: DashboardTables.Table.allCases.map { (String(describing: $0), tableBase($0)) })
        mapHref = SiteMap.Tenant.regionMap.path(slug)
    }
}
