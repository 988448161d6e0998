/// Days of the week numbered as ISO 8601 does (Monday = 1 … Sunday = 7), because school weeks
/// and UK bank-holiday rules are Monday-based; Foundation's Sunday-first numbering is avoided.
public enum Weekday: Int, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// "Monday".
    public var name: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }

    /// "Mon".
    public var shortName: String { String(name.prefix(3)) }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Day {
    /// Computed from the day number alone (1970-01-01 was a Thursday), so it costs one modulo.
    public var weekday: Weekday {
        let mondayBased = ((daysSinceEpoch + 3) % 7 + 7) % 7   // 0 = Monday
        return Weekday(rawValue: mondayBased + 1)!
    }

    public var isWeekend: Bool { weekday.isWeekend }

    /// The first day on or after this one that falls on `weekday` (this day if it already does).
    public func next(_ weekday: Weekday, orSame: Bool = true) -> Day {
        var gap = (weekday.rawValue - self.weekday.rawValue + 7) % 7
        if gap == 0 && !orSame { gap = 7 }
        return adding(days: gap)
    }

    /// The last day on or before this one that falls on `weekday` (this day if it already does).
    public func previous(_ weekday: Weekday, orSame: Bool = true) -> Day {
        var gap = (self.weekday.rawValue - weekday.rawValue + 7) % 7
        if gap == 0 && !orSame { gap = 7 }
        return adding(days: -gap)
    }
}
