import Foundation
import WaymarkDomain

/// One route as the simulation sees it: what it costs day by day, how many children it
/// serves, and where it is (for funders' restrictions).
public struct SimulationRoute: Hashable, Sendable {
    public var id: UUID
    /// The tenant's short name for the route ("BHM-07"), for results people read.
    public var code: String
    /// Children walked on a school day: the weight of "children on covered routes".
    public var childrenPerDay: Int
    public var localAuthorityID: UUID?
    /// School days with their costs in today's prices. It should reach back to the route's
    /// earliest allocation (money spent before the as-of date stays spent) and forward to the
    /// horizon; months after the schedule's last day count as not covered.
    public var schedule: RouteSchedule

    public init(id: UUID, code: String, childrenPerDay: Int, localAuthorityID: UUID?, schedule: RouteSchedule) {
        self.id = id
        self.code = code
        self.childrenPerDay = childrenPerDay
        self.localAuthorityID = localAuthorityID
        self.schedule = schedule
    }
}

/// The tenant's state as of a day, in plain values: where every scenario starts.
public struct SimulationBase: Sendable {
    public var routes: [SimulationRoute]
    public var sources: [FundingSource]
    /// Allocations whose source or route is not in the base are left out, as the coverage
    /// engine leaves them out.
    public var allocations: [Allocation]
    public var asOf: Day
    /// Whole calendar months forecast, starting with the as-of date's month.
    public var horizonMonths: Int
    /// Each local authority's school days (ascending, as far as its term calendar is known):
    /// where a route a scenario opens gets its days.
    public var schoolDays: [UUID: [Day]]

    public init(routes: [SimulationRoute], sources: [FundingSource], allocations: [Allocation],
                asOf: Day, horizonMonths: Int = 36, schoolDays: [UUID: [Day]] = [:]) {
        precondition(horizonMonths > 0, "the horizon needs at least one month")
        self.routes = routes
        self.sources = sources
        self.allocations = allocations
        self.asOf = asOf
        self.horizonMonths = horizonMonths
        self.schoolDays = schoolDays
    }

    /// The first day of each month forecast.
    public var months: [Day] {
        (0..<horizonMonths).map { asOf.startOfMonth.adding(months: $0) }
    }

    /// The last day forecast: the end of the horizon's last month.
    public var horizonEnd: Day {
        asOf.startOfMonth.adding(months: horizonMonths).previous
    }
}
