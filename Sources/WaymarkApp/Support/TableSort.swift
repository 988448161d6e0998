import Foundation
import Vapor

/// Sorting a list on the server, one way for every list (issue 17): `?sort=key&order=asc|desc`
/// (prefixed when a page has two tables), header links that keep the page's other choices
/// (filters, `as_of`) and change only the sort, and `aria-sort` on the column sorted by. Works
/// without JavaScript; the rows arrive in order.
struct TableSort<Row>: Sendable {
    struct Column: Sendable {
        let key: String
        let label: String
        var numeric = false
        /// Ascending order of two rows by this column.
        let ascending: @Sendable (Row, Row) -> Bool
    }

    /// What `layout/sort-headers.leaf` draws for each column.
    struct Header: Encodable, Sendable {
        let label: String
        let href: String
        let ariaSort: String
        let numeric: Bool
    }

    let columns: [Column]
    let key: String
    let descending: Bool
    /// Before `sort` and `order` when a page has two tables: "paid_" gives `paid_sort`.
    let prefix: String

    /// An order already chosen (by the API's own parameters, say).
    init(columns: [Column], key: String, descending: Bool) {
        self.columns = columns
        self.key = key
        self.descending = descending
        prefix = ""
    }

    init(_ req: Request, columns: [Column], defaultKey: String, defaultDescending: Bool = false, prefix: String = "") {
        self.columns = columns
        self.prefix = prefix
        let asked = req.query[String.self, at: prefix + "sort"]
        if let asked, columns.contains(where: { $0.key == asked }) {
            key = asked
            descending = req.query[String.self, at: prefix + "order"] == "desc"
        } else {
            key = defaultKey
            descending = defaultDescending
        }
    }

    /// The rows in the chosen order; rows that tie keep the order they came in.
    func sorted(_ rows: [Row]) -> [Row] {
        guard let column = columns.first(where: { $0.key == key }) else { return rows }
        return rows.enumerated().sorted { a, b in
            if column.ascending(a.element, b.element) { return !descending }
            if column.ascending(b.element, a.element) { return descending }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// What a page with two sorted tables hands `#extend("layout/sort-headers", …)` for each.
    struct Headers: Encodable, Sendable { let sortHeaders: [Header] }

    /// Each column's header: its link sorts by it, ascending first, then the other way.
    func headers(_ req: Request) -> [Header] {
        let kept = (URLComponents(string: req.url.string)?.queryItems ?? [])
            .filter { ![prefix + "sort", prefix + "order", prefix + "page"].contains($0.name) }
        return columns.map { column in
            let current = column.key == key
            var components = URLComponents()
            components.queryItems = kept + [URLQueryItem(name: prefix + "sort", value: column.key),
                                            URLQueryItem(name: prefix + "order", value: current && !descending ? "desc" : "asc")]
            return Header(label: column.label, href: req.url.path + "?" + (components.percentEncodedQuery ?? ""),
                          ariaSort: current ? (descending ? "descending" : "ascending") : "none", numeric: column.numeric)
        }
    }
}
