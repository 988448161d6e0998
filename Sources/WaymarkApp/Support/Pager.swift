import Foundation
import Vapor
import WaymarkDomain

/// One page of a long list, one way for every list (issue 20): `?page=N` (prefixed when a page
/// has two tables, as `TableSort` is), a fixed number of rows a page, and links that keep every
/// other choice in the address — filters, sorting, `as_of` — and change only the page. The
/// rows arrive already in a stable order (the list's sort, ties broken by a unique key), so a
/// row is on exactly one page. CSV downloads never page: they stream the whole list.
struct Pager: Sendable {
    static let defaultSize = 50
    /// Far beyond any real list, and small enough that an offset cannot overflow.
    static let lastPossiblePage = 1_000_000

    let size: Int
    /// The page asked for: 1 when none, or a number that is not one.
    let asked: Int
    let prefix: String

    /// Page `page` of a list read outside a request (a benchmark).
    init(page: Int = 1, size: Int = Pager.defaultSize) {
        self.size = size
        prefix = ""
        asked = min(max(1, page), Self.lastPossiblePage)
    }

    init(_ req: Request, size: Int = Pager.defaultSize, prefix: String = "") {
        self.size = size
        self.prefix = prefix
        asked = min(max(1, req.query[Int.self, at: prefix + "page"] ?? 1), Self.lastPossiblePage)
    }

    /// The page to show of `total` rows: the one asked for, or the last when it asks past the end.
    func number(total: Int) -> Int { min(asked, max(1, (total + size - 1) / size)) }

    /// Rows `offset ..< offset + size` of the list, for a query's `range` or an array's slice.
    func range(total: Int) -> Range<Int> {
        let start = (number(total: total) - 1) * size
        return start ..< min(total, start + size)
    }

    /// This page's rows of a list already in order.
    func rows<Row>(_ all: [Row]) -> [Row] { Array(all[range(total: all.count)]) }

    /// What `layout/pager.leaf` draws: where we are, and the links around it.
    func links(_ req: Request, total: Int, noun: String) -> Links {
        let number = number(total: total), pages = max(1, (total + size - 1) / size), shown = range(total: total)
        let kept = (URLComponents(string: req.url.string)?.queryItems ?? []).filter { $0.name != prefix + "page" }
        func href(_ page: Int) -> String {
            var components = URLComponents()
            let items = kept + (page > 1 ? [URLQueryItem(name: prefix + "page", value: String(page))] : [])
            components.queryItems = items.isEmpty ? nil : items
            return req.url.path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        }
        let around = Set([1, pages, number - 1, number, number + 1].filter { (1...pages).contains($0) }).sorted()
        var items: [Links.Item] = []
        for (i, page) in around.enumerated() {
            if i > 0, page - around[i - 1] > 1 { items.append(.init(label: "…", href: nil, current: false, gap: true)) }
            items.append(.init(label: Wording.grouped(page), href: href(page), current: page == number, gap: false))
        }
        return Links(
            summary: pages == 1 ? nil : "Showing \(noun) \(Wording.grouped(shown.lowerBound + 1)) to \(Wording.grouped(shown.upperBound)) of \(Wording.grouped(total))",
            previousHref: number > 1 ? href(number - 1) : nil, nextHref: number < pages ? href(number + 1) : nil,
            items: pages > 1 ? items : nil, label: "Pages of \(noun)")
    }

    struct Links: Encodable, Sendable {
        struct Item: Encodable, Sendable { let label: String; let href: String?; let current: Bool; let gap: Bool }
        /// "Showing returns 51 to 100 of 1,234"; nil when everything fits on one page.
        let summary: String?
        let previousHref: String?
        let nextHref: String?
        /// Nil when everything fits on one page: no page links to draw.
        let items: [Item]?
        let label: String
    }
}
