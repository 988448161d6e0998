import Foundation
@testable import WaymarkDomain

/// Birmingham's 2023/24 terms without its INSET days: 195 school days, the length of year
/// the demo specification is priced on (73 + 2, 49 + 1 and 68 + 2 days).
enum SchoolYear195 {
    static let calendar = TermCalendar(authority: "Birmingham, no INSET days", years: [
        TermCalendar.Year(academicYear: AcademicYear(startYear: 2023)!, terms: Birmingham.year2023.terms),
    ])
}

/// One route's coverage from (allocation, source) pairs at a flat daily cost.
func coverage(_ funding: [(Allocation, FundingSource)], perDay: Money, calendar: TermCalendar = Birmingham.calendar,
              from start: Day = day("2022-09-01"), closing: Day? = nil, route: Int = 1) -> RouteCoverage {
    RouteCoverage(RouteCoverageInput(
        routeID: id(route),
        schedule: RouteSchedule(calendar: calendar, costModel: Fixture.flatCost(perDay), from: start, closingOn: closing),
        allocations: funding.map { FundedAllocation($0.0, of: $0.1) }))
}

extension CoverageWalk {
    /// Test shorthand: the walk's day states from `from` through `through`.
    func states(_ from: String, _ through: String) -> [DayCoverage] {
        schedule.indexes(in: range(from, through)).map(state(at:))
    }

    /// Drawn total of the allocation with this id.
    func drawn(_ allocationID: UUID) -> Money {
        drawn(allocationAt: allocations.firstIndex { $0.allocation.id == allocationID }!)
    }

    func lapsed(_ allocationID: UUID) -> Money {
        lapsed(allocationAt: allocations.firstIndex { $0.allocation.id == allocationID }!)
    }
}
