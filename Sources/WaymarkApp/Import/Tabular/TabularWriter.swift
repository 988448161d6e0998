import CSV
import Foundation

/// Produces the downloadable files: import templates and CSV/Excel exports
/// of any table. Rows shorter than the header are padded; longer ones are kept.
enum TabularWriter {
    /// RFC 4180 CSV that Excel opens correctly: UTF-8 with a BOM (without it
    /// Excel assumes the local ANSI code page and mangles "é" or "£"), CRLF
    /// line ends, quotes only where needed, and formula injection neutralised.
    static func csv(headers: [String], rows: [[String]]) -> Data {
        csvHeader(headers) + csvRows(rows, width: headers.count)
    }

    /// The start of a CSV file: the byte-order mark and the header line. `csvRows` writes the
    /// rest, in as many pieces as wanted: the pieces joined are the file `csv` writes whole.
    static func csvHeader(_ headers: [String]) -> Data {
        Data([0xEF, 0xBB, 0xBF]) + csvLines([headers.map(escapeFormula)])
    }

    /// Lines of a CSV file under a header of `width` columns, each ending in CRLF; nothing for no rows.
    static func csvRows(_ rows: [[String]], width: Int) -> Data {
        csvLines(rows.map { padded($0, to: width).map(escapeFormula) })
    }

    private static func csvLines(_ lines: [[String]]) -> Data {
        guard !lines.isEmpty else { return Data() }
        var output = Data()
        do {
            let stream = OutputStream(toMemory: ())
            let writer = try CSVWriter(stream: stream, newline: .crlf)
            for line in lines { try writer.write(row: line) }
            writer.stream.close()
            if let written = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data {
                output.append(written)
            }
        } catch {
            // Writing to an in-memory stream cannot fail in practice; were it
            // to, returning what we have beats crashing the request.
        }
        // CSVWriter puts no line break after the last record; add one so every
        // line ends the same way (RFC 4180 allows either), and pieces join up.
        output.append(contentsOf: [0x0D, 0x0A])
        return output
    }

    /// A minimal .xlsx with one worksheet and a bold header row. All cells are
    /// written as text so codes with leading zeros ("00123") survive, and no
    /// cell can be interpreted as a formula.
    static func xlsx(sheetName: String, headers: [String], rows: [[String]]) throws -> Data {
        try XLSXWriter.workbook(sheetName: sheetName, headers: headers, rows: rows)
    }

    /// Spreadsheet programs run cells starting with = + - @ (and, in some,
    /// tab or CR) as formulas, so a malicious "=HYPERLINK(...)" typed into a
    /// school name would execute when an admin opens the export. Such cells get
    /// a leading apostrophe (OWASP's advice); it stays visible when the CSV is
    /// opened, which is the accepted price. Plain numbers such as "-12.50"
    /// or "+44" are left alone so amounts stay usable (ISO dates start with a
    /// digit and are never touched).
    static func escapeFormula(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first else { return cell }
        switch first {
        case "=", "@", "\t", "\r":
            return "'" + cell
        case "+", "-":
            return isPlainNumber(cell) ? cell : "'" + cell
        default:
            return cell
        }
    }

    /// Short rows get empty trailing cells so every CSV line has the same
    /// number of fields, as RFC 4180 asks.
    static func padded(_ row: [String], to count: Int) -> [String] {
        row.count >= count ? row : row + Array(repeating: "", count: count - row.count)
    }

    /// "-12", "-12.50", "+3.5", "-.5": sign, digits, optional single decimal point.
    static func isPlainNumber(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let sign = scalars.next(), sign == "+" || sign == "-" else { return false }
        var digits = 0
        var sawPoint = false
        while let scalar = scalars.next() {
            switch scalar {
            case "0"..."9": digits += 1
            case "." where !sawPoint: sawPoint = true
            default: return false
            }
        }
        return digits > 0
    }
}
