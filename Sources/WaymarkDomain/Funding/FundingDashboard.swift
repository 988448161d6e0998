import Foundation

/// What the dashboard knows about a route besides its coverage: how people name it and how
/// many children walk it, so totals can be given in children as well as routes.
public struct DashboardRoute: Hashable, Sendable, Codable {
    public var routeID: UUID
    /// "BHM-06".
    public var code: String
    /// "Ladywood".
    public var name: String
    public var childrenPerDay: Int

    public init(routeID: UUID, code: String, name: String, childrenPerDay: Int) {
        self.routeID = routeID
        self.code = code
        self.name = name
        self.childrenPerDay = childrenPerDay
    }

    /// "BHM-06 Ladywood".
    public var title: String { [code, name].filter { !$0.isEmpty }.joined(separator: " ") }
}

/// The tenant's funding picture as of a day, in one value: routes and children by status,
/// the shortfall to the end of the school and financial years, grants ending soon with the
/// routes they leave at risk, where each source's money stands, and money lapsing unspent.
///
/// Everything is worked out from the coverage results the caller already has; statuses
/// are the ones in the results (computed with the tenant's windows as of `asOf`).
public struct FundingDashboard: Sendable {
    public let asOf: Day
    public let bands: GrantBands
    /// Routes with each status (every status present, zero when none).
    public let routeCounts: [RouteStatus: Int]
    /// Children per day on routes with each status (every status present).
    public let childrenCounts: [RouteStatus: Int]
    /// Each route's status, for alert detection.
    public let statuses: [UUID: RouteStatus]
    public let schoolYearShortfall: ShortfallSummary
    public let financialYearShortfall: ShortfallSummary
    /// One entry per band, narrowest first, each with its grants.
    public let endingGrants: [GrantBand]
    /// One per source, in the order the sources were given.
    public let sourcePositions: [SourcePosition]
    public let lapse: LapseSummary

    /// The children the programme could lose soonest: on routes unfunded or at risk.
    public var childrenAtRiskOrUnfunded: Int {
        childrenCounts[.unfunded, default: 0] + childrenCounts[.atRisk, default: 0]
    }

    /// - Parameters:
    ///   - routes: names and children of the routes in `results`. A result without facts
    ///     counts as a route with no code, no name and no children.
    ///   - sources: the tenant's funding sources; allocations of sources not given are ignored.
    public init(results: [RouteCoverageResult], routes: [DashboardRoute], sources: [FundingSource],
                asOf: Day, bandLimits: [Int] = [30, 90, 180]) {
        let facts = Dictionary(routes.map { ($0.routeID, $0) }, uniquingKeysWith: { first, _ in first })
        let table = DashboardRouteTable(results: results, facts: facts)
        self.asOf = asOf
        self.bands = GrantBands(bandLimits)
        var routeCounts = Dictionary(uniqueKeysWithValues: RouteStatus.allCases.map { ($0, 0) })
        var childrenCounts = routeCounts
        var statuses: [UUID: RouteStatus] = [:]
        for result in results {
            let status = result.status.status
            routeCounts[status, default: 0] += 1
            childrenCounts[status, default: 0] += table.facts(result.routeID).childrenPerDay
            statuses[result.routeID] = status
        }
        self.routeCounts = routeCounts
        self.childrenCounts = childrenCounts
        self.statuses = statuses
        self.schoolYearShortfall = ShortfallSummary(table, through: asOf.academicYear.range.end, asOf: asOf)
        self.financialYearShortfall = ShortfallSummary(table, through: asOf.financialYear.range.end, asOf: asOf)
        self.endingGrants = GrantBand.bands(sources: sources, table: table, bands: bands, asOf: asOf)
        let positions = sources.map { SourcePosition(source: $0, routes: table.holders(of: $0.id), asOf: asOf) }
        self.sourcePositions = positions
        self.lapse = LapseSummary(sources: sources, positions: positions)
    }

    /// The ending grants as `FundingAlerts.detect` takes them.
    public var endingGrantAlerts: [(sourceID: UUID, end: Day, bandDays: Int)] {
        endingGrants.flatMap { band in band.grants.map { ($0.sourceID, $0.end, band.days) } }
    }
}

/// The results indexed the ways the dashboard's parts read them, built once.
struct DashboardRouteTable {
    let results: [RouteCoverageResult]
    private let facts: [UUID: DashboardRoute]
    /// Indexes into `results` of the routes holding an allocation from each source, each once.
    private let holdersBySource: [UUID: [Int]]

    init(results: [RouteCoverageResult], facts: [UUID: DashboardRoute]) {
        self.results = results
        self.facts = facts
        var holders: [UUID: [Int]] = [:]
        for (index, result) in results.enumerated() {
            for sourceID in Set(result.coverage.allocations.map(\.allocation.sourceID)) {
                holders[sourceID, default: []].append(index)
            }
        }
        self.holdersBySource = holders
    }

    func facts(_ routeID: UUID) -> DashboardRoute {
        facts[routeID] ?? DashboardRoute(routeID: routeID, code: "", name: "", childrenPerDay: 0)
    }

    func holders(of sourceID: UUID) -> [RouteCoverage] {
        holdersBySource[sourceID, default: []].map { results[$0].coverage }
    }

    func holderResults(of sourceID: UUID) -> [RouteCoverageResult] {
        holdersBySource[sourceID, default: []].map { results[$0] }
    }
}
