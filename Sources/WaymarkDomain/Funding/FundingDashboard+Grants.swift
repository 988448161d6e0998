import Foundation

/// A route an ending grant pays for that is not secure.
public struct RouteLeftAtRisk: Hashable, Sendable {
    public let route: DashboardRoute
    public let status: RouteStatus
    /// Last day of the projected funded run (nil: not even its next school day is funded).
    public let projectedFundedUntil: Day?
}

/// A grant whose period ends within one of the dashboard's bands.
public struct EndingGrant: Hashable, Sendable {
    public let sourceID: UUID
    /// "Youth Endowment Fund extension".
    public let label: String
    public let status: FundingSource.Status
    public let amount: Money
    /// The last day of the source's period.
    public let end: Day
    /// Calendar days from the as-of date to `end` (0 when it ends on the as-of date).
    public let daysLeft: Int
    /// The routes the grant "leaves at risk" — our reading of the brief's "each with the
    /// routes it leaves at risk": every route holding an allocation from this source (of any
    /// period) whose status as of the dashboard's date is not `secure`. A route the grant pays
    /// for that is secure has other money lined up, so losing this grant does not threaten
    /// it; a route that is unfunded, at risk or on watch needs attention whichever money
    /// fails it. Most urgent first (`RouteStatus` order), then by code.
    public let routesLeftAtRisk: [RouteLeftAtRisk]
}

/// The grants ending within one band: `lowerEdge ≤ days left < days`.
public struct GrantBand: Hashable, Sendable {
    /// The band's limit N: every grant here ends earlier than the as-of date plus N days.
    public let days: Int
    /// The previous band's limit (0 for the first): no grant here ends earlier than the
    /// as-of date plus this many days.
    public let lowerEdge: Int
    /// By end day, then label.
    public let grants: [EndingGrant]

    /// Sources pledged, confirmed or received whose period ends in a band, each in the
    /// narrowest band it falls in. Prospective money is not yet expected and withdrawn money
    /// has already gone, so neither "ends". Every band is returned, empty or not.
    static func bands(sources: [FundingSource], table: DashboardRouteTable, bands: GrantBands, asOf: Day) -> [GrantBand] {
        var byBand: [Int: [EndingGrant]] = [:]
        for source in sources where source.status.countsAsProjected {
            guard let band = bands.band(forEnd: source.period.end, asOf: asOf) else { continue }
            byBand[band, default: []].append(EndingGrant(
                sourceID: source.id, label: source.label, status: source.status, amount: source.amount,
                end: source.period.end, daysLeft: source.period.end.days(from: asOf),
                routesLeftAtRisk: routesLeftAtRisk(by: source.id, table)))
        }
        return bands.limits.map { limit in
            let grants = byBand[limit, default: []].sorted { a, b in
                if a.end != b.end { return a.end < b.end }
                if a.label != b.label { return a.label < b.label }
                return a.sourceID.sortsBefore(b.sourceID)
            }
            return GrantBand(days: limit, lowerEdge: bands.lowerEdge(of: limit), grants: grants)
        }
    }

    private static func routesLeftAtRisk(by sourceID: UUID, _ table: DashboardRouteTable) -> [RouteLeftAtRisk] {
        table.holderResults(of: sourceID)
            .filter { $0.status.status != .secure }
            .map { RouteLeftAtRisk(route: table.facts($0.routeID), status: $0.status.status,
                                   projectedFundedUntil: $0.status.projectedFundedUntil) }
            .sorted { a, b in
                if a.status != b.status { return a.status < b.status }
                if a.route.code != b.route.code { return a.route.code < b.route.code }
                return a.route.routeID.sortsBefore(b.route.routeID)
            }
    }
}
