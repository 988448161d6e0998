import XCTest
@testable import WaymarkApp

final class TabularValuesTests: XCTestCase {
    func testExcelSerialDates() {
        XCTAssertEqual(XLSXValues.isoDate(serial: 1, date1904: false), "1900-01-01")
        XCTAssertEqual(XLSXValues.isoDate(serial: 59, date1904: false), "1900-02-28")
        XCTAssertEqual(XLSXValues.isoDate(serial: 60, date1904: false), "1900-02-29") // Excel's fake leap day
        XCTAssertEqual(XLSXValues.isoDate(serial: 61, date1904: false), "1900-03-01")
        XCTAssertEqual(XLSXValues.isoDate(serial: 45017, date1904: false), "2023-04-01")
        XCTAssertEqual(XLSXValues.isoDate(serial: 45351, date1904: false), "2024-02-29")
        XCTAssertEqual(XLSXValues.isoDate(serial: 45017.5, date1904: false), "2023-04-01 12:00")
        XCTAssertEqual(XLSXValues.isoDate(serial: 45017 + 3661.0 / 86400, date1904: false), "2023-04-01 01:01:01")
        XCTAssertEqual(XLSXValues.isoDate(serial: 0, date1904: true), "1904-01-01")
        XCTAssertNil(XLSXValues.isoDate(serial: 0, date1904: false))
        XCTAssertNil(XLSXValues.isoDate(serial: -3, date1904: false))
    }

    func testDateFormatCodes() {
        for code in ["yyyy-mm-dd", "dd/mm/yyyy", "d-mmm-yy", "mmm yyyy", "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "m/d/yy h:mm"] {
            XCTAssertTrue(XLSXValues.isDateFormatCode(code), code)
        }
        for code in ["General", "0.00", "#,##0", "h:mm", "[h]:mm:ss", "mm:ss", "0.0 \"days\"", "[Red]0.00", "\"£\"#,##0.00", "_-* #,##0_-"] {
            XCTAssertFalse(XLSXValues.isDateFormatCode(code), code)
        }
        XCTAssertTrue(XLSXValues.isBuiltInDateFormat(14))
        XCTAssertTrue(XLSXValues.isBuiltInDateFormat(22))
        XCTAssertFalse(XLSXValues.isBuiltInDateFormat(20))
        XCTAssertFalse(XLSXValues.isBuiltInDateFormat(0))
    }

    func testNumbersRenderAsTyped() {
        XCTAssertEqual(XLSXValues.formatNumber("45017"), "45017")
        XCTAssertEqual(XLSXValues.formatNumber("42.0"), "42")
        XCTAssertEqual(XLSXValues.formatNumber("-12.5"), "-12.5")
        XCTAssertEqual(XLSXValues.formatNumber("1.1000000000000001"), "1.1")
        XCTAssertEqual(XLSXValues.formatNumber("1E+3"), "1000")
        XCTAssertEqual(XLSXValues.formatNumber("1.5E-7"), "1.5E-7")
        XCTAssertEqual(XLSXValues.formatNumber("not a number"), "not a number")
    }

    func testColumnReferences() {
        XCTAssertEqual(XLSXValues.columnIndex(fromReference: "A1"), 0)
        XCTAssertEqual(XLSXValues.columnIndex(fromReference: "B3"), 1)
        XCTAssertEqual(XLSXValues.columnIndex(fromReference: "AA10"), 26)
        XCTAssertEqual(XLSXValues.columnIndex(fromReference: "XFD1"), 16_383)
        XCTAssertNil(XLSXValues.columnIndex(fromReference: "12"))
        XCTAssertEqual((0..<30).map(XLSXValues.columnName).suffix(5), ["Z", "AA", "AB", "AC", "AD"])
        XCTAssertEqual(XLSXValues.columnName(16_383), "XFD")
    }

    func testUnderscoreEscapes() {
        XCTAssertEqual(XLSXValues.decodeUnderscoreEscapes("a_x000D_b"), "a\rb")
        XCTAssertEqual(XLSXValues.decodeUnderscoreEscapes("_x005F_x0041_"), "_x0041_")
        XCTAssertEqual(XLSXValues.decodeUnderscoreEscapes("my_xray_file"), "my_xray_file")
        XCTAssertEqual(XLSXValues.encodeUnderscoreEscapes("_x0041_ and my_xray"), "_x005F_x0041_ and my_xray")
    }

    func testFormatDetection() {
        let zip = TabularFormat.zipMagic + Data(repeating: 0, count: 10)
        let text = Data("a,b\n1,2\n".utf8)
        XCTAssertEqual(TabularFormat.detect(filename: "Routes.CSV", contentType: nil, data: text), .csv)
        XCTAssertEqual(TabularFormat.detect(filename: "routes.xlsx", contentType: nil, data: text), .xlsx)
        XCTAssertEqual(TabularFormat.detect(filename: "routes.csv", contentType: "text/csv", data: zip), .xlsx) // bytes win for ZIPs
        XCTAssertEqual(TabularFormat.detect(filename: "upload", contentType: "text/csv; charset=utf-8", data: text), .csv)
        XCTAssertEqual(TabularFormat.detect(filename: nil,
                                            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                            data: text), .xlsx)
        XCTAssertEqual(TabularFormat.detect(filename: nil, contentType: "application/vnd.ms-excel", data: text), .csv)
        XCTAssertEqual(TabularFormat.detect(filename: nil, contentType: nil, data: zip), .xlsx)
        XCTAssertNil(TabularFormat.detect(filename: "old.xls", contentType: nil, data: Data([0xD0, 0xCF, 0x11, 0xE0])))
        XCTAssertNil(TabularFormat.detect(filename: nil, contentType: nil, data: Data([0xD0, 0xCF, 0x11, 0xE0, 0, 0])))
    }
}
