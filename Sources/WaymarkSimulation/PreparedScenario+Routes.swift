import Foundation
import WaymarkDomain

/// A route's school days and costs after the scenario's cost changes and closures, cut at
/// the horizon's end (days after it cannot change what is paid before it: each allocation
/// pays the oldest unpaid days first).
struct RouteDays {
    var days: [Day]
    var costs: [Int64]
    /// The route has school days after the horizon's end and does not close before it: a
    /// month without school days at the very end (an August) then takes the last month's
    /// answer, where it would otherwise have nothing to take.
    var runsPastHorizon: Bool

    init(_ route: SimulationRoute, interventions: [Intervention], horizonEnd: Day) {
        var last = horizonEnd, closes = false
        for case .closeRoute(let routeID, let on) in interventions where routeID == route.id {
            last = Swift.min(last, on)
            closes = true
        }
        let schedule = route.schedule
        let count = schedule.index(onOrAfter: last.next)
        runsPastHorizon = !closes && count < schedule.days.count
        days = Array(schedule.days[0..<count])
        costs = (0..<count).map { schedule.cost(at: $0).map { $0.pence } ?? -1 }
        for case .changeDailyCost(let routeID, let dailyCost, let from) in interventions where routeID == route.id {
            let first = RouteDays.lowerBound(days, from)
            let pence = dailyCost.isNegative ? -1 : dailyCost.pence
            for i in first..<count { costs[i] = pence }
        }
    }

    /// Known cost of the school days inside `period` (the weight for sharing a new source).
    func cost(in period: DayRange) -> Int64 {
        let first = RouteDays.lowerBound(days, period.start)
        let end = RouteDays.lowerBound(days, period.end.next)
        return (first..<Swift.max(first, end)).reduce(0) { $0 + Swift.max(costs[$1], 0) }
    }

    static func lowerBound(_ days: [Day], _ day: Day) -> Int {
        var low = 0, high = days.count
        while low < high {
            let mid = (low + high) >> 1
            if days[mid] < day { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// An allocation on its way into a prepared route: which money slot pays it, and whether
/// what it leaves unspent counts as lapsed (not when a withdrawal cut it short).
struct RouteAllocation {
    var allocation: Allocation
    var slot: Int
    var canLapse = true
}

extension PreparedScenario {
    /// Flat arrays for one route, its allocations (each tagged with its money slot) put in
    /// drawing order.
    static func prepare(_ route: SimulationRoute, days: RouteDays, allocations: [RouteAllocation], slots: [MoneySlot],
                        months: [Day], aprils: [Day], asOf: Day, horizonEnd: Day) -> PreparedRoute {
        let ordered = allocations.sorted { Allocation.drawsBefore($0.allocation, $1.allocation) }
        let index = { (day: Day) in Int32(RouteDays.lowerBound(days.days, day)) }
        return PreparedRoute(
            id: route.id, code: route.code, children: route.childrenPerDay,
            costs: days.costs,
            inflationStarts: aprils.map(index),
            monthStarts: months.map(index) + [Int32(days.days.count)],
            slots: ordered.map { Int32($0.slot) },
            amounts: ordered.map { Swift.max($0.allocation.amount.pence, 0) },
            firstDay: ordered.map { index($0.allocation.period.start) },
            endDay: ordered.map { index($0.allocation.period.end.next) },
            lapsesInHorizon: ordered.map {
                $0.canLapse && $0.allocation.period.end >= asOf && $0.allocation.period.end <= horizonEnd
            },
            runsPastHorizon: days.runsPastHorizon,
            alwaysWhole: { slots[Int($0)].isAlwaysWhole })
    }
}
