import Foundation
import Vapor
import WaymarkDomain

/// The dashboard's filters, read from the query string so that the form works as a plain GET
/// without JavaScript, and the CSV link carries the same choice.
struct DeliveryFilter: Sendable {
    var from: CalendarMonth?
    var to: CalendarMonth?
    /// A local authority by name: the facts carry names, and a partner's list only ever holds
    /// the authorities of routes they may read.
    var authority: String?

    /// A value that does not read is set aside with a message, rather than failing the page:
    /// the rest of the dashboard is still worth showing.
    static func parse(_ req: Request) -> (DeliveryFilter, [FieldError]) {
        var filter = DeliveryFilter(), errors: [FieldError] = []
        func month(_ key: String, _ label: String) -> CalendarMonth? {
            guard let raw = req.query[String.self, at: key]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            guard let month = CalendarMonth(iso: raw) else {
                errors.append(FieldError(field: key, message: "\(label) must be a month like 2023-10"))
                return nil
            }
            return month
        }
        filter.from = month("from", "From")
        filter.to = month("to", "To")
        if let from = filter.from, let to = filter.to, to < from {
            errors.append(FieldError(field: "to", message: "To must be the same month as From or later"))
            filter.to = nil
        }
        let authority = req.query[String.self, at: "authority"]?.trimmingCharacters(in: .whitespaces) ?? ""
        filter.authority = authority.isEmpty ? nil : authority
        return (filter, errors)
    }

    func apply(_ facts: [DeliveryFact]) -> [DeliveryFact] {
        facts.filter { fact in
            (from.map { fact.month >= $0 } ?? true) && (to.map { fact.month <= $0 } ?? true)
                && (authority.map { fact.authority == $0 } ?? true)
        }
    }

    var isEmpty: Bool { from == nil && to == nil && authority == nil }

    /// from, to and authority, as far as chosen, for a link's query.
    var queryItems: [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if let from { items.append(("from", from.description)) }
        if let to { items.append(("to", to.description)) }
        if let authority { items.append(("authority", authority)) }
        return items
    }

    /// In words, for the page and the chart's description.
    var description: String {
        var parts: [String] = []
        switch (from, to) {
        case let (from?, to?): parts.append(from == to ? "in \(from.longDisplay)" : "from \(from.longDisplay) to \(to.longDisplay)")
        case let (from?, nil): parts.append("from \(from.longDisplay)")
        case let (nil, to?): parts.append("up to \(to.longDisplay)")
        case (nil, nil): parts.append("in every month")
        }
        parts.append(authority.map { "in \($0)" } ?? "in every local authority")
        return parts.joined(separator: ", ")
    }
}
