/// One local authority's school calendar: which days pupils are in school, and so which days
/// chaperones walk the routes and cost money.
///
/// The rule (DESIGN.md, "School days"): a school day is a weekday inside a term that is not
/// in one of that term's half-term breaks, not an INSET (staff training) day, and not an
/// England and Wales bank holiday. The answer is precomputed into a bitset when the calendar
/// is built, because the coverage engine and the simulation ask it millions of times.
///
/// Building never fails, so a half-finished calendar can still be shown and edited; call
/// `validate()` before relying on one.
public struct TermCalendar: Sendable {
    /// A term: pupils attend on its weekdays, except during its half-term breaks.
    public struct Term: Hashable, Sendable, Codable {
        /// As the authority names it, e.g. "Autumn"; used in validation messages.
        public var name: String
        public var dates: DayRange
        /// Closed weeks inside the term. Kept with their term so validation can check they lie in it.
        public var halfTerms: [DayRange]

        public init(name: String, dates: DayRange, halfTerms: [DayRange] = []) {
            self.name = name
            self.dates = dates
            self.halfTerms = halfTerms
        }
    }

    /// One academic year of the calendar.
    public struct Year: Hashable, Sendable, Codable {
        public var academicYear: AcademicYear
        public var terms: [Term]
        /// Staff training days: inside a term but closed to pupils, so chaperones do not work them.
        public var insetDays: [Day]

        public init(academicYear: AcademicYear, terms: [Term], insetDays: [Day] = []) {
            self.academicYear = academicYear
            self.terms = terms
            self.insetDays = insetDays
        }
    }

    /// Why a day is, or is not, a school day — for explaining a count to a person.
    public enum DayStatus: Hashable, Sendable {
        case schoolDay
        case weekend
        case bankHoliday(name: String)
        case insetDay
        case halfTerm
        /// Inside a listed academic year but between terms (Christmas, Easter, summer).
        case schoolHoliday
        /// No academic year of this calendar covers the day, so nothing is known about it.
        case notInCalendar
    }

    /// Local authority the calendar belongs to, e.g. "Birmingham".
    public let authority: String
    /// In academic-year order.
    public let years: [Year]
    public let bankHolidays: BankHolidays
    private let index: SchoolDayIndex

    public init(authority: String, years: [Year], bankHolidays: BankHolidays = .englandAndWales) {
        self.authority = authority
        self.years = years.sorted { $0.academicYear < $1.academicYear }
        self.bankHolidays = bankHolidays
        self.index = TermCalendar.buildIndex(years: self.years, bankHolidays: bankHolidays)
    }

    private static func buildIndex(years: [Year], bankHolidays: BankHolidays) -> SchoolDayIndex {
        let terms = years.flatMap(\.terms)
        let span = terms.map(\.dates.start).min().flatMap { first in
            DayRange(start: first, end: terms.map(\.dates.end).max()!)
        }
        var index = SchoolDayIndex(span: span)
        for term in terms {
            for day in term.dates where !day.isWeekend && !bankHolidays.contains(day) {
                index.insert(day)
            }
        }
        // Closures are removed after every term is in, so a closure wins wherever it is listed.
        for term in terms {
            for halfTerm in term.halfTerms {
                for day in halfTerm { index.remove(day) }
            }
        }
        for day in years.flatMap(\.insetDays) { index.remove(day) }
        return index
    }

    /// Whether pupils (and so chaperones) are in on `day`. Constant time.
    public func isSchoolDay(_ day: Day) -> Bool {
        index.contains(day)
    }

    /// Whether some academic year of this calendar contains `day`. Outside them the calendar
    /// says nothing — "no school days" there means "not known yet", not "school is closed".
    public func covers(_ day: Day) -> Bool {
        years.contains { $0.academicYear.range.contains(day) }
    }

    /// The reason behind `isSchoolDay(day)`.
    public func status(of day: Day) -> DayStatus {
        if isSchoolDay(day) { return .schoolDay }
        guard covers(day) else { return .notInCalendar }
        if day.isWeekend { return .weekend }
        if let holiday = bankHolidays.holiday(on: day) { return .bankHoliday(name: holiday.displayName) }
        if years.contains(where: { $0.insetDays.contains(day) }) { return .insetDay }
        if years.contains(where: { $0.terms.contains { $0.halfTerms.contains { $0.contains(day) } } }) {
            return .halfTerm
        }
        return .schoolHoliday
    }
}

// MARK: - Queries

extension TermCalendar {
    /// The school days in `range`, in order.
    public func schoolDays(in range: DayRange) -> [Day] {
        index.days(in: range)
    }

    /// How many school days `range` holds; counts 64 days at a time.
    public func countSchoolDays(in range: DayRange) -> Int {
        index.count(in: range)
    }

    /// The first school day on or after `day`, or nil if the calendar has none that late.
    public func nextSchoolDay(onOrAfter day: Day) -> Day? {
        index.first(onOrAfter: day)
    }

    /// The last school day on or before `day`, or nil if the calendar has none that early.
    public func lastSchoolDay(onOrBefore day: Day) -> Day? {
        index.last(onOrBefore: day)
    }

    /// The year entry for an academic year, if the calendar lists it.
    public func year(_ academicYear: AcademicYear) -> Year? {
        years.first { $0.academicYear == academicYear }
    }
}

/// Encoded as `{"authority": …, "years": […]}`; decoding uses England and Wales bank holidays
/// and rebuilds the index, which is derived data and never stored.
extension TermCalendar: Codable {
    private enum CodingKeys: String, CodingKey { case authority, years }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(authority: try container.decode(String.self, forKey: .authority),
                  years: try container.decode([Year].self, forKey: .years))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(authority, forKey: .authority)
        try container.encode(years, forKey: .years)
    }
}
