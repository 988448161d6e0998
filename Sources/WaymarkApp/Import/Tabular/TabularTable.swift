import Foundation

/// A parsed spreadsheet: one header row plus data rows, independent of whether
/// it came from CSV or .xlsx. Importers (routes, schools, term calendars, ...)
/// only ever see this shape, so they validate one thing, not two file formats.
struct TabularTable: Sendable, Equatable {
    /// Normalised header names (see `TabularHeader.normalise`), in file order.
    /// Columns whose header cell is blank are dropped: they cannot be addressed.
    let headers: [String]
    /// Data rows, fully blank rows already removed.
    let rows: [TabularRow]

    /// True when the table has a column with this (normalised) name.
    func hasColumn(_ column: String) -> Bool {
        headers.contains(TabularHeader.normalise(column))
    }

    /// Throws `.missingColumns` naming every required column the file lacks,
    /// so a user fixes their header row in one go rather than one per upload.
    func requireColumns(_ columns: [String]) throws {
        let missing = columns.filter { !hasColumn($0) }
        if !missing.isEmpty { throw TabularError.missingColumns(missing) }
    }
}

/// One data row. `number` is what the user sees in their spreadsheet (header = 1),
/// so validation messages like "Row 7, column 'school_code'" point at the right line.
struct TabularRow: Sendable, Equatable {
    let number: Int
    /// Raw cell text keyed by normalised header. Every header has an entry
    /// (empty string when the row is short or the cell is blank).
    let cells: [String: String]

    /// Trimmed cell text, or nil when blank, so callers can write
    /// `guard let code = row.value("code") else { error("required") }`.
    func value(_ column: String) -> String? {
        guard let raw = cells[TabularHeader.normalise(column)] else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

enum TabularHeader {
    /// "  School Name " -> "school_name", "Start-Date" -> "start_date".
    /// A BOM can sneak into the first header when a CSV is re-saved by some
    /// tools, so it is stripped here as well as from the file itself.
    static func normalise(_ header: String) -> String {
        // Column names in code are already normal, and every cell lookup passes one through
        // here: skip the work for them (12,000 rows × 25 columns in a year of returns).
        if !header.isEmpty && header.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 })
            && !header.hasPrefix("_") && !header.hasSuffix("_") && !header.contains("__") {
            return header
        }
        var text = header.replacingOccurrences(of: "\u{FEFF}", with: "")
        text = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        var out = ""
        var lastWasUnderscore = false
        for ch in text {
            // Runs of spaces/hyphens collapse to one underscore so that
            // "Start  Date" and "start - date" mean the same column.
            let mapped: Character = (ch == " " || ch == "-" || ch == "\t") ? "_" : ch
            if mapped == "_" && lastWasUnderscore { continue }
            out.append(mapped)
            lastWasUnderscore = mapped == "_"
        }
        return out
    }
}

/// Errors worded for the person who uploaded the file, not for developers.
enum TabularError: Error, Equatable, Sendable {
    case empty
    case notExcel
    case headerMissing
    case duplicateColumn(String)
    case notUTF8
    case tooManyRows(limit: Int)
    case tooLarge(megabytes: Int)
    /// A workbook whose parts unpack beyond what any real import needs (a "zip bomb").
    case unpacksTooLarge(megabytes: Int)
    case missingColumns([String])
    case unsupportedFormat

    var message: String {
        switch self {
        case .empty:
            return "The file is empty"
        case .notExcel:
            return "The file is not a valid Excel workbook"
        case .headerMissing:
            return "The header row is missing"
        case .duplicateColumn(let name):
            return "Column '\(name)' appears twice"
        case .notUTF8:
            return "The file is not UTF-8 text"
        case .tooManyRows(let limit):
            return "The file has more than \(Self.grouped(limit)) rows"
        case .tooLarge(let megabytes):
            return "The file is larger than \(megabytes) MB"
        case .unpacksTooLarge(let megabytes):
            return "The workbook unpacks to more than \(megabytes) MB. Save the sheet as a CSV file, or split it, and upload that"
        case .missingColumns(let names):
            let list = names.map { "'\($0)'" }.joined(separator: ", ")
            return names.count == 1 ? "The file has no \(list) column" : "The file is missing the columns \(list)"
        case .unsupportedFormat:
            return "The file must be a CSV or an Excel .xlsx workbook"
        }
    }

    /// 20000 -> "20,000" without depending on the server's locale.
    private static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}

extension TabularError: LocalizedError {
    var errorDescription: String? { message }
}
