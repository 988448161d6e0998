import XCTest
@testable import WaymarkApp

/// Reads workbooks built by hand, so the reader is tested against the shapes
/// Excel and others really produce, not only against our own writer.
final class TabularXLSXReaderTests: XCTestCase {
    private let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A workbook whose first sheet (by workbook order) is `worksheets/sheet2.xml`,
    /// with a decoy `sheet1.xml`, as happens after reordering tabs in Excel.
    private func workbook(sheet: String, sharedStrings: [String] = [], styles: String? = nil,
                          date1904: Bool = false) throws -> Data {
        let pr = date1904 ? "<workbookPr date1904=\"1\"/>" : ""
        var entries: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
            ("xl/workbook.xml", Data("""
                <workbook xmlns="\(main)" xmlns:r="\(rel)">\(pr)<sheets>\
                <sheet name="Routes" sheetId="2" r:id="rId7"/><sheet name="Old" sheetId="1" r:id="rId1"/>\
                </sheets></workbook>
                """.utf8)),
            ("xl/_rels/workbook.xml.rels", Data("""
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="\(rel)/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId7" Type="\(rel)/worksheet" Target="/xl/worksheets/sheet2.xml"/>\
                <Relationship Id="rId3" Type="\(rel)/sharedStrings" Target="sharedStrings.xml"/>\
                <Relationship Id="rId4" Type="\(rel)/styles" Target="styles.xml"/>\
                </Relationships>
                """.utf8)),
            ("xl/worksheets/sheet1.xml", Data("<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>decoy</t></is></c></row></sheetData></worksheet>".utf8)),
            ("xl/worksheets/sheet2.xml", Data("<worksheet xmlns=\"\(main)\"><sheetData>\(sheet)</sheetData></worksheet>".utf8)),
        ]
        let items = sharedStrings.map { "<si>\($0)</si>" }.joined()
        entries.append(("xl/sharedStrings.xml", Data("<sst xmlns=\"\(main)\">\(items)</sst>".utf8)))
        if let styles { entries.append(("xl/styles.xml", Data("<styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>".utf8))) }
        return try XLSXPackage.zip(entries)
    }

    /// cellXfs: 0 General, 1 built-in date (14), 2 custom "dd/mm/yyyy", 3 custom "0.00",
    /// 4 time-only (20), 5 date-time (22). cellStyleXfs has a date xf to make sure it is ignored.
    private let dateStyles = """
        <numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>\
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
        <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/>\
        <xf numFmtId="165"/><xf numFmtId="20"/><xf numFmtId="22"/></cellXfs>
        """

    func testDateFormattedSerialBecomesISODate() throws {
        let sheet = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Amount</t></is></c>\
            <c r="D1" t="inlineStr"><is><t>Typed</t></is></c><c r="E1" t="inlineStr"><is><t>Time</t></is></c>\
            <c r="F1" t="inlineStr"><is><t>Stamp</t></is></c></row>\
            <row r="2"><c r="A2" s="1"><v>45017</v></c><c r="B2" s="2"><v>45383</v></c><c r="C2" s="3"><v>12.5</v></c>\
            <c r="D2" t="s"><v>2</v></c><c r="E2" s="4"><v>0.5</v></c><c r="F2" s="5"><v>45017.75</v></c></row>
            """
        let data = try workbook(sheet: sheet, sharedStrings: ["<t>Start date</t>", "<t>End date</t>", "<t>2023-04-01</t>"],
                                styles: dateStyles)
        let table = try TabularReader.read(data, format: .xlsx)
        XCTAssertEqual(table.headers, ["start_date", "end_date", "amount", "typed", "time", "stamp"])
        let row = try XCTUnwrap(table.rows.first)
        XCTAssertEqual(row.value("start_date"), "2023-04-01")
        XCTAssertEqual(row.value("end_date"), "2024-04-01")
        XCTAssertEqual(row.value("amount"), "12.5")      // "0.00" is not a date format
        XCTAssertEqual(row.value("typed"), "2023-04-01") // text that already is a date
        XCTAssertEqual(row.value("time"), "0.5")         // time-only format stays a number
        XCTAssertEqual(row.value("stamp"), "2023-04-01 18:00")
    }

    func test1904DateSystem() throws {
        let sheet = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>d</t></is></c></row><row r=\"2\"><c r=\"A2\" s=\"1\"><v>43555</v></c></row>"
        let table = try TabularReader.read(try workbook(sheet: sheet, styles: dateStyles, date1904: true), format: .xlsx)
        XCTAssertEqual(table.rows.first?.value("d"), "2023-04-01")
    }

    func testCellTypesGapsRichTextAndRowNumbers() throws {
        let sheet = """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>\
            <row r="2"><c r="A2" t="s"><v>4</v></c><c r="C2"><v>42.0</v></c></row>\
            <row r="3" spans="1:4" ht="20" customHeight="1"/>\
            <row r="5"><c r="B5" t="b"><v>1</v></c><c r="C5"><v>0.30000000000000004</v></c><c r="D5" t="e"><v>#N/A</v></c></row>\
            <row r="6"><c r="A6" t="str"><f>A2&amp;"!"</f><v>Oak Lane!</v></c><c r="D6" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c></row>
            """
        let strings = ["<t>Name</t>", "<t>Flag</t>", "<t>Value</t>", "<t>Note</t>",
                       "<r><rPr><b/></rPr><t>Oak </t></r><r><t xml:space=\"preserve\">Lane</t></r><rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh>"]
        let table = try TabularReader.read(try workbook(sheet: sheet, sharedStrings: strings), format: .xlsx)
        XCTAssertEqual(table.headers, ["name", "flag", "value", "note"])
        XCTAssertEqual(table.rows.map(\.number), [2, 5, 6])
        XCTAssertEqual(table.rows[0].cells, ["name": "Oak Lane", "flag": "", "value": "42", "note": ""])
        XCTAssertEqual(table.rows[1].cells, ["name": "", "flag": "TRUE", "value": "0.3", "note": "#N/A"])
        XCTAssertEqual(table.rows[2].cells, ["name": "Oak Lane!", "flag": "", "value": "", "note": "inline"])
    }

    func testPrefixedElementsAndCellsWithoutReferences() throws {
        // Some generators (OpenXML SDK) write a namespace prefix and omit r="".
        let sheet = "<x:row xmlns:x=\"\(main)\"><x:c t=\"inlineStr\"><x:is><x:t>a</x:t></x:is></x:c><x:c t=\"inlineStr\"><x:is><x:t>b</x:t></x:is></x:c></x:row>"
            + "<x:row xmlns:x=\"\(main)\"><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>"
        let table = try TabularReader.read(try workbook(sheet: sheet), format: .xlsx)
        XCTAssertEqual(table.headers, ["a", "b"])
        XCTAssertEqual(table.rows.first?.cells, ["a": "1", "b": "2"])
        XCTAssertEqual(table.rows.first?.number, 2)
    }

    func testGarbageBytesRefusedAsNotExcel() {
        let garbage = Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        XCTAssertThrowsError(try TabularReader.read(garbage, format: .xlsx)) { error in
            XCTAssertEqual(error as? TabularError, .notExcel)
            XCTAssertEqual((error as? TabularError)?.message, "The file is not a valid Excel workbook")
        }
        // Plain text sent as xlsx, and a ZIP that is not a workbook.
        XCTAssertThrowsError(try TabularReader.read(Data("a,b\n1,2\n".utf8), format: .xlsx)) {
            XCTAssertEqual($0 as? TabularError, .notExcel)
        }
        XCTAssertThrowsError(try TabularReader.read(try XLSXPackage.zip([("hello.txt", Data("hi".utf8))]), format: .xlsx)) {
            XCTAssertEqual($0 as? TabularError, .notExcel)
        }
    }

    func testTruncatedWorkbookRefused() throws {
        let full = try TabularWriter.xlsx(sheetName: "S", headers: ["a"], rows: [["1"]])
        XCTAssertThrowsError(try TabularReader.read(full.prefix(full.count / 2), format: .xlsx)) {
            XCTAssertEqual($0 as? TabularError, .notExcel)
        }
    }

    func testEmptySheetHasNoHeaderRow() throws {
        XCTAssertThrowsError(try TabularReader.read(try workbook(sheet: ""), format: .xlsx)) {
            XCTAssertEqual($0 as? TabularError, .headerMissing)
        }
    }

    func testTooManyRowsStopsEarly() throws {
        let rows = (1...(TabularReader.maxRows + 2)).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>\($0)</v></c></row>" }
        XCTAssertThrowsError(try TabularReader.read(try workbook(sheet: rows.joined()), format: .xlsx)) {
            XCTAssertEqual($0 as? TabularError, .tooManyRows(limit: TabularReader.maxRows))
        }
    }
}
