import Foundation

/// The reminders a provider gets about a return not yet submitted: one a few working days
/// before it is due, one the working day after, and then one a week while it stays overdue.
/// Each has a key, so a run that is repeated (or a server restarted) never sends one twice,
/// and the due day is in the key so an extension starts the reminders afresh.
public enum ReturnReminders {
    public static let workingDaysBefore = 3
    public static let overdueEvery = 7

    public struct Obligation: Hashable, Sendable {
        public let contractID: UUID
        public let month: CalendarMonth
        /// After any extension.
        public let due: Day
        /// Submitted at least once (a resubmission after a query is not chased here).
        public let submitted: Bool

        public init(contractID: UUID, month: CalendarMonth, due: Day, submitted: Bool) {
            self.contractID = contractID
            self.month = month
            self.due = due
            self.submitted = submitted
        }
    }

    public enum Kind: String, Hashable, Sendable { case dueSoon = "due-soon", overdue }

    public struct Reminder: Hashable, Sendable {
        public let obligation: Obligation
        public let kind: Kind
        public let key: String

        public var headline: String {
            switch kind {
            case .dueSoon: "Monthly return for \(obligation.month.longDisplay) due \(obligation.due.display)"
            case .overdue: "Monthly return for \(obligation.month.longDisplay) is overdue"
            }
        }
    }

    /// The reminders to send as of `today`, for every obligation.
    public static func due(_ obligations: [Obligation], today: Day, deadlines: ReturnDeadlines) -> [Reminder] {
        obligations.compactMap { reminder(for: $0, today: today, deadlines: deadlines) }
    }

    static func reminder(for obligation: Obligation, today: Day, deadlines: ReturnDeadlines) -> Reminder? {
        guard !obligation.submitted else { return nil }
        let base = "return:\(obligation.contractID.uuidString.lowercased()):\(obligation.month):due-\(obligation.due.iso)"
        if today <= obligation.due {
            let from = deadlines.workingDays(workingDaysBefore, before: obligation.due)
            guard today >= from else { return nil }
            return Reminder(obligation: obligation, kind: .dueSoon, key: "\(base):soon")
        }
        // The first chase is on the first working day after the due day, then every week.
        let firstChase = obligation.due.next.nextWorkingDay(deadlines)
        guard today >= firstChase else { return nil }
        let week = today.days(from: firstChase) / overdueEvery
        return Reminder(obligation: obligation, kind: .overdue, key: "\(base):overdue-\(week)")
    }
}

extension Day {
    /// This day if it is a working day, otherwise the next that is.
    func nextWorkingDay(_ deadlines: ReturnDeadlines) -> Day {
        var day = self
        while !deadlines.isWorkingDay(day) { day = day.next }
        return day
    }
}
