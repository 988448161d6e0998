import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Importing contracts let before Waymark: rows sharing a reference are one contract, checked
/// as the form checks one, lines already paid marked paid, and a file with any problem refused
/// whole with every problem by row and column.
final class ContractImportTests: AppTestCase {
    static let header = "contract_reference,title,provider,how_let,start_day,end_day,signed_on,route_code,route_value,kpis,funding_source,funding_amount,paid_through,paid_on"

    func testAFileOfTwoContractsLandsWithTheirPaidLines() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let source = try await platform { db in
            try await FundingSourceRecord.query(on: db).all().first { !$0.reference.isEmpty && $0.reference.count < 40 }!.reference
        }
        let file = Self.csv([
            Self.header,
            "TEST-IMP-1,Safer Journeys Wolverhampton,Lanternway Youth Trust,direct_award,2023-09-04,2024-07-31,2023-08-21,WLV-01,45630,Route staffed on 98% of school days; Monthly return by the 10th,\(source),20000,2023-12-31,2023-10-16; 2024-01-15",
            "TEST-IMP-1,,,,,,,WLV-02,45630,,,,,",
            "TEST-IMP-2,Birmingham grant,Kestrel Youth Outreach,Grant agreement,2024-01-08,2024-12-20,,BHM-01,30000,,,,2024-03-31,2024-01-08",
        ])
        let checked = try await check(browser, "contracts", "contracts.csv", file)
        XCTAssertEqual(checked.status, .ok, checked.body.string)
        XCTAssertTrue(checked.body.string.contains("2 contracts added"), checked.body.string)
        let done = try await importFile(browser, "contracts", "contracts.csv", file)
        XCTAssertEqual(done.status, .seeOther, done.body.string)

        let (records, lines) = try await platform { db in
            let records = try await ContractRecord.query(on: db).filter(\.$reference =~ "TEST-IMP").sort(\.$reference).all()
            let lines = try await PaymentLineRecord.query(on: db).filter(\.$contractID ~~ records.compactMap(\.id)).sort(\.$number).all()
            return (records, lines)
        }
        XCTAssertEqual(records.map(\.howLet), ["direct_award", "grant_agreement"])
        XCTAssertEqual(records.map(\.signedOn), ["2023-08-21", Day(Date(), in: London.timeZone).iso], "blank signed_on is today")
        XCTAssertEqual(records[0].valuePence, Money(pounds: 91_260).pence, "the value is the routes' sum")
        let first = try records[0].contract(variations: [])
        XCTAssertEqual(first.kpis, ["Route staffed on 98% of school days", "Monthly return by the 10th"])
        XCTAssertEqual(first.fundingLinks.map(\.amount), [Money(pounds: 20_000)])
        let firstLines = lines.filter { $0.contractID == records[0].id }
        XCTAssertEqual(firstLines.map(\.paidOn), ["2023-10-16", "2024-01-15", nil, nil, nil])
        let commissionerID = try await platform { db in try await Person.query(on: db).filter(\.$email == DemoPeople.commissioner).first()!.id }
        XCTAssertEqual(firstLines[0].paidBy, commissionerID)
        XCTAssertEqual(lines.filter { $0.contractID == records[1].id }.map { $0.paidOn != nil }, [true, false, false, false],
                       "Jan–Mar paid in advance on its first day")
        let actions = try await auditActions()
        XCTAssertEqual(actions.filter { $0 == "contract.imported" }.count, 2)
        let page = try await browser.get("/t/west-midlands/contracts/\(records[1].id!.uuidString)").body.string
        XCTAssertTrue(page.contains("Grant agreement"))

        let again = try await check(browser, "contracts", "contracts.csv", file)
        XCTAssertEqual(again.status, .unprocessableEntity)
        XCTAssertTrue(Self.issue(again.body.string, row: 2, column: "contract_reference", "A contract already has the reference TEST-IMP-1"))
        XCTAssertTrue(Self.issue(again.body.string, row: 4, column: "contract_reference", "already has the reference TEST-IMP-2"))
    }

    func testEveryProblemIsNamedByRowAndColumnAndNothingChanges() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let before = try await contractCount()
        let file = Self.csv([
            Self.header,
            "TEST-BAD-1,Unknown provider,Nowhere Trust,direct_award,2023-09-04,2024-07-31,,WLV-01,1000,,,,,",
            "TEST-BAD-2,Council,Birmingham City Council,awarded_in_waymark,2023-09-04,2024-07-31,2099-01-01,XXX-99,lots,,,,,",
            "TEST-BAD-3,Repeats,Lanternway Youth Trust,direct_award,2023-09-04,2024-07-31,,WLV-01,1000,,,,,",
            "TEST-BAD-3,Something else,,,,,,WLV-01,1000,,NO-SUCH-SOURCE,10,,",
            "TEST-BAD-4,Sound but,Lanternway Youth Trust,other,2023-09-04,2024-07-31,,WLV-02,9000,,,,2023-11-15,2023-10-01",
            "TEST-BAD-5,Ends first,Lanternway Youth Trust,open_tender,2024-07-31,2023-09-04,,WLV-02,9000,,,,2023-12-31,2023-10-01; 2023-10-02; 2023-10-03",
            "TEST-BAD-6,Paid too soon,Lanternway Youth Trust,framework_call_off,2023-09-04,2024-07-31,,WLV-02,9000,,,,2023-12-31,2023-09-01",
            ",No reference,Lanternway Youth Trust,other,2023-09-04,2024-07-31,,WLV-02,9000,,,,,",
            "TEST-BAD-7,Paid in the future,Lanternway Youth Trust,other,2023-09-04,2024-07-31,,WLV-02,9000,,,,2023-09-30,2099-01-01",
        ])
        let response = try await check(browser, "contracts", "contracts.csv", file)
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        XCTAssertTrue(html.contains("Nothing was imported"))
        for (row, column, text) in [
            (2, "provider", "No organisation called 'Nowhere Trust'"),
            (3, "provider", "Birmingham City Council is not a provider organisation"),
            (3, "how_let", "'awarded_in_waymark' is not one of: open_tender"),
            (3, "signed_on", "is in the future"),
            (3, "route_code", "No route has the code XXX-99"),
            (3, "route_value", "'lots' is not an amount of money"),
            (5, "title", "Row 4 of contract TEST-BAD-3 says Repeats here"),
            (5, "route_code", "WLV-01 is already on row 4 of contract TEST-BAD-3"),
            (5, "funding_source", "No funding source has the reference NO-SUCH-SOURCE"),
            (6, "paid_through", "2023-11-15 falls inside Q3 2023/24"),
            (7, "end_day", ""),
            (8, "paid_on", "before its period starts on 4 Sep 2023"),
            (9, "contract_reference", "Enter a value"),
            (10, "paid_on", "Q2 2023/24 paid on: 1 Jan 2099 is in the future"),
        ] {
            XCTAssertTrue(Self.issue(html, row: row, column: column, text), "row \(row) \(column): \(text)")
        }
        let forced = try await browser.post("/t/west-midlands/imports/contracts",
                                            form: ["action": "import", "filename": "contracts.csv", "payload": file.base64EncodedString()])
        XCTAssertEqual(forced.status, .unprocessableEntity)
        let after = try await contractCount()
        XCTAssertEqual(after, before, "a refused file changes nothing")
        let lines = try await fixturePaymentLineCount()
        XCTAssertEqual(lines, 0)
    }

    func testOnlyCommissionersImportContracts() async throws {
        try await assertOnlyCommissionersImport("contracts", Self.csv([Self.header]))
    }

    /// Whether the issues table names this row and column with a message containing `text`.
    static func issue(_ html: String, row: Int, column: String, _ text: String) -> Bool {
        let clean = html.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
        let cell = "<td class=\"wm-table__cell wm-u-nowrap\">Row \(row)</td><td class=\"wm-table__cell\"><code class=\"wm-code\">\(column)</code></td><td class=\"wm-table__cell\">"
        return clean.components(separatedBy: cell).dropFirst().contains { part in
            text.isEmpty || part.prefix { $0 != "<" }.contains(text)
        }
    }
}
