/// A calendar date in the proleptic Gregorian calendar, with no time and no time zone.
///
/// Term days, grant periods and contract dates are days, not instants: "the grant ends on
/// 31 March 2023" must mean the same thing on a server in UTC and a laptop in London, so a
/// `Day` never passes through `Date`, `Calendar` or a time zone.
///
/// A day is stored as one integer, the number of days since 1970-01-01, because the coverage
/// engine walks millions of days: comparing, hashing and stepping are then single integer
/// operations, and the year, month and day are derived only when something is shown.
/// Years are limited to 1...9999 so that every day has a four-digit ISO form.
public struct Day: Hashable, Sendable {
    /// Days since 1970-01-01 (negative before it). Stable: it is the day's identity.
    public let daysSinceEpoch: Int

    /// The smallest and largest days a `Day` can hold (0001-01-01 and 9999-12-31).
    public static let earliest = Day(uncheckedDaysSinceEpoch: CivilCalendar.daysFromCivil(year: 1, month: 1, day: 1))
    public static let latest = Day(uncheckedDaysSinceEpoch: CivilCalendar.daysFromCivil(year: 9999, month: 12, day: 31))

    private init(uncheckedDaysSinceEpoch: Int) {
        self.daysSinceEpoch = uncheckedDaysSinceEpoch
    }

    /// The day with this number, or nil outside years 1...9999.
    public init?(daysSinceEpoch: Int) {
        guard daysSinceEpoch >= Day.earliest.daysSinceEpoch,
              daysSinceEpoch <= Day.latest.daysSinceEpoch else { return nil }
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The day, or nil when it does not exist (30 February, month 13, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysInMonth(year: year, month: month) else { return nil }
        self.daysSinceEpoch = CivilCalendar.daysFromCivil(year: year, month: month, day: day)
    }

    /// For dates written in code (tables, tests) that are known to exist; traps otherwise,
    /// because a typo in a literal date is a programming error, not input to recover from.
    public init(_ year: Int, _ month: Int, _ day: Int) {
        guard let valid = Day(year: year, month: month, day: day) else {
            preconditionFailure("\(year)-\(month)-\(day) is not a calendar date")
        }
        self = valid
    }

    /// Year, month (1...12) and day of month, derived together because they share the work.
    public var components: (year: Int, month: Int, day: Int) {
        CivilCalendar.civilFromDays(daysSinceEpoch)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// Whether the year has 29 February (Gregorian rule: every 4th year, but not centuries
    /// unless divisible by 400 — so 1900 and 2100 are not leap years and 2000 is).
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in the month, or 0 for a month outside 1...12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }
}

// MARK: - Arithmetic

extension Day {
    /// The day `days` later (earlier when negative). Traps past year 9999 or before year 1,
    /// which no real schedule reaches; use `init?(daysSinceEpoch:)` to test a bound first.
    public func adding(days: Int) -> Day {
        guard let moved = Day(daysSinceEpoch: daysSinceEpoch + days) else {
            preconditionFailure("\(self) + \(days) days leaves years 1...9999")
        }
        return moved
    }

    /// Signed number of days from `other` to this day: `d.adding(days: n).days(from: d) == n`.
    public func days(from other: Day) -> Int {
        daysSinceEpoch - other.daysSinceEpoch
    }

    /// The day before and after, for readable loops and boundaries.
    public var previous: Day { adding(days: -1) }
    public var next: Day { adding(days: 1) }
}

// MARK: - Ordering and stepping

extension Day: Comparable {
    public static func < (lhs: Day, rhs: Day) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }
}

/// Strideable so that `start...end` is itself a sequence of days and `stride(from:to:by:)` works.
extension Day: Strideable {
    public func distance(to other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }
    public func advanced(by n: Int) -> Day { adding(days: n) }
}

// MARK: - Civil calendar conversion

/// Howard Hinnant's days-from-civil algorithms (public domain, http://howardhinnant.github.io/date_algorithms.html).
/// They shift the year to start on 1 March so the leap day falls at the end, which turns
/// month lengths into a closed formula: no tables, no loops, exact for any Gregorian date.
enum CivilCalendar {
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                        // 0...399
        let shiftedMonth = month > 2 ? month - 3 : month + 9                 // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1               // 0...365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097                                     // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153                         // March = 0
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
