/// One calendar month of a route's coverage (clipped to the range asked for), on both bases:
/// the rows of a funding timeline and the months providers' returns are checked against.
public struct MonthCoverage: Hashable, Sendable {
    /// What one walk did in the month.
    public struct Figures: Hashable, Sendable {
        /// School days met in full (a day that costs nothing is met in full).
        public private(set) var fullyCovered = 0
        public private(set) var partlyCovered = 0
        public private(set) var uncovered = 0
        /// School days whose cost is unknown: in none of the counts above nor in `cost`.
        public private(set) var unknownCostDays = 0
        /// What the school days with a known cost cost.
        public private(set) var cost = Money.zero
        public private(set) var paid = Money.zero

        /// Cost not met. The walk pays nothing towards a day of unknown cost, so this is
        /// exactly the unmet cost of the days with a known cost.
        public var gap: Money { cost - paid }

        mutating func add(_ walk: CoverageWalk, dayAt index: Int) {
            switch walk.state(at: index) {
            case .covered: fullyCovered += 1
            case .partlyCovered: partlyCovered += 1
            case .uncovered: uncovered += 1
            case .unknownCost: unknownCostDays += 1
            }
            if let dayCost = walk.schedule.cost(at: index) { cost += dayCost }
            paid += walk.paid(at: index)
        }
    }

    public let year: Int
    /// 1...12.
    public let month: Int
    /// The month's first and last day inside the range asked for.
    public let firstDay: Day
    public let lastDay: Day
    public let schoolDays: Int
    public let secured: Figures
    public let projected: Figures

    public func figures(_ basis: CoverageBasis) -> Figures {
        switch basis {
        case .secured: secured
        case .projected: projected
        }
    }
}

extension RouteCoverage {
    /// Coverage month by month from `start` through `end`: one entry per calendar month the
    /// range touches, in order, with the first and last month clipped to the range. Months
    /// with no school days (August, or after the route closes) are still listed, with zeros,
    /// so a timeline has no holes. Empty when `end` is before `start`.
    ///
    /// One binary search finds the first school day; after that each school day is read once.
    public func monthly(from start: Day, through end: Day) -> [MonthCoverage] {
        guard start <= end else { return [] }
        var months: [MonthCoverage] = []
        var index = schedule.index(onOrAfter: start)
        var monthStart = start
        while true {
            let monthEnd = Swift.min(monthStart.endOfMonth, end)
            var secured = MonthCoverage.Figures(), projected = MonthCoverage.Figures()
            let first = index
            while index < schedule.count && schedule.days[index] <= monthEnd {
                secured.add(self.secured, dayAt: index)
                projected.add(self.projected, dayAt: index)
                index += 1
            }
            let (year, month, _) = monthStart.components
            months.append(MonthCoverage(year: year, month: month, firstDay: monthStart, lastDay: monthEnd,
                                        schoolDays: index - first, secured: secured, projected: projected))
            // Checked before stepping on, so a range ending on the last representable day stops here.
            if monthEnd == end { return months }
            monthStart = monthEnd.next
        }
    }
}
