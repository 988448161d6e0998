/// The money a route still needs to be fully covered over a period (DESIGN.md, used for
/// "shortfall to the end of the school year / financial year"): the unmet cost of every
/// school day from the as-of date to the end day, on each basis.
public struct Shortfall: Hashable, Sendable {
    /// From the as-of date to the end day, both included.
    public let period: DayRange
    public let secured: Money
    public let projected: Money
    /// School days in the period whose cost is unknown: not in either figure, so the true
    /// shortfall may be larger. Shown beside the figures when not zero.
    public let unknownCostDays: Int
    /// The schedule stops before the end day because term dates run out (not because the
    /// route closes): the days after it are not counted, so the figures are a lower bound.
    public let termDatesEndEarly: Bool
}

extension RouteCoverage {
    /// Shortfall from `asOf` through `end`; nil when `end` is before `asOf`.
    public func shortfall(asOf: Day, through end: Day) -> Shortfall? {
        guard let period = DayRange(start: asOf, end: end) else { return nil }
        let secured = secured.uncoveredCost(in: period)
        let projected = projected.uncoveredCost(in: period)
        var endsEarly = false
        if case .termDatesEnd(let known) = schedule.end { endsEarly = known.map { $0 < end } ?? true }
        return Shortfall(period: period, secured: secured.amount, projected: projected.amount,
                         unknownCostDays: secured.unknownCostDays, termDatesEndEarly: endsEarly)
    }

    /// To the end of the academic year (31 August) containing `asOf`.
    public func shortfallToEndOfSchoolYear(asOf: Day) -> Shortfall? {
        shortfall(asOf: asOf, through: asOf.academicYear.range.end)
    }

    /// To the end of the financial year (31 March) containing `asOf`.
    public func shortfallToEndOfFinancialYear(asOf: Day) -> Shortfall? {
        shortfall(asOf: asOf, through: asOf.financialYear.range.end)
    }
}
