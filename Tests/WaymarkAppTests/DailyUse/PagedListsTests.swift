import Fluent
import XCTVapor
@testable import WaymarkApp

/// Long lists come a page at a time (`Pager`, issue 20): every row on exactly one page, in one
/// order, with the page's filters, sorting and day kept by every page link.
final class PagedListsTests: AppTestCase {
    /// Each returns-list row's link, in page order.
    func returnLinks(_ html: String) throws -> [String] {
        html.matches(of: try Regex(#"<th scope="row" class="wm-table__header"><a class="wm-link" href="([^"]+)""#))
            .map { String($0.output[1].substring!) }
    }

    /// Each row's due day ("10 Jan 2024", the third column), in page order.
    func dueDays(_ html: String) throws -> [Int] {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return html.matches(of: try Regex(#"</td>(?:<td class="wm-table__cell">[^<]*</td>)?<td class="wm-table__cell wm-u-nowrap">([0-9]{1,2}) ([A-Z][a-z]{2}) ([0-9]{4})</td>"#))
            .map { match in
                let day = Int(String(match.output[1].substring!))!, year = Int(String(match.output[3].substring!))!
                return year * 10_000 + (months.firstIndex(of: String(match.output[2].substring!))! + 1) * 100 + day
            }
    }

    func pageLinks(_ html: String) throws -> [String] {
        guard let nav = html.components(separatedBy: "<nav class=\"wm-pagination\"").dropFirst().first?
            .components(separatedBy: "</nav>").first else { return [] }
        return nav.matches(of: try Regex(#"href="([^"]+)""#)).map { String($0.output[1].substring!).replacingOccurrences(of: "&amp;", with: "&") }
    }

    func testTheReturnsListShowsEveryReturnOnceAcrossItsPagesKeepingSortAndFilter() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let base = "/t/west-midlands/returns?show=all&sort=due&order=desc&as_of=2025-06-30"
        let first = try await commissioner.get(base).body.string
        let summary = try XCTUnwrap(first.firstMatch(of: try Regex(#"Showing returns 1 to 50 of ([0-9,]+)"#)))
        let total = Int(String(summary.output[1].substring!).replacingOccurrences(of: ",", with: ""))!
        XCTAssertGreaterThan(total, 100, "the demo owes enough returns for three pages or more")
        XCTAssertEqual(try returnLinks(first).count, 50)
        let links = try pageLinks(first)
        XCTAssertFalse(links.isEmpty)
        for link in links {
            XCTAssertTrue(link.contains("show=all") && link.contains("sort=due") && link.contains("order=desc") && link.contains("as_of=2025-06-30"),
                          "a page link keeps the filter, the sorting and the day: \(link)")
        }
        var seen: [String] = []
        let pages = (total + 49) / 50
        for page in 1...pages {
            let html = try await commissioner.get(base + (page > 1 ? "&page=\(page)" : "")).body.string
            let rows = try returnLinks(html)
            XCTAssertEqual(rows.count, page < pages ? 50 : total - 50 * (pages - 1), "page \(page)")
            seen += rows
        }
        XCTAssertEqual(seen.count, total)
        XCTAssertEqual(Set(seen).count, total, "no return is on two pages")
        // One order across the pages: due days never rise from one row to the next.
        var dues: [Int] = []
        for page in 1...pages {
            let html = try await commissioner.get(base + "&page=\(page)").body.string
            dues += try dueDays(html)
        }
        XCTAssertEqual(dues.count, total)
        XCTAssertEqual(dues, dues.sorted(by: >), "sorted by due day, latest first, across every page")

        let past = try await commissioner.get(base + "&page=999").body.string
        XCTAssertEqual(try returnLinks(past), Array(seen.suffix(total - 50 * (pages - 1))), "a page past the end shows the last")
        let nonsense = try await commissioner.get(base + "&page=first").body.string
        XCTAssertEqual(try returnLinks(nonsense), Array(seen.prefix(50)), "a page that is not a number shows the first")
        XCTAssertTrue(past.contains("aria-current=\"page\" aria-label=\"Page \(pages)\""))
    }

    func testAFilteredListCountsAndPagesOnlyItsOwnRows() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let html = try await commissioner.get("/t/west-midlands/returns?show=overdue&as_of=2025-06-30").body.string
        let rows = try returnLinks(html)
        let count = try XCTUnwrap(html.firstMatch(of: try Regex(#"<strong aria-current="page">Overdue \(([0-9]+)\)"#)))
        XCTAssertEqual(rows.count, min(50, Int(String(count.output[1].substring!))!))
    }

    /// The alerts API pages as the inbox does: every alert once, newest first, following `next`
    /// from the first page to the last; a page past the end is empty, and a page that is not a
    /// whole number from 1 is refused, naming it.
    func testTheAlertsAPIPagesEveryAlertOnceByItsNextLinks() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let count = FundingAPIBodies.alertsPerPage * 2 + 17
        try await platform { db in
            let tenant = try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()!
            let person = try await Person.query(on: db).filter(\.$email == DemoPeople.commissioner).first()!
            let alerts = (0..<count).map { n in
                InboxMessage(tenantID: tenant.id!, personID: person.id!, kind: "status", headline: "API alert \(n)", body: "",
                             link: "/t/west-midlands/routes/BHM-01", alertKey: "api-paged-\(n)", asOfDay: "2025-01-01",
                             at: DemoReturns.noon("2025-01-01").addingTimeInterval(Double(n / 3)))
            }
            try await alerts.create(on: db)
        }
        var next: String? = "/api/v1/t/west-midlands/alerts?as_of=2025-01-02"
        var headlines: [String] = [], pages: [Int] = [], total = 0
        while let path = next {
            let response = try await commissioner.get(path)
            XCTAssertEqual(response.status, .ok, path)
            let body = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8)) as! [String: Any]
            total = body["total"] as! Int
            XCTAssertGreaterThanOrEqual(total, count, "the day's alerts, all of them counted")
            XCTAssertEqual(body["pages"] as? Int, (total + FundingAPIBodies.alertsPerPage - 1) / FundingAPIBodies.alertsPerPage)
            XCTAssertTrue(body.keys.contains("next"), "next is there on every page, null on the last")
            pages.append(body["page"] as! Int)
            headlines += (body["alerts"] as! [[String: Any]]).map { $0["headline"] as! String }
            next = body["next"] as? String
            if let next { XCTAssertTrue(next.contains("as_of=2025-01-02"), "the next page keeps the day: \(next)") }
        }
        XCTAssertEqual(pages, Array(1...pages.count))
        XCTAssertGreaterThanOrEqual(pages.count, 3)
        XCTAssertEqual(headlines.count, total)
        XCTAssertEqual(Set(headlines.filter { $0.hasPrefix("API alert") }).count, count, "each alert on exactly one page")
        XCTAssertEqual(headlines.filter { $0.hasPrefix("API alert") }.count, count)
        XCTAssertEqual(headlines.filter { $0.hasPrefix("API alert") }.first.map { ["API alert \(count - 1)", "API alert \(count - 2)", "API alert \(count - 3)"].contains($0) }, true,
                       "newest first")
        let beyond = try JSONSerialization.jsonObject(with: Data(try await commissioner.get("/api/v1/t/west-midlands/alerts?as_of=2025-01-02&page=9").body.string.utf8)) as! [String: Any]
        XCTAssertEqual((beyond["alerts"] as! [Any]).count, 0, "past the last page: empty")
        XCTAssertTrue(beyond["next"] is NSNull)
        for bad in ["0", "two", "1.5", "-3"] {
            let refused = try await commissioner.get("/api/v1/t/west-midlands/alerts?page=\(bad)")
            XCTAssertEqual(refused.status, .badRequest, bad)
            XCTAssertTrue(refused.body.string.contains("page must be a whole number"), refused.body.string)
        }
    }

    func testTheInboxPagesInTheDatabaseAndCountsEveryUnreadAlert() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        try await platform { db in
            let tenant = try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()!
            let person = try await Person.query(on: db).filter(\.$email == DemoPeople.commissioner).first()!
            // 120 alerts, three raised in each second, so the id must break the ties.
            let alerts = (0..<120).map { n in
                InboxMessage(tenantID: tenant.id!, personID: person.id!, kind: "status", headline: "Paged alert \(n)", body: "",
                             link: "/t/west-midlands/routes/BHM-01", alertKey: "paged-\(n)", asOfDay: "2025-01-01",
                             at: DemoReturns.noon("2025-01-01").addingTimeInterval(Double(n / 3)))
            }
            try await alerts.create(on: db)
        }
        var seen: [String] = []
        for page in 1...3 {
            let html = try await commissioner.get("/t/west-midlands/inbox" + (page > 1 ? "?page=\(page)" : "")).body.string
            seen += html.matches(of: try Regex(#">(Paged alert [0-9]+)<"#)).map { String($0.output[1].substring!) }
            if page == 1 {
                XCTAssertTrue(html.contains("Showing alerts 1 to 50 of"))
                let unread = try XCTUnwrap(html.firstMatch(of: try Regex(#"Mark all ([0-9]+) as read"#)))
                XCTAssertGreaterThanOrEqual(Int(String(unread.output[1].substring!))!, 120, "every unread alert counts, not only this page's")
            }
        }
        XCTAssertEqual(seen.count, 120)
        XCTAssertEqual(Set(seen).count, 120, "each alert is on exactly one page")
        XCTAssertTrue(["Paged alert 117", "Paged alert 118", "Paged alert 119"].contains(seen.first ?? ""),
                      "newest first (the last three share a second): \(seen.first ?? "none")")
    }
}

