import Foundation
import WaymarkDomain

/// Bulk import of term calendars. The unit of change is one academic year of one
/// calendar: the file's rows for it replace what Waymark holds, because a year's terms
/// only make sense together (a half-term must sit inside a term of the same year).
enum CalendarImport: TabularImporter {
    static let columns: [ImportColumn] = [
        .init(name: "calendar", required: true, help: "The calendar's name. Local authorities with the same dates share one calendar.", example: "West Midlands standard term dates"),
        .init(name: "academic_year", required: true, help: "The academic year, such as 2027/28.", example: "2027/28"),
        .init(name: "kind", required: true, help: "One of: term, half_term, inset.", example: "term"),
        .init(name: "start", required: true, help: "First day, as 2027-09-06 or 06/09/2027.", example: "2027-09-06"),
        .init(name: "end", required: false, help: "Last day (inclusive). Required for terms and half-terms; an INSET day may leave it blank.", example: "2027-12-17"),
        .init(name: "local_authorities", required: false, help: "GSS codes or names of local authorities that use this calendar, separated by semicolons.", example: "E08000025"),
    ]

    static let exampleRows: [[String]] = [
        ["West Midlands standard term dates", "2027/28", "term", "2027-09-06", "2027-12-17", "E08000025"],
        ["West Midlands standard term dates", "2027/28", "half_term", "2027-10-25", "2027-10-29", ""],
        ["West Midlands standard term dates", "2027/28", "inset", "2027-09-06", "", ""],
        ["West Midlands standard term dates", "2027/28", "term", "2028-01-04", "2028-03-31", ""],
        ["West Midlands standard term dates", "2027/28", "half_term", "2028-02-14", "2028-02-18", ""],
        ["West Midlands standard term dates", "2027/28", "term", "2028-04-18", "2028-07-21", ""],
        ["West Midlands standard term dates", "2027/28", "half_term", "2028-05-29", "2028-06-02", ""],
    ]

    struct Period: Sendable, Hashable, Comparable {
        let kind: TermPeriod.Kind
        let dates: DayRange
        static func < (a: Period, b: Period) -> Bool { (a.dates.start, a.kind.rawValue) < (b.dates.start, b.kind.rawValue) }
    }

    /// One academic year of one calendar, as the file states it.
    struct YearChange: Sendable {
        let calendarName: String
        let existingCalendarID: UUID?
        let year: AcademicYear
        let periods: [Period]
    }

    struct Plan: Sendable {
        let years: [YearChange]
        /// Local authority id → calendar name it should use.
        let assignments: [UUID: String]
    }

    static func plan(_ table: TabularTable, _ reference: ImportReference) -> Result<(Plan, ImportOutcome), ImportIssues> {
        if let missing = missingColumns(table, columns) { return .failure(missing) }
        if table.rows.isEmpty { return .failure(ImportIssues(issues: [.file("The file has a header row but no term dates")])) }

        var parser = CalendarRowParser(reference: reference)
        for row in table.rows { parser.read(row) }
        // Every problem at once: each row's own, then those of each year whose rows all read,
        // then the calendar rules of each year that passed the year checks.
        var issues = parser.issues
        var outcome = ImportOutcome()
        var years: [YearChange] = []
        for group in parser.wholeGroups {
            let yearProblems = parser.checkYear(group)
            issues += yearProblems
            guard yearProblems.isEmpty else { continue }
            let existing = reference.calendar(named: group.calendarName)
            let change = YearChange(calendarName: existing?.name ?? group.calendarName, existingCalendarID: existing?.id,
                                    year: group.year, periods: group.periods.map(\.period).sorted())
            let calendar = termCalendar(change)
            let problems = calendar.validate()
            issues += problems.map { ImportIssue(row: group.periods.first?.row, column: nil, message: "Calendar '\(change.calendarName)': \($0)") }
            let before = existing.flatMap { calendar in reference.periodsByCalendar[calendar.id!] }?
                .filter { $0.academicYear == group.year.label }.compactMap(period).sorted() ?? []
            let action: ImportOutcome.Action = before.isEmpty ? .add : before == change.periods ? .unchanged : .update
            let terms = change.periods.filter { $0.kind == .term }.count
            outcome.record(group.periods.first?.row ?? 2, "\(change.calendarName) \(group.year.label)", action,
                           "\(terms) terms, \(calendar.countSchoolDays(in: group.year.range)) school days")
            years.append(change)
        }
        for (authorityID, name) in parser.assignments.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            let authority = reference.authoritiesByKey.values.first { $0.id == authorityID }
            let current = reference.calendarsByName.values.first { $0.id == authority?.calendarID }
            if let authority, current.map({ ImportReference.key($0.name) }) != ImportReference.key(name) {
                outcome.record(parser.assignmentRows[authorityID] ?? 2, authority.name, .update, "Uses the '\(name)' calendar")
            }
        }
        guard issues.isEmpty else { return .failure(ImportIssues(issues: issues)) }
        return .success((Plan(years: years, assignments: parser.assignments), outcome))
    }

    static func termCalendar(_ change: YearChange) -> TermCalendar {
        let terms = change.periods.filter { $0.kind == .term }.enumerated().map { index, term in
            TermCalendar.Term(name: "Term \(index + 1)", dates: term.dates,
                              halfTerms: change.periods.filter { $0.kind == .halfTerm && term.dates.contains($0.dates.start) }.map(\.dates))
        }
        let inset = change.periods.filter { $0.kind == .inset }.map(\.dates.start)
        return TermCalendar(authority: change.calendarName, years: [.init(academicYear: change.year, terms: terms, insetDays: inset)])
    }

    static func period(_ stored: TermPeriod) -> Period? {
        guard let kind = TermPeriod.Kind(rawValue: stored.kind), let start = Day(iso: stored.startDay),
              let end = Day(iso: stored.endDay), let dates = DayRange(start: start, end: end) else { return nil }
        return Period(kind: kind, dates: dates)
    }
}
