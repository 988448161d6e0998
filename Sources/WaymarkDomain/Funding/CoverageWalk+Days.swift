/// How much of one school day's cost a walk met.
public enum DayCoverage: String, Hashable, Sendable, Codable {
    /// Cost met in full (including a day that costs nothing).
    case covered
    /// Some of the cost met.
    case partlyCovered
    /// None of the cost met.
    case uncovered
    /// The route's cost for the day is not known, so it cannot be called covered.
    case unknownCost
}

/// The unbroken run of fully covered school days starting at the first school day on or
/// after an as-of date: its last day is the route's "funded until".
public struct FundedRun: Hashable, Sendable {
    public let firstDay: Day
    /// Funded until.
    public let lastDay: Day
    /// School days in the run, both ends included ("18 school days left").
    public let schoolDays: Int
    /// The run reaches the last school day the schedule has: the route closes then, or the
    /// term dates run out, and coverage after it cannot be known.
    public let reachesEndOfSchedule: Bool
    /// Schedule indexes: `firstIndex ..< endIndex`.
    let firstIndex: Int
    let endIndex: Int
}

extension CoverageWalk {
    public func paid(at index: Int) -> Money { Money(pence: paid[index]) }

    public func isCovered(at index: Int) -> Bool {
        coveredBits[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    public func state(at index: Int) -> DayCoverage {
        if isCovered(at: index) { return .covered }
        if schedule.costs[index] < 0 { return .unknownCost }
        return paid[index] > 0 ? .partlyCovered : .uncovered
    }

    /// Unmet cost of day `index` (zero when covered or when the cost is unknown).
    func unmet(at index: Int) -> Int64 {
        let cost = schedule.costs[index]
        return cost < 0 ? 0 : cost - paid[index]
    }

    /// First index at or after `start` that is not met in full (`count` when there is none).
    /// Reads 64 days at a time.
    func firstNotCovered(from start: Int) -> Int {
        let n = schedule.count
        guard start < n else { return n }
        var word = start >> 6
        var open = ~coveredBits[word] & (~UInt64(0) << UInt64(start & 63))
        while open == 0 {
            word += 1
            guard word < coveredBits.count else { return n }
            open = ~coveredBits[word]
        }
        return Swift.min((word << 6) + open.trailingZeroBitCount, n)
    }

    /// DESIGN.md, "Funded until": the run of fully covered school days from the first school
    /// day on or after `asOf`; nil when that day is not fully covered or there is no such day.
    public func fundedRun(asOf: Day) -> FundedRun? {
        let first = schedule.index(onOrAfter: asOf)
        guard first < schedule.count, isCovered(at: first) else { return nil }
        let end = firstNotCovered(from: first)
        return FundedRun(firstDay: schedule.days[first], lastDay: schedule.days[end - 1],
                         schoolDays: end - first, reachesEndOfSchedule: end == schedule.count,
                         firstIndex: first, endIndex: end)
    }

    /// The last school day of the funded run, or nil.
    public func fundedUntil(asOf: Day) -> Day? {
        fundedRun(asOf: asOf)?.lastDay
    }

    /// DESIGN.md: funding "ends within N days" when funded-until is earlier than the as-of
    /// date plus N calendar days; no funded-until counts as ending.
    ///
    /// One reading added: a run that lasts to the day the route closes has not "ended" — the
    /// route needs nothing after it — so a fully funded closing route is not flagged. A run
    /// that stops only because the term dates run out still counts as ending, because nobody
    /// can yet show the days after it are paid for; the reasons say to add term dates.
    public func endsWithin(days: Int, asOf: Day) -> Bool {
        guard let run = fundedRun(asOf: asOf) else { return true }
        if run.reachesEndOfSchedule && schedule.closesWithRoute { return false }
        return CoverageWalk.endsWithin(fundedUntil: run.lastDay, days: days, asOf: asOf)
    }

    /// The rule on its own, for callers holding only a funded-until day.
    public static func endsWithin(fundedUntil: Day?, days: Int, asOf: Day) -> Bool {
        guard let fundedUntil else { return true }
        return fundedUntil.daysSinceEpoch < asOf.daysSinceEpoch + days
    }

    /// Cost not met on the school days in `range`, and how many of them have an unknown cost
    /// (not included: there is no figure to add).
    public func uncoveredCost(in range: DayRange) -> (amount: Money, unknownCostDays: Int) {
        var total: Int64 = 0, unknown = 0
        for i in schedule.indexes(in: range) {
            if schedule.costs[i] < 0 { unknown += 1 } else { total += unmet(at: i) }
        }
        return (Money(pence: total), unknown)
    }
}
