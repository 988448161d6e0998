import Foundation
import WaymarkDomain

/// One problem found in an uploaded file, worded for the person who made the spreadsheet:
/// the row number they see (header = 1), the column as written in the template, and what
/// to change. A file-level problem (missing columns, unreadable file) has no row.
struct ImportIssue: Encodable, Sendable, Equatable {
    let row: Int?
    let column: String?
    let message: String

    static func file(_ message: String) -> ImportIssue { ImportIssue(row: nil, column: nil, message: message) }
}

/// Reads typed values out of a row, recording an issue for each bad cell instead of
/// stopping at the first, so one upload reports everything that needs fixing.
struct RowReader {
    let row: TabularRow
    private(set) var issues: [ImportIssue] = []

    init(_ row: TabularRow) { self.row = row }

    mutating func fail(_ column: String?, _ message: String) {
        issues.append(ImportIssue(row: row.number, column: column, message: message))
    }

    mutating func text(_ column: String, required: Bool = false, maxLength: Int = 200) -> String? {
        guard let value = row.value(column) else {
            if required { fail(column, "Enter a value") }
            return nil
        }
        if value.count > maxLength { fail(column, "Must be \(maxLength) characters or fewer"); return nil }
        return value
    }

    /// Free text (a note, conditions): read as `text`, and refused when it looks like personal
    /// data, since an import has no "I have checked" box (`PersonalDataCheck`).
    mutating func prose(_ column: String, maxLength: Int = 2_000, audience: PersonalDataCheck.Audience = .tenant) -> String? {
        guard let value = text(column, maxLength: maxLength) else { return nil }
        let problems = PersonalDataCheck.problems([.init(field: column, label: "The text", text: value, audience: audience)],
                                                  confirmed: false, channel: .importFile)
        for problem in problems { fail(column, problem.message) }
        return problems.isEmpty ? value : nil
    }

    mutating func int(_ column: String, required: Bool = false, range: ClosedRange<Int>) -> Int? {
        guard let raw = text(column, required: required) else { return nil }
        // Spreadsheets often hand whole numbers over as "850.0".
        let cleaned = raw.replacingOccurrences(of: ",", with: "")
        let number = Int(cleaned) ?? Double(cleaned).flatMap { $0.rounded() == $0 && abs($0) < 1e12 ? Int($0) : nil }
        guard let number else { fail(column, "'\(raw)' is not a whole number"); return nil }
        guard range.contains(number) else {
            fail(column, "\(number) is out of range: use a number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func double(_ column: String, required: Bool = false, range: ClosedRange<Double>) -> Double? {
        guard let raw = text(column, required: required) else { return nil }
        guard let number = Double(raw), range.contains(number) else {
            fail(column, "'\(raw)' is not a number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func day(_ column: String, required: Bool = false) -> Day? {
        guard let raw = text(column, required: required) else { return nil }
        guard let day = ImportDates.parse(raw) else {
            fail(column, "'\(raw)' is not a date: write it as 2024-09-02 or 02/09/2024")
            return nil
        }
        return day
    }

    /// A day something took effect (DESIGN.md "Time: as of"): blank is nil (the caller decides
    /// what that means, usually today); a day after `today` is refused.
    mutating func effectiveDay(_ column: String, today: Day) -> Day? {
        guard let day = day(column) else { return nil }
        if day > today {
            fail(column, "\(day.display) is in the future: give the day it happened, today at the latest")
            return nil
        }
        return day
    }

    mutating func money(_ column: String, required: Bool = false) -> Money? {
        guard let raw = text(column, required: required) else { return nil }
        guard let money = Money(parsing: raw), money.pence >= 0 else {
            fail(column, "'\(raw)' is not an amount of money: write it as 234.00 or £234")
            return nil
        }
        return money
    }

    mutating func choice<T: RawRepresentable>(_ column: String, _ type: T.Type, required: Bool = false,
                                              default fallback: T? = nil) -> T? where T: CaseIterable, T.RawValue == String {
        guard let raw = text(column, required: required && fallback == nil) else { return fallback }
        let normalised = TabularHeader.normalise(raw)
        if let value = T(rawValue: normalised) { return value }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        fail(column, "'\(raw)' is not one of: \(allowed)")
        return nil
    }
}

/// Dates as people type them into a UK spreadsheet. ISO first (what the templates and
/// the .xlsx reader produce); day-first slashes second, never month-first.
enum ImportDates {
    static func parse(_ text: String) -> Day? {
        if let day = Day(entered: text) { return day }
        let parts = text.split(separator: "/").map(String.init)
        guard parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
              parts[2].count == 4, let day = Day(year: y, month: m, day: d) else { return nil }
        return Day.acceptedRange.contains(day) ? day : nil
    }
}
