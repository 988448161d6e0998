import XCTest
@testable import WaymarkApp

final class TabularCSVReaderTests: XCTestCase {
    private func read(_ text: String) throws -> TabularTable {
        try TabularReader.read(Data(text.utf8), format: .csv)
    }

    private func assertError(_ expected: TabularError, _ body: () throws -> Void, line: UInt = #line) {
        XCTAssertThrowsError(try body(), line: line) { error in
            XCTAssertEqual(error as? TabularError, expected, line: line)
        }
    }

    func testQuotedFieldsWithCommasNewlinesAndQuotes() throws {
        let csv = "Name,Notes,Code\r\n"
            + "\"Smith, John\",\"Line one\r\nLine two\",\"say \"\"hi\"\"\"\r\n"
            + "Plain,,42\r\n"
        let table = try read(csv)
        XCTAssertEqual(table.headers, ["name", "notes", "code"])
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(table.rows[0].value("name"), "Smith, John")
        XCTAssertEqual(table.rows[0].value("notes"), "Line one\r\nLine two")
        XCTAssertEqual(table.rows[0].value("code"), "say \"hi\"")
        // The multi-line record is still one spreadsheet row.
        XCTAssertEqual(table.rows.map(\.number), [2, 3])
        XCTAssertNil(table.rows[1].value("notes"))
        XCTAssertEqual(table.rows[1].cells["notes"], "")
    }

    func testBOMIsStrippedAndHeadersNormalised() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(" School Name ,Start-Date,URN\nOak Primary,2023-04-01,100001\n".utf8))
        let table = try TabularReader.read(data, format: .csv)
        XCTAssertEqual(table.headers, ["school_name", "start_date", "urn"])
        XCTAssertEqual(table.rows[0].value("School Name"), "Oak Primary") // lookup normalises too
        XCTAssertEqual(table.rows[0].value("start_date"), "2023-04-01")
        XCTAssertTrue(table.hasColumn("Start Date"))
    }

    func testBlankRowsSkippedButNumberingKeepsCounting() throws {
        let table = try read("code,name\nA,Alpha\n\n , \n,,\nB,Beta\n")
        XCTAssertEqual(table.rows.map { $0.value("code") }, ["A", "B"])
        XCTAssertEqual(table.rows.map(\.number), [2, 6])
    }

    func testValueIsTrimmedAndNilWhenBlank() throws {
        let table = try read("a,b\n  x  ,   \n")
        XCTAssertEqual(table.rows[0].value("a"), "x")
        XCTAssertNil(table.rows[0].value("b"))
        XCTAssertNil(table.rows[0].value("no_such_column"))
    }

    func testShortAndLongRows() throws {
        let table = try read("a,b,c\n1\n1,2,3,4\n")
        XCTAssertEqual(table.rows[0].cells, ["a": "1", "b": "", "c": ""])
        XCTAssertEqual(table.rows[1].cells, ["a": "1", "b": "2", "c": "3"])
    }

    func testDuplicateHeadersRefused() {
        assertError(.duplicateColumn("Name")) { _ = try read("name,Code,Name \n1,2,3\n") }
        // Different spelling, same normalised column.
        assertError(.duplicateColumn("start-date")) { _ = try read("Start Date,start-date\n") }
        XCTAssertEqual(TabularError.duplicateColumn("Name").message, "Column 'Name' appears twice")
    }

    func testEmptyFileRefused() {
        assertError(.empty) { _ = try TabularReader.read(Data(), format: .csv) }
        assertError(.empty) { _ = try TabularReader.read(Data([0xEF, 0xBB, 0xBF]), format: .csv) }
        assertError(.empty) { _ = try read("\r\n\n  \n") }
        XCTAssertEqual(TabularError.empty.message, "The file is empty")
    }

    func testOnlySeparatorsMeansNoHeaderRow() {
        assertError(.headerMissing) { _ = try read(",,\n,,\n") }
        XCTAssertEqual(TabularError.headerMissing.message, "The header row is missing")
    }

    func testHeaderOnlyGivesNoRows() throws {
        let table = try read("a,b\r\n")
        XCTAssertEqual(table.headers, ["a", "b"])
        XCTAssertTrue(table.rows.isEmpty)
    }

    func testNonUTF8Refused() {
        // "Caf\xE9" is Windows-1252, as saved by Excel's plain "CSV" option.
        assertError(.notUTF8) { _ = try TabularReader.read(Data([0x61, 0x0A, 0x43, 0x61, 0x66, 0xE9]), format: .csv) }
        XCTAssertEqual(TabularError.notUTF8.message, "The file is not UTF-8 text")
    }

    func testTooManyRowsRefused() {
        var text = "a\n"
        text += String(repeating: "x\n", count: TabularReader.maxRows)
        XCTAssertNoThrow(try read(text))
        assertError(.tooManyRows(limit: 20_000)) { _ = try read(text + "x\n") }
        XCTAssertEqual(TabularError.tooManyRows(limit: 20_000).message, "The file has more than 20,000 rows")
    }

    func testTooLargeRefused() {
        let data = Data(count: TabularReader.maxBytes + 1)
        assertError(.tooLarge(megabytes: 10)) { _ = try TabularReader.read(data, format: .csv) }
        XCTAssertEqual(TabularError.tooLarge(megabytes: 10).message, "The file is larger than 10 MB")
    }

    func testSemicolonAndTabSeparatedFiles() throws {
        XCTAssertEqual(try read("a;b\n1,5;2\n").rows[0].cells, ["a": "1,5", "b": "2"])
        XCTAssertEqual(try read("a\tb\n1\t2\n").rows[0].cells, ["a": "1", "b": "2"])
        // A comma in a quoted header does not fool the sniffer.
        XCTAssertEqual(try read("\"x,y\";z\n1;2\n").headers, ["x,y", "z"])
    }

    func testRequireColumnsNamesEveryMissingColumn() throws {
        let table = try read("code\n1\n")
        XCTAssertNoThrow(try table.requireColumns(["Code"]))
        XCTAssertThrowsError(try table.requireColumns(["code", "name", "start date"])) { error in
            XCTAssertEqual(error as? TabularError, .missingColumns(["name", "start date"]))
            XCTAssertEqual((error as? TabularError)?.message, "The file is missing the columns 'name', 'start date'")
        }
    }
}
