import Foundation

/// One route's shortfall, named, for the dashboard's table.
public struct RouteShortfall: Hashable, Sendable {
    public let route: DashboardRoute
    public let status: RouteStatus
    public let shortfall: Shortfall
}

/// The money all routes together still need to the end of a period (the school year or the
/// financial year), on each basis, and how far the figures can be trusted.
public struct ShortfallSummary: Hashable, Sendable {
    /// From the as-of date to this day, both included.
    public let period: DayRange
    public let secured: Money
    public let projected: Money
    /// School days across all routes whose cost is unknown and so not in the figures.
    public let unknownCostDays: Int
    /// Routes whose term dates stop before the period's end, so their days after are missing.
    public let routesWithTermDatesEndingEarly: Int
    /// Routes with a shortfall on either basis, or whose figure is uncertain; largest
    /// projected shortfall first (the gap even if every pledge is paid), then secured, then code.
    public let routes: [RouteShortfall]

    /// The totals miss days they cannot price or do not know about: the page should say
    /// "at least".
    public var isLowerBound: Bool { unknownCostDays > 0 || routesWithTermDatesEndingEarly > 0 }

    init(_ table: DashboardRouteTable, through end: Day, asOf: Day) {
        var secured = Money.zero, projected = Money.zero
        var unknown = 0, early = 0
        var rows: [RouteShortfall] = []
        for result in table.results {
            // The as-of date is never after the end of its own school or financial year.
            guard let shortfall = result.coverage.shortfall(asOf: asOf, through: end) else { continue }
            secured += shortfall.secured
            projected += shortfall.projected
            unknown += shortfall.unknownCostDays
            if shortfall.termDatesEndEarly { early += 1 }
            // Secured coverage never exceeds projected, so a projected shortfall implies a secured one.
            if shortfall.secured.isPositive || shortfall.unknownCostDays > 0 || shortfall.termDatesEndEarly {
                rows.append(RouteShortfall(route: table.facts(result.routeID), status: result.status.status, shortfall: shortfall))
            }
        }
        rows.sort { a, b in
            if a.shortfall.projected != b.shortfall.projected { return a.shortfall.projected > b.shortfall.projected }
            if a.shortfall.secured != b.shortfall.secured { return a.shortfall.secured > b.shortfall.secured }
            if a.route.code != b.route.code { return a.route.code < b.route.code }
            return a.route.routeID.sortsBefore(b.route.routeID)
        }
        self.period = DayRange(start: asOf, end: end) ?? DayRange(single: asOf)
        self.secured = secured
        self.projected = projected
        self.unknownCostDays = unknown
        self.routesWithTermDatesEndingEarly = early
        self.routes = rows
    }
}
