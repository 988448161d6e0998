/// Dates are shown the GOV.UK way ("31 March 2023", or "31 Mar 2023" in tables and reasons).
/// The month names are spelled out here rather than taken from `DateFormatter`, so the text
/// is identical on every server whatever its locale, and costs nothing in a hot loop.
extension Day {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static let monthAbbreviations = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// English name of a month 1...12: "March".
    public static func monthName(_ month: Int) -> String { monthNames[month - 1] }

    /// "31 Mar 2023" — no leading zero on the day.
    public var display: String {
        let (year, month, day) = components
        return "\(day) \(Day.monthAbbreviations[month - 1]) \(year)"
    }

    /// "31 March 2023".
    public var longDisplay: String {
        let (year, month, day) = components
        return "\(day) \(Day.monthNames[month - 1]) \(year)"
    }
}

// MARK: - Months

extension Day {
    /// The 1st of this day's month.
    public var startOfMonth: Day {
        adding(days: 1 - day)
    }

    /// The last day of this day's month (28, 29, 30 or 31).
    public var endOfMonth: Day {
        let (year, month, day) = components
        return adding(days: Day.daysInMonth(year: year, month: month) - day)
    }

    /// This day's whole month, as a range — the unit of providers' monthly returns.
    public var monthRange: DayRange {
        DayRange(uncheckedStart: startOfMonth, end: endOfMonth)
    }

    /// The same day-of-month `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb),
    /// which is how contract and grant periods are written ("12 months from 31 Aug").
    public func adding(months: Int) -> Day {
        let (year, month, day) = components
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        let clampedDay = min(day, Day.daysInMonth(year: newYear, month: newMonth))
        guard let result = Day(year: newYear, month: newMonth, day: clampedDay) else {
            preconditionFailure("\(self) + \(months) months leaves years 1...9999")
        }
        return result
    }
}
