/// When a month's return is due: the tenant's chosen working day after the month ends
/// (default the 10th), counting Monday to Friday and skipping England and Wales bank
/// holidays. So October 2023's return, on the default, is due on Tuesday 14 November 2023:
/// the 10th working day of November.
public struct ReturnDeadlines: Sendable {
    public static let defaultWorkingDay = 10
    /// The chosen day must leave the month it falls in to the return.
    public static let workingDayRange = 1...20

    public let workingDay: Int
    public let bankHolidays: BankHolidays

    public init(workingDay: Int = ReturnDeadlines.defaultWorkingDay, bankHolidays: BankHolidays = .englandAndWales) {
        self.workingDay = min(max(workingDay, Self.workingDayRange.lowerBound), Self.workingDayRange.upperBound)
        self.bankHolidays = bankHolidays
    }

    public func isWorkingDay(_ day: Day) -> Bool { !day.isWeekend && !bankHolidays.contains(day) }

    /// The due day of `month`'s return, before any extension.
    public func due(for month: CalendarMonth) -> Day {
        var day = month.range.end
        var counted = 0
        while counted < workingDay {
            day = day.next
            if isWorkingDay(day) { counted += 1 }
        }
        return day
    }

    /// The working day `count` working days before `day` (for the reminder ahead of it).
    public func workingDays(_ count: Int, before day: Day) -> Day {
        var current = day
        var counted = 0
        while counted < count {
            current = current.previous
            if isWorkingDay(current) { counted += 1 }
        }
        return current
    }
}

/// Where a return stands against its due day, as of a day.
public enum ReturnTimeliness: Hashable, Sendable {
    /// Not due yet.
    case notDue
    /// Due within the reminder window and not yet submitted.
    case dueSoon
    /// Past its due day and never submitted.
    case overdue(days: Int)
    /// Submitted by the due day.
    case onTime
    /// Submitted, but after the due day.
    case late(days: Int)

    /// A return is judged by its first submission: a resubmission after a query is not late.
    /// "Due soon" starts when the first reminder goes (`ReturnReminders.workingDaysBefore`).
    public static func of(due: Day, firstSubmitted: Day?, asOf today: Day, deadlines: ReturnDeadlines = ReturnDeadlines()) -> ReturnTimeliness {
        if let submitted = firstSubmitted {
            return submitted > due ? .late(days: submitted.days(from: due)) : .onTime
        }
        if today > due { return .overdue(days: today.days(from: due)) }
        return today >= deadlines.workingDays(ReturnReminders.workingDaysBefore, before: due) ? .dueSoon : .notDue
    }

    public var isOverdue: Bool { if case .overdue = self { true } else { false } }
}
