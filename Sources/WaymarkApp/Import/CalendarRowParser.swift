import Foundation
import WaymarkDomain

/// Reads calendar rows into groups of one calendar's academic year, checking each row
/// on its own (dates, year) and then each year as a whole (half-terms and INSET days
/// inside a term, terms not overlapping), so every message can name its row.
struct CalendarRowParser {
    struct RowPeriod { let row: Int; let period: CalendarImport.Period }

    struct Group {
        let calendarName: String
        let year: AcademicYear
        var periods: [RowPeriod]
    }

    let reference: ImportReference
    private(set) var issues: [ImportIssue] = []
    private(set) var groups: [Group] = []
    private(set) var assignments: [UUID: String] = [:]
    private(set) var assignmentRows: [UUID: Int] = [:]
    /// Calendar years with a row that could not be read: judging such a year as a whole would
    /// report the missing row's absence (a year "with no terms") beside the row's own problem.
    private var unreadYears: Set<String> = []

    init(reference: ImportReference) { self.reference = reference }

    mutating func read(_ row: TabularRow) {
        var reader = RowReader(row)
        let name = reader.text("calendar", required: true, maxLength: 80)
        let yearText = reader.text("academic_year", required: true)
        let year = yearText.flatMap { AcademicYear(label: $0.replacingOccurrences(of: "-", with: "/")) }
        if let yearText, year == nil { reader.fail("academic_year", "'\(yearText)' is not an academic year: write it as 2027/28") }
        let kind = reader.choice("kind", TermPeriod.Kind.self, required: true)
        let start = reader.day("start", required: true)
        var end = reader.day("end")
        if end == nil, kind == .inset { end = start }
        if end == nil, reader.row.value("end") == nil, kind == .term || kind == .halfTerm {
            reader.fail("end", "Enter the last day of the \(kind == .term ? "term" : "half-term")")
        }
        if kind == .inset, let start, let end, start != end { reader.fail("end", "An INSET day is one day: leave end blank or repeat the start") }
        var dates: DayRange?
        if let start, let end {
            dates = DayRange(start: start, end: end)
            if dates == nil { reader.fail("end", "The end \(end.display) is before the start \(start.display)") }
        }
        if let year, let dates, !year.range.contains(dates) {
            reader.fail("start", "\(dates.display) is not within the academic year \(year.label) (\(year.range.display))")
        }
        readAssignments(&reader, calendar: name)
        issues += reader.issues
        if !reader.issues.isEmpty, let name, let year { unreadYears.insert(Self.yearKey(name, year)) }
        guard reader.issues.isEmpty, let name, let year, let kind, let dates else { return }
        let item = RowPeriod(row: row.number, period: .init(kind: kind, dates: dates))
        if let index = groups.firstIndex(where: { ImportReference.key($0.calendarName) == ImportReference.key(name) && $0.year == year }) {
            groups[index].periods.append(item)
        } else {
            groups.append(Group(calendarName: name, year: year, periods: [item]))
        }
    }

    private mutating func readAssignments(_ reader: inout RowReader, calendar: String?) {
        guard let raw = reader.text("local_authorities", maxLength: 2_000), let calendar else { return }
        for item in raw.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            guard let authority = reference.authoritiesByKey[ImportReference.key(item)], let id = authority.id else {
                reader.fail("local_authorities", "'\(item)' is not one of this tenant's local authorities: use its GSS code, such as E08000025")
                continue
            }
            if let other = assignments[id], ImportReference.key(other) != ImportReference.key(calendar) {
                reader.fail("local_authorities", "\(authority.name) is given both the '\(other)' and the '\(calendar)' calendars")
                continue
            }
            assignments[id] = calendar
            assignmentRows[id] = assignmentRows[id] ?? reader.row.number
        }
    }

    private static func yearKey(_ name: String, _ year: AcademicYear) -> String { "\(ImportReference.key(name))|\(year.label)" }

    /// The years every row of which was read: only these can be judged as a whole.
    var wholeGroups: [Group] { groups.filter { !unreadYears.contains(Self.yearKey($0.calendarName, $0.year)) } }

    /// Checks that need a whole year: every year has a term, half-terms and INSET days
    /// fall inside one of its terms, and no two terms overlap.
    func checkYear(_ group: Group) -> [ImportIssue] {
        var problems: [ImportIssue] = []
        let terms = group.periods.filter { $0.period.kind == .term }
        if terms.isEmpty {
            problems.append(ImportIssue(row: group.periods.first?.row, column: "kind",
                                        message: "Calendar '\(group.calendarName)' \(group.year.label) has no terms"))
        }
        for item in group.periods where item.period.kind != .term {
            if !terms.contains(where: { $0.period.dates.contains(item.period.dates) }) {
                let what = item.period.kind == .inset ? "INSET day" : "half-term"
                problems.append(ImportIssue(row: item.row, column: "start",
                                            message: "This \(what) (\(item.period.dates.display)) is not inside any term of \(group.year.label) in the file"))
            }
        }
        for (i, first) in terms.enumerated() {
            for second in terms[(i + 1)...] where first.period.dates.overlaps(second.period.dates) {
                problems.append(ImportIssue(row: second.row, column: "start",
                                            message: "This term overlaps the term on row \(first.row)"))
            }
        }
        return problems
    }
}
