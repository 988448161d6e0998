import XCTVapor
@testable import WaymarkApp

/// Funding sources, contracts, returns, payments, pledges and specifications sort on the server
/// (`TableSort`): without JavaScript, keeping the page's other choices, with `aria-sort`.
final class SortableTablesTests: AppTestCase {
    /// The first amount in each row of the page's first table body that has one, in page order.
    func amounts(_ html: String) throws -> [Double] {
        guard let body = html.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first else { return [] }
        let pattern = try Regex(#"wm-table__cell--numeric">£([0-9,]+\.[0-9]{2})<"#)
        return body.components(separatedBy: "<tr").dropFirst().compactMap { row in
            row.firstMatch(of: pattern).map { Double(String($0.output[1].substring!).replacingOccurrences(of: ",", with: ""))! }
        }
    }

    func testEveryListSortsByEachColumnBothWays() async throws {
        let finance = try await signedIn(DemoPeople.finance)
        let commissioner = try await signedIn(DemoPeople.commissioner)
        // Two pledges to sort: the demo has none awaiting a decision.
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        for amount in ["9,000", "12,500"] {
            let made = try await partner.post("/t/west-midlands/pledges/new", form: [
                "programme": "Top-up \(amount)", "start_day": "2027-04-01", "end_day": "2028-03-31", "amounts[BHM-01]": amount])
            XCTAssertEqual(made.status, .seeOther, made.body.string)
        }
        let lists: [(Browser, String, String)] = [
            (finance, "/t/west-midlands/funding", "amount"), (finance, "/t/west-midlands/contracts", "value"),
            (commissioner, "/t/west-midlands/returns", "due"), (finance, "/t/west-midlands/payments", "amount"),
            (commissioner, "/t/west-midlands/pledges", "amount"), (commissioner, "/t/west-midlands/specifications", "value"),
        ]
        for (browser, path, key) in lists {
            let ascending = try await browser.get(path + "?sort=\(key)&order=asc")
            XCTAssertEqual(ascending.status, .ok, path)
            XCTAssertTrue(ascending.body.string.contains("aria-sort=\"ascending\""), path)
            let descending = try await browser.get(path + "?sort=\(key)&order=desc").body.string
            XCTAssertTrue(descending.contains("aria-sort=\"descending\""), path)
            XCTAssertTrue(descending.contains("sort=\(key)&amp;order=asc\"") || descending.contains("sort=\(key)&order=asc\""),
                          "\(path): the sorted column's link turns the order round")
            if key == "amount" || key == "value" {
                let up = try amounts(ascending.body.string), down = try amounts(descending)
                XCTAssertFalse(up.isEmpty, path)
                XCTAssertEqual(Array(up.prefix(5)), Array(up.prefix(5)).sorted(), "\(path) ascending")
                XCTAssertEqual(Array(down.prefix(5)), Array(down.prefix(5)).sorted(by: >), "\(path) descending")
            }
            let unknown = try await browser.get(path + "?sort=nonsense")
            XCTAssertEqual(unknown.status, .ok, "\(path): an unknown column falls back to the default order")
        }
    }

    func testSortLinksKeepTheDayAndTheFilter() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let html = try await commissioner.get("/t/west-midlands/returns?show=all&as_of=2023-11-20").body.string
        let link = try XCTUnwrap(html.firstMatch(of: try Regex(#"href="([^"]*sort[^"]*due[^"]*)""#)).map { String($0.output[1].substring!) })
        XCTAssertTrue(link.contains("show") && link.contains("all") && link.contains("2023-11-20"), "the header link keeps the filter and the day: \(link)")
    }

    func testTwoTablesOnAPageSortApart() async throws {
        let finance = try await signedIn(DemoPeople.finance)
        let html = try await finance.get("/t/west-midlands/payments?others_sort=amount&others_order=desc").body.string
        let descending = html.components(separatedBy: "aria-sort=\"descending\"").count - 1
        XCTAssertEqual(descending, 1, "only the second table is sorted by amount")
    }
}
