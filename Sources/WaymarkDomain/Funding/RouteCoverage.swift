import Foundation

/// Both coverage walks of one route: *secured* (confirmed and received money) and
/// *projected* (adding pledges). Prospective and withdrawn money is in neither.
///
/// The allocations are put in drawing order once and their periods turned into school-day
/// indexes once; both walks share that work and the schedule's arrays.
public struct RouteCoverage: Sendable {
    public let routeID: UUID
    public let schedule: RouteSchedule
    /// The route's allocations in drawing order (see `Allocation.drawsBefore`).
    public let allocations: [FundedAllocation]
    public let secured: CoverageWalk
    public let projected: CoverageWalk

    public init(_ input: RouteCoverageInput) {
        var workspace = CoverageWorkspace()
        self.init(input, workspace: &workspace)
    }

    init(_ input: RouteCoverageInput, workspace: inout CoverageWorkspace) {
        let ordered = input.allocations.sorted { Allocation.drawsBefore($0.allocation, $1.allocation) }
        let days = input.schedule.days
        var firstDay = [Int32](), endDay = [Int32]()
        firstDay.reserveCapacity(ordered.count)
        endDay.reserveCapacity(ordered.count)
        for funded in ordered {
            let period = funded.allocation.period
            firstDay.append(Int32(RouteSchedule.lowerBound(days, period.start.daysSinceEpoch)))
            endDay.append(Int32(RouteSchedule.lowerBound(days, period.end.daysSinceEpoch + 1)))
        }
        routeID = input.routeID
        schedule = input.schedule
        allocations = ordered
        secured = CoverageWalk(basis: .secured, schedule: schedule, allocations: ordered,
                               firstDay: firstDay, endDay: endDay, workspace: &workspace)
        projected = CoverageWalk(basis: .projected, schedule: schedule, allocations: ordered,
                                 firstDay: firstDay, endDay: endDay, workspace: &workspace)
    }

    public func walk(_ basis: CoverageBasis) -> CoverageWalk {
        switch basis {
        case .secured: secured
        case .projected: projected
        }
    }

    /// Where the allocation with this id sits in `allocations`.
    public func allocationIndex(of id: UUID) -> Int? {
        allocations.firstIndex { $0.allocation.id == id }
    }

    /// Funded-until on both bases.
    public func fundedUntil(asOf: Day) -> (secured: Day?, projected: Day?) {
        (secured.fundedUntil(asOf: asOf), projected.fundedUntil(asOf: asOf))
    }
}
