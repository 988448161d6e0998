/// One bank holiday: the day it is observed and its name as GOV.UK publishes it.
public struct BankHoliday: Hashable, Sendable, Codable {
    public let day: Day
    public let name: String
    /// True when the holiday moved to a weekday because its date fell at a weekend.
    public let isSubstitute: Bool

    public init(day: Day, name: String, isSubstitute: Bool = false) {
        self.day = day
        self.name = name
        self.isSubstitute = isSubstitute
    }

    /// "Christmas Day (substitute day)" — what to show in reasons and calendars.
    public var displayName: String { isSubstitute ? "\(name) (substitute day)" : name }
}

/// A published list of bank holidays for one part of the UK.
///
/// Held as data rather than computed from rules because the rules have exceptions made by
/// proclamation (VE Day 2020, the Platinum Jubilee, a state funeral, a coronation) that no
/// formula predicts. The list covers a known span of years; `covers(_:)` says whether a day
/// falls inside it, so callers can tell "not a holiday" from "we do not know".
public struct BankHolidays: Sendable {
    /// Every holiday, in date order.
    public let holidays: [BankHoliday]
    /// The calendar years the list is complete for.
    public let years: ClosedRange<Int>
    private let byDay: [Day: BankHoliday]

    /// - Precondition: every holiday falls inside `years`; the list is sorted here.
    public init(holidays: [BankHoliday], years: ClosedRange<Int>) {
        precondition(holidays.allSatisfy { years.contains($0.day.year) }, "holiday outside \(years)")
        self.holidays = holidays.sorted { $0.day < $1.day }
        self.years = years
        self.byDay = Dictionary(holidays.map { ($0.day, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func contains(_ day: Day) -> Bool { byDay[day] != nil }

    /// The holiday on `day`, if there is one.
    public func holiday(on day: Day) -> BankHoliday? { byDay[day] }

    /// The holidays of one calendar year, in date order (empty outside `years`).
    public func holidays(in year: Int) -> [BankHoliday] {
        holidays.filter { $0.day.year == year }
    }

    /// The holidays within a range, in date order.
    public func holidays(in range: DayRange) -> [BankHoliday] {
        holidays.filter { range.contains($0.day) }
    }

    /// Whether the list is authoritative for `day`'s year.
    public func covers(_ day: Day) -> Bool { years.contains(day.year) }

    /// The first to last day of the covered years.
    public var coveredRange: DayRange {
        DayRange(uncheckedStart: Day(years.lowerBound, 1, 1), end: Day(years.upperBound, 12, 31))
    }
}
