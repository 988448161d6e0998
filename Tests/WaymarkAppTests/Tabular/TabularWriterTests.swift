import XCTest
@testable import WaymarkApp

final class TabularWriterTests: XCTestCase {
    func testCSVHasBOMCRLFAndRFC4180Quoting() throws {
        let data = TabularWriter.csv(headers: ["name", "notes"],
                                     rows: [["Smith, John", "said \"hi\"\nthen left"], ["Café £5", ""]])
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertEqual(text, "name,notes\r\n\"Smith, John\",\"said \"\"hi\"\"\nthen left\"\r\nCafé £5,\r\n")
    }

    /// A streamed download is the header then rows in pieces: joined, they are the file made whole.
    func testPiecesJoinedAreTheWholeFile() {
        let headers = ["code", "name", "amount"]
        let rows = (0..<25).map { ["R\($0)", $0 % 3 == 0 ? "comma, quote \" and\r\nline" : "plain", $0 % 4 == 0 ? "=1+1" : "-\($0).50"] }
            + [["short"], []]
        let whole = TabularWriter.csv(headers: headers, rows: rows)
        for size in [1, 2, 7, 25, 100] {
            let pieces = rows.chunked(size).reduce(TabularWriter.csvHeader(headers)) { $0 + TabularWriter.csvRows(Array($1), width: headers.count) }
            XCTAssertEqual(pieces, whole, "in pieces of \(size)")
        }
        XCTAssertEqual(TabularWriter.csvRows([], width: 3), Data(), "no rows, no bytes: an empty batch adds no blank line")
        XCTAssertEqual(TabularWriter.csv(headers: headers, rows: []), TabularWriter.csvHeader(headers))
    }

    func testCSVRoundTripsThroughReader() throws {
        let rows = [["A1", "x, y", "multi\r\nline"], ["", "", ""], ["B2", "", "-12.50"]]
        let data = TabularWriter.csv(headers: ["Code", "Name", "Amount"], rows: rows)
        let table = try TabularReader.read(data, format: .csv)
        XCTAssertEqual(table.headers, ["code", "name", "amount"])
        XCTAssertEqual(table.rows.map(\.number), [2, 4]) // the blank row 3 is skipped
        XCTAssertEqual(table.rows[0].cells, ["code": "A1", "name": "x, y", "amount": "multi\r\nline"])
        XCTAssertEqual(table.rows[1].cells, ["code": "B2", "name": "", "amount": "-12.50"])
    }

    func testFormulaInjectionIsNeutralised() {
        let cells = ["=SUM(A1:A2)", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\tx", "\rx",
                     "-12.50", "+44", "-7", "2023-04-01", "a=b", "", "-", "'quoted"]
        let data = TabularWriter.csv(headers: ["h"], rows: cells.map { [$0] })
        let table = String(decoding: data.dropFirst(3), as: UTF8.self)
            .components(separatedBy: "\r\n")
        XCTAssertEqual(Array(table.prefix(15)), [
            "h", "'=SUM(A1:A2)", "'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(1)", "'\tx", "\"'\rx\"",
            "-12.50", "+44", "-7", "2023-04-01", "a=b", "", "'-", "'quoted",
        ])
    }

    func testXLSXRoundTrip() throws {
        let headers = ["Route Code", "Name", "Notes", "Start date"]
        let rows = [
            ["R1", "Oak & <Elm>", "", "2023-04-01"],              // blank cell in the middle
            ["", "", "", ""],                                        // fully blank row in the middle
            ["R2", "  padded  ", "line1\nline2", "00123"],
            ["R3", "Zoë \"quoted\" 😀", "_x0041_ literal", "=1+1"],
            ["R4"],                                                  // short row
        ]
        let data = try TabularWriter.xlsx(sheetName: "Routes", headers: headers, rows: rows)
        XCTAssertEqual(TabularFormat.detect(filename: nil, contentType: nil, data: data), .xlsx)

        let table = try TabularReader.read(data, format: .xlsx)
        XCTAssertEqual(table.headers, ["route_code", "name", "notes", "start_date"])
        XCTAssertEqual(table.rows.map(\.number), [2, 4, 5, 6])
        XCTAssertEqual(table.rows[0].cells, ["route_code": "R1", "name": "Oak & <Elm>", "notes": "", "start_date": "2023-04-01"])
        XCTAssertEqual(table.rows[1].cells, ["route_code": "R2", "name": "  padded  ", "notes": "line1\nline2", "start_date": "00123"])
        XCTAssertEqual(table.rows[2].cells, ["route_code": "R3", "name": "Zoë \"quoted\" 😀", "notes": "_x0041_ literal", "start_date": "=1+1"])
        XCTAssertEqual(table.rows[3].cells, ["route_code": "R4", "name": "", "notes": "", "start_date": ""])
    }

    func testXLSXCarriesHeaderStyleAndSafeSheetName() throws {
        let data = try TabularWriter.xlsx(sheetName: "Term [2024/25]: dates that are far too long", headers: ["a"], rows: [])
        XCTAssertEqual(try TabularReader.read(data, format: .xlsx).headers, ["a"])
        XCTAssertEqual(XLSXWriter.safeSheetName("Term [2024/25]: dates that are far too long"), "Term 202425 dates that are far")
        XCTAssertEqual(XLSXWriter.safeSheetName("''"), "Sheet1")
        let sheet = XLSXWriter.sheetXML(headers: ["h"], rows: [["v"]], columnCount: 1)
        XCTAssertTrue(sheet.contains("<c r=\"A1\" t=\"inlineStr\" s=\"1\">"))
        XCTAssertTrue(sheet.contains("<c r=\"A2\" t=\"inlineStr\">"))
    }

    func testXMLEscapingDropsInvalidControlCharacters() {
        XCTAssertEqual(XLSXWriter.escape("a\u{0}b\u{1B}c\rd&"), "abc&#13;d&amp;")
    }
}
