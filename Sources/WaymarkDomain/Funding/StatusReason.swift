/// How an allocation's money stops paying for a route.
public enum FundingStop: Hashable, Sendable {
    /// The allocation's period ends on this day (any money left lapses).
    case periodEnds(Day)
    /// The money is used up; this is the last school day it paid towards.
    case moneyRunsOut(Day)

    public var day: Day {
        switch self {
        case .periodEnds(let day), .moneyRunsOut(let day): day
        }
    }

    /// "ends 31 Mar 2023" / "ended 31 Mar 2023" / "runs out on 14 Mar 2023".
    func words(past: Bool) -> String {
        switch self {
        case .periodEnds(let day): "\(past ? "ended" : "ends") \(day.display)"
        case .moneyRunsOut(let day): "\(past ? "ran" : "runs") out on \(day.display)"
        }
    }
}

/// What a funded run runs into on its first day after.
public enum AfterFunding: Hashable, Sendable {
    case unfunded(Day)
    case partlyFunded(Day)
    case costUnknown(Day)
    /// No school days are known after the run: term dates run out (nil: none at all).
    case termDatesEnd(Day?)
    case routeCloses(Day)
}

/// A funded run ending within a status window, and the money whose end ends it.
public struct FundingEnd: Hashable, Sendable {
    public let basis: CoverageBasis
    /// The money that paid most of the last funded day (nil if that day cost nothing).
    public let label: String?
    public let stop: FundingStop?
    public let lastFundedDay: Day
    /// School days from the next school day to the last funded day, both included.
    public let schoolDaysLeft: Int
    public let after: AfterFunding
}

/// One reason behind a status, as data; `text` renders it.
public enum StatusReason: Hashable, Sendable {
    /// The schedule has no school day on or after the as-of date.
    case noSchoolDayAhead(asOf: Day, end: RouteSchedule.End)
    /// Rule 1: the next school day is not met in full even counting pledges.
    case nextSchoolDayNotFunded(day: Day, cost: Money, funded: Money)
    case nextSchoolDayCostUnknown(day: Day)
    /// The last money to pay for the route before the as-of date's gap.
    case fundingStopped(label: String, stop: FundingStop, asOf: Day)
    /// Projected funding starts, or starts again, after the gap.
    case fundingStarts(day: Day, label: String, again: Bool)
    /// Rules 2 and 3: the funded run ends within the window.
    case fundingEnds(FundingEnd)
    /// Rule 3 when nothing confirmed pays the next school day.
    case noConfirmedFunding(nextSchoolDay: Day)
    /// Pledges carry the route beyond its confirmed money.
    case keptGoingByPledges(funders: [String], after: Day?, from: Day)
    /// Rule 4: secured money covers the route beyond both windows.
    case securedThrough(lastDay: Day, schoolDays: Int, routeCloses: Day?)

    public var text: String {
        switch self {
        case let .noSchoolDayAhead(asOf, end):
            switch end {
            case .routeCloses(let day):
                return "The route has no school days on or after \(asOf.display): it closes on \(day.display)"
            case .termDatesEnd(let known?):
                return "No school days are known on or after \(asOf.display): term dates run only to \(known.display), so add the next school year's"
            case .termDatesEnd(nil):
                return "No school days are known on or after \(asOf.display): the route's term calendar has no term dates"
            }
        case let .nextSchoolDayNotFunded(day, cost, funded):
            return funded.isZero
                ? "No funding for \(day.display), the next school day"
                : "Only \(funded.display) of the \(cost.display) needed for \(day.display), the next school day, is funded"
        case let .nextSchoolDayCostUnknown(day):
            return "The cost of \(day.display), the next school day, is not known: the route has no cost set for it"
        case let .fundingStopped(label, stop, asOf):
            return "\(label) \(stop.words(past: stop.day < asOf))"
        case let .fundingStarts(day, label, again):
            return "Funding \(again ? "starts again" : "starts") on \(day.display) (\(label))"
        case let .fundingEnds(end):
            return FundingEnd.text(end)
        case let .noConfirmedFunding(day):
            return "No confirmed funding for \(day.display), the next school day"
        case let .keptGoingByPledges(funders, after, from):
            let who = funders.joinedAsList()
            return after.map { "Kept going only by pledged money from \(who) after \($0.display)" }
                ?? "Kept going only by pledged money from \(who) from \(from.display)"
        case let .securedThrough(lastDay, schoolDays, closes):
            let until = closes.map { "until the route closes on \($0.display)" } ?? "to \(lastDay.display)"
            return "Confirmed funding covers every school day \(until) (\(FundingSource.count(schoolDays, "school day")))"
        }
    }
}

extension FundingEnd {
    /// "Home Office grant ends 31 Mar 2023; no confirmed funding after; 18 school days left".
    static func text(_ end: FundingEnd) -> String {
        let money = end.basis.moneyWords
        let left = "\(FundingSource.count(end.schoolDaysLeft, "school day")) left"
        let what: String
        if let label = end.label, let stop = end.stop {
            what = "\(label) \(stop.words(past: false))"
        } else {
            what = "\(money.prefix(1).uppercased() + money.dropFirst()) funding covers school days to \(end.lastFundedDay.display)"
        }
        switch end.after {
        case .unfunded:
            return "\(what); no \(money) funding after; \(left)"
        case .partlyFunded(let day):
            return "\(what); \(money) funding covers only part of \(day.display); \(left)"
        case .costUnknown(let day):
            return "\(what); the cost of \(day.display) is not known; \(left)"
        case .termDatesEnd(let known):
            let dates = known.map { "term dates are known only to \($0.display)" } ?? "no term dates are known"
            return "\(money.prefix(1).uppercased() + money.dropFirst()) funding covers every school day to \(end.lastFundedDay.display), but \(dates); \(left)"
        case .routeCloses(let day):
            return "\(what); the route closes on \(day.display); \(left)"
        }
    }
}

extension Array where Element == String {
    /// "A", "A and B", "A, B and C".
    public func joinedAsList() -> String {
        count <= 1 ? (first ?? "") : dropLast().joined(separator: ", ") + " and " + last!
    }
}
