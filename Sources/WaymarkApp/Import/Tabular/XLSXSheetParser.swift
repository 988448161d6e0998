import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams one worksheet (`<sheetData><row><c>`) into raw rows.
/// Excel omits empty cells and empty rows, so positions come from the `r`
/// attributes ("B3", row r="3") and gaps are filled with "".
final class XLSXSheetParser: NSObject, XMLParserDelegate, TabularErrorCarrier {
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    private let date1904: Bool
    private let maxNonBlankRows: Int

    private(set) var rows: [TabularReader.RawRow] = []
    private(set) var tabularError: TabularError?

    // State of the row / cell being read.
    private var rowNumber = 0
    private var rowCells: [Int: String] = [:]
    private var column = -1
    private var cellType: String?
    private var cellStyle: Int?
    private var value = ""
    private var inlineText = ""
    private var capture: Capture = .none
    private var phoneticDepth = 0
    private var nonBlankRows = 0

    private enum Capture { case none, value, inlineText }

    init(sharedStrings: [String], dateStyles: Set<Int>, date1904: Bool, maxNonBlankRows: Int) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        self.maxNonBlankRows = maxNonBlankRows
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        let attributes = XLSXParts.localAttributes(attributes)
        switch XLSXParts.localName(elementName) {
        case "row":
            // Rows without r follow the previous one, as the spec allows.
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            rowCells = [:]
            column = -1
        case "c":
            column = attributes["r"].flatMap(XLSXValues.columnIndex(fromReference:)) ?? column + 1
            cellType = attributes["t"]
            cellStyle = attributes["s"].flatMap(Int.init)
            value = ""
            inlineText = ""
        case "v": capture = .value
        case "rPh": phoneticDepth += 1
        case "t": capture = phoneticDepth == 0 ? .inlineText : .none // inside <is>, possibly in <r> runs
        default: break // <f> formulas, <extLst> etc. are ignored: we want cached values
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch XLSXParts.localName(elementName) {
        case "v", "t": capture = .none
        case "rPh": phoneticDepth -= 1
        case "c":
            guard column >= 0, column < 16_384 else { return }
            rowCells[column] = cellText()
        case "row":
            finishRow(parser)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch capture {
        case .value: value += string
        case .inlineText: inlineText += string
        case .none: break
        }
    }

    private func finishRow(_ parser: XMLParser) {
        guard let last = rowCells.keys.max() else { return } // row with formatting only
        var cells = Array(repeating: "", count: last + 1)
        for (index, text) in rowCells { cells[index] = text }
        if !TabularReader.isBlank(cells) {
            nonBlankRows += 1
            // Stop early on giant sheets instead of building them in memory.
            if nonBlankRows > maxNonBlankRows {
                tabularError = .tooManyRows(limit: TabularReader.maxRows)
                parser.abortParsing()
                return
            }
        }
        rows.append(TabularReader.RawRow(number: rowNumber, cells: cells))
    }

    /// The cell as text a user would recognise, by its `t` (type) attribute.
    private func cellText() -> String {
        switch cellType {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)),
                  sharedStrings.indices.contains(index) else { return "" }
            return sharedStrings[index] // already unescaped when the part was parsed
        case "inlineStr":
            return XLSXValues.decodeUnderscoreEscapes(inlineText)
        case "str", "e": // formula string result, error like "#N/A"
            return value
        case "b":
            return value.trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE"
        case "d": // ISO 8601 date cell (strict OOXML): keep just the date when midnight
            return value.hasSuffix("T00:00:00") || value.hasSuffix("T00:00:00Z") ? String(value.prefix(10)) : value
        default: // "n" or absent: a number, possibly shown as a date by its style
            if value.isEmpty { return inlineText }
            if let style = cellStyle, dateStyles.contains(style),
               let serial = Double(value), let date = XLSXValues.isoDate(serial: serial, date1904: date1904) {
                return date
            }
            return XLSXValues.formatNumber(value)
        }
    }
}
