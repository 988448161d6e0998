/// What one school day of a route costs, and how that changes over time.
///
/// A route's cost is set by its staffing (chaperones × hours × hourly rate) plus a daily
/// share of the provider's management, and changes on known dates (a pay rise from 1 April,
/// an extra chaperone from September). Each change is an entry that applies from its
/// `effectiveFrom` day until the next entry; before the first entry the cost is unknown.
public struct RouteCostModel: Hashable, Sendable {
    /// The cost basis from one day onward.
    public struct Entry: Hashable, Sendable, Codable {
        public var effectiveFrom: Day
        public var chaperones: Int
        /// Paid time per chaperone per school day, in whole minutes (150 = 2½ hours). Minutes
        /// rather than fractional hours so the sum stays in integers.
        public var minutesPerDay: Int
        public var hourlyRate: Money
        public var dailyManagement: Money

        public init(effectiveFrom: Day, chaperones: Int, minutesPerDay: Int,
                    hourlyRate: Money, dailyManagement: Money = .zero) {
            self.effectiveFrom = effectiveFrom
            self.chaperones = chaperones
            self.minutesPerDay = minutesPerDay
            self.hourlyRate = hourlyRate
            self.dailyManagement = dailyManagement
        }

        /// chaperones × (minutes ÷ 60) × hourly rate, rounded once to whole pence (half up,
        /// i.e. away from zero), plus daily management. Rounding once per day — not per
        /// chaperone — matches how a provider invoices a day. Nil if it overflows.
        public var dailyCost: Money? {
            let (people, overflowA) = Int64(chaperones).multipliedReportingOverflow(by: Int64(minutesPerDay))
            let (penceTimesSixty, overflowB) = people.multipliedReportingOverflow(by: hourlyRate.pence)
            guard !overflowA, !overflowB else { return nil }
            let (quotient, remainder) = penceTimesSixty.quotientAndRemainder(dividingBy: 60)
            let rounded = Swift.abs(remainder) * 2 >= 60 ? quotient + (penceTimesSixty < 0 ? -1 : 1) : quotient
            return Money(pence: rounded).addingReportingOverflow(dailyManagement)
        }
    }

    /// In `effectiveFrom` order (stable, so duplicates keep their given order for validation).
    public let entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries.enumerated()
            .sorted { ($0.element.effectiveFrom, $0.offset) < ($1.element.effectiveFrom, $1.offset) }
            .map(\.element)
    }

    /// The entry in force on `day`: the last one whose `effectiveFrom` is on or before it.
    public func entry(on day: Day) -> Entry? {
        // Binary search for the first entry starting after `day`; the one before it applies.
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].effectiveFrom <= day { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : entries[low - 1]
    }

    /// The cost of working `day`, or nil before the first entry (or on overflow). This does
    /// not ask whether `day` is a school day: that is the term calendar's job.
    public func dailyCost(on day: Day) -> Money? {
        entry(on: day)?.dailyCost
    }

    /// The total cost of working every day in `days` (typically a route's school days), or nil
    /// if any day precedes the first entry — an unknown cost is not a zero cost — or on overflow.
    public func cost(of days: some Sequence<Day>) -> Money? {
        var total = Money.zero
        for day in days {
            guard let cost = dailyCost(on: day), let next = total.addingReportingOverflow(cost) else { return nil }
            total = next
        }
        return total
    }

    /// Problems in words; empty when the model can be used.
    public func validate() -> [String] {
        var problems: [String] = []
        if entries.isEmpty { problems.append("The route has no cost entries.") }
        for (i, entry) in entries.enumerated() {
            let from = "From \(entry.effectiveFrom.display)"
            if i > 0 && entries[i - 1].effectiveFrom == entry.effectiveFrom {
                problems.append("\(from): more than one cost entry starts on this date.")
            }
            if entry.chaperones < 1 {
                problems.append("\(from): a route needs at least 1 chaperone (found \(entry.chaperones)).")
            }
            if entry.minutesPerDay < 0 {
                problems.append("\(from): hours per day cannot be negative.")
            } else if entry.minutesPerDay > 24 * 60 {
                problems.append("\(from): hours per day cannot exceed 24.")
            }
            if entry.hourlyRate.isNegative {
                problems.append("\(from): the hourly rate cannot be negative (\(entry.hourlyRate.display)).")
            }
            if entry.dailyManagement.isNegative {
                problems.append("\(from): daily management cannot be negative (\(entry.dailyManagement.display)).")
            }
            if entry.dailyCost == nil {
                problems.append("\(from): the daily cost is too large to calculate.")
            }
        }
        return problems
    }
}

/// Encoded as the list of entries.
extension RouteCostModel: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(entries: try decoder.singleValueContainer().decode([Entry].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }
}
