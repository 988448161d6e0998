/// A route's school days in order, each with what it costs: the thing the coverage walk pays.
///
/// Built once per route from its term calendar and cost model, and then shared by both walks
/// and every as-of question, so the calendar bitset and the cost model's binary search are
/// not consulted again inside the walk. Costs are plain pence in a flat array; a day whose
/// cost cannot be worked out (before the first cost entry, or an invalid entry) is kept with
/// an unknown cost, because an unknown cost is not a zero cost: the walk pays nothing towards
/// it, never counts it as covered, and reasons name it so someone can fix the cost model.
public struct RouteSchedule: Hashable, Sendable {
    /// Why the schedule stops where it does, which decides whether funding that lasts to its
    /// last day has "ended" or simply lasts as long as the route.
    public enum End: Hashable, Sendable {
        /// The route closes on this day (inside the known term dates): nothing to fund after.
        case routeCloses(Day)
        /// The term calendar says nothing after this day (nil: the calendar has no years).
        case termDatesEnd(Day?)
    }

    /// School days, ascending and distinct.
    public let days: [Day]
    /// Pence per day, parallel to `days`; negative means unknown.
    let costs: [Int64]
    public let end: End

    /// The school days of `calendar` from `start` until the route closes (if it does), priced
    /// by `costModel`. A closing day after the calendar's last academic year is treated as
    /// unknown term dates, since the days before it cannot all be listed.
    public init(calendar: TermCalendar, costModel: RouteCostModel, from start: Day, closingOn closing: Day? = nil) {
        let calendarEnd = calendar.years.last?.academicYear.range.end
        if let closing, let calendarEnd, closing <= calendarEnd {
            end = .routeCloses(closing)
        } else {
            end = .termDatesEnd(calendarEnd)
        }
        let last = Swift.min(closing ?? .latest, calendarEnd ?? start)
        days = DayRange(start: start, end: last).map(calendar.schoolDays(in:)) ?? []
        costs = RouteSchedule.price(days, with: costModel)
    }

    /// A schedule given directly (simulation, tests). `costs[i]` nil means unknown.
    /// - Precondition: `days` ascending and distinct, and as many costs as days.
    public init(days: [Day], costs: [Money?], end: End) {
        precondition(days.count == costs.count, "one cost per day")
        precondition(zip(days, days.dropFirst()).allSatisfy { $0 < $1 }, "days must ascend")
        self.days = days
        self.costs = costs.map { cost in cost.map { $0.isNegative ? -1 : $0.pence } ?? -1 }
        self.end = end
    }

    /// Entry by entry rather than a search per day: days ascend, so the entry in force only
    /// moves forward.
    private static func price(_ days: [Day], with model: RouteCostModel) -> [Int64] {
        let entries = model.entries
        let dailyCosts = entries.map { $0.dailyCost.map { $0.isNegative ? -1 : $0.pence } ?? -1 }
        var costs = [Int64](repeating: -1, count: days.count)
        var next = 0   // first entry not yet in force
        for (i, day) in days.enumerated() {
            while next < entries.count && entries[next].effectiveFrom <= day { next += 1 }
            if next > 0 { costs[i] = dailyCosts[next - 1] }
        }
        return costs
    }
}

// MARK: - Reading

extension RouteSchedule {
    public var count: Int { days.count }

    /// The cost of the `index`th school day, or nil when it is unknown.
    public func cost(at index: Int) -> Money? {
        costs[index] < 0 ? nil : Money(pence: costs[index])
    }

    /// School days whose cost is unknown, for a warning beside the route.
    public var unknownCostDays: [Day] {
        days.indices.filter { costs[$0] < 0 }.map { days[$0] }
    }

    /// Index of the first school day on or after `day` (`count` when there is none).
    public func index(onOrAfter day: Day) -> Int {
        RouteSchedule.lowerBound(days, day.daysSinceEpoch)
    }

    /// Indexes of the school days inside `range`.
    public func indexes(in range: DayRange) -> Range<Int> {
        index(onOrAfter: range.start)..<RouteSchedule.lowerBound(days, range.end.daysSinceEpoch + 1)
    }

    /// Whether funding that reaches the last school day lasts as long as the route does.
    public var closesWithRoute: Bool {
        if case .routeCloses = end { true } else { false }
    }

    /// First index in `days` whose day number is at least `number`.
    static func lowerBound(_ days: [Day], _ number: Int) -> Int {
        var low = 0, high = days.count
        while low < high {
            let mid = (low + high) >> 1
            if days[mid].daysSinceEpoch < number { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension RouteSchedule {
    /// What the route's school days inside `range` cost together: what a specification splits
    /// its value in proportion to. Nil when any of those days has an unknown cost, since a
    /// share worked from a partial figure would be wrong without saying so.
    public func cost(in range: DayRange) -> Money? {
        var total: Int64 = 0
        for index in indexes(in: range) {
            guard costs[index] >= 0 else { return nil }
            total += costs[index]
        }
        return Money(pence: total)
    }
}
