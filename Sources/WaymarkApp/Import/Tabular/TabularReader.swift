import CSV
import Foundation

/// Turns an uploaded CSV or .xlsx into a `TabularTable`, enforcing the upload
/// limits up front so a huge or hostile file fails fast with a clear message.
enum TabularReader {
    /// Uploads bigger than this are refused before any parsing.
    static let maxBytes = 10 * 1024 * 1024
    /// Data rows (header and blank rows not counted) accepted in one import.
    static let maxRows = 20_000

    static func read(_ data: Data, format: TabularFormat) throws -> TabularTable {
        guard data.count <= maxBytes else { throw TabularError.tooLarge(megabytes: maxBytes / 1024 / 1024) }
        guard !data.isEmpty else { throw TabularError.empty }
        switch format {
        case .csv: return try buildTable(from: readCSVRecords(data))
        case .xlsx: return try buildTable(from: XLSXReader.readFirstSheet(data))
        }
    }

    /// A row as it sits in the file: its user-visible number and its cells
    /// in column order (gaps already filled with "").
    struct RawRow {
        let number: Int
        let cells: [String]
    }

    // MARK: - CSV

    static func readCSVRecords(_ data: Data) throws -> [RawRow] {
        // Excel's "CSV UTF-8" starts with a BOM; it must not end up in the
        // first header name.
        let bom = Data([0xEF, 0xBB, 0xBF])
        let body = data.starts(with: bom) ? data.dropFirst(3) : data[...]
        guard let text = String(data: body, encoding: .utf8) else { throw TabularError.notUTF8 }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw TabularError.empty }

        let reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: sniffDelimiter(text))
        var rows: [RawRow] = []
        var number = 0
        var dataRows = 0
        // Each record is one spreadsheet row even when a quoted cell spans
        // several lines, so counting records matches what Excel shows.
        while let record = reader.next() {
            number += 1
            if !isBlank(record) {
                dataRows += 1
                // +1 allows for the header row, which is not a data row.
                if dataRows > maxRows + 1 { throw TabularError.tooManyRows(limit: maxRows) }
            }
            rows.append(RawRow(number: number, cells: record))
        }
        return rows
    }

    /// Excel in many European locales saves "CSV" with semicolons; a tab-separated
    /// export is also common. Look at the first line (outside quotes) and pick
    /// whichever separator appears most, defaulting to a comma.
    static func sniffDelimiter(_ text: String) -> UnicodeScalar {
        var (comma, semicolon, tab) = (0, 0, 0)
        var inQuotes = false
        var sawText = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle(); sawText = true; continue }
            if inQuotes { continue }
            if scalar == "\n" || scalar == "\r" {
                if sawText { break } else { continue } // skip leading blank lines
            }
            sawText = true
            if scalar == "," { comma += 1 } else if scalar == ";" { semicolon += 1 } else if scalar == "\t" { tab += 1 }
        }
        if semicolon > comma && semicolon >= tab { return ";" }
        if tab > comma && tab > semicolon { return "\t" }
        return ","
    }

    // MARK: - Shared table building

    /// Picks the first non-blank row as the header, normalises and checks it,
    /// then keys every later non-blank row by header name.
    static func buildTable(from raw: [RawRow]) throws -> TabularTable {
        guard let headerIndex = raw.firstIndex(where: { !isBlank($0.cells) }) else {
            throw TabularError.headerMissing
        }
        var columns: [(index: Int, name: String)] = []
        var seen: Set<String> = []
        for (index, cell) in raw[headerIndex].cells.enumerated() {
            let name = TabularHeader.normalise(cell)
            if name.isEmpty { continue } // a blank header cell: column is unaddressable
            guard seen.insert(name).inserted else {
                throw TabularError.duplicateColumn(cell.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            columns.append((index, name))
        }

        var rows: [TabularRow] = []
        for row in raw[(headerIndex + 1)...] where !isBlank(row.cells) {
            var cells: [String: String] = [:]
            for column in columns {
                cells[column.name] = column.index < row.cells.count ? row.cells[column.index] : ""
            }
            rows.append(TabularRow(number: row.number, cells: cells))
        }
        guard rows.count <= maxRows else { throw TabularError.tooManyRows(limit: maxRows) }
        return TabularTable(headers: columns.map(\.name), rows: rows)
    }

    /// A row of only empty or whitespace cells (",,," in CSV) counts as blank.
    static func isBlank(_ cells: [String]) -> Bool {
        cells.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}
