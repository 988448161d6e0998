import Foundation
import ZIPFoundation

/// Builds the smallest .xlsx that Excel, LibreOffice and Numbers open without
/// a repair prompt: content types, package rels, workbook + rels, styles
/// (font 1 = bold for the header) and one worksheet using inline strings
/// (no sharedStrings part needed). The header row is frozen so it stays visible.
enum XLSXWriter {
    static func workbook(sheetName: String, headers: [String], rows: [[String]]) throws -> Data {
        let columnCount = max(headers.count, rows.map(\.count).max() ?? 0)
        return try XLSXPackage.zip([
            ("[Content_Types].xml", Data(contentTypes.utf8)), // first, as Office writes it
            ("_rels/.rels", Data(packageRels.utf8)),
            ("xl/workbook.xml", Data(workbookXML(sheetName: safeSheetName(sheetName)).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRels.utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
            ("xl/worksheets/sheet1.xml", Data(sheetXML(headers: headers, rows: rows, columnCount: columnCount).utf8)),
        ])
    }

    static func sheetXML(headers: [String], rows: [[String]], columnCount: Int) -> String {
        var xml = header + "<worksheet xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\""
        xml += " activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        let allRows = [headers] + rows
        if columnCount > 0 {
            // Width from the longest text in the column (capped) so templates are readable.
            xml += "<cols>"
            for column in 0..<columnCount {
                let longest = allRows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
                xml += "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(min(max(longest + 2, 10), 60))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (offset, cells) in allRows.enumerated() {
            let rowNumber = offset + 1
            xml += "<row r=\"\(rowNumber)\">"
            for (column, text) in cells.enumerated() where !text.isEmpty { // gaps = empty cells
                let style = rowNumber == 1 ? " s=\"1\"" : ""
                xml += "<c r=\"\(XLSXValues.columnName(column))\(rowNumber)\" t=\"inlineStr\"\(style)>"
                xml += "<is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// XML-escapes text, drops characters XML 1.0 cannot carry (most control
    /// characters), writes CR as a reference so parsers do not turn it into LF,
    /// and escapes a literal "_x0041_" as "_x005F_x0041_" because Excel
    /// decodes that pattern as a character escape.
    static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in XLSXValues.encodeUnderscoreEscapes(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Excel refuses names over 31 characters, with : \ / ? * [ ], or
    /// starting/ending with an apostrophe.
    static func safeSheetName(_ name: String) -> String {
        let forbidden: Set<Character> = [":", "\\", "/", "?", "*", "[", "]"]
        let trim = CharacterSet(charactersIn: "'").union(.whitespaces)
        var cleaned = String(name.filter { !forbidden.contains($0) && !$0.isNewline })
        cleaned = cleaned.trimmingCharacters(in: trim)
        cleaned = String(cleaned.prefix(31)).trimmingCharacters(in: trim) // trim again after the cut
        return cleaned.isEmpty || cleaned.lowercased() == "history" ? "Sheet1" : cleaned
    }

    // MARK: - Fixed parts

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"

    static let contentTypes = header + """
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
    </Types>
    """

    static let packageRels = header + """
    <Relationships xmlns="\(packageRelNS)">\
    <Relationship Id="rId1" Type="\(relNS)/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

    static func workbookXML(sheetName: String) -> String {
        header + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheets>"
            + "<sheet name=\"\(escape(sheetName))\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
    }

    static let workbookRels = header + """
    <Relationships xmlns="\(packageRelNS)">\
    <Relationship Id="rId1" Type="\(relNS)/worksheet" Target="worksheets/sheet1.xml"/>\
    <Relationship Id="rId2" Type="\(relNS)/styles" Target="styles.xml"/>\
    </Relationships>
    """

    /// cellXfs 0 = default, 1 = bold (fontId 1). Two fills are mandatory in Excel.
    static let styles = header + """
    <styleSheet xmlns="\(mainNS)">\
    <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """
}

/// In-memory ZIP writing, shared by the writer and by tests that hand-build
/// unusual workbooks (so tests need not import ZIPFoundation themselves).
enum XLSXPackage {
    static func zip(_ entries: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create) // empty Data backing = in memory
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                let start = Int(position)
                return data.subdata(in: start..<min(start + size, data.count))
            }
        }
        guard let bytes = archive.data else { throw TabularError.notExcel }
        return bytes
    }
}
