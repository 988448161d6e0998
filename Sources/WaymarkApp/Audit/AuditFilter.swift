import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// The audit page's filters: what kind of record, who, and between which days (UK time). Read
/// from the query, kept in every page link, and applied in the database.
struct AuditFilter: Sendable {
    var entity = ""
    var who = ""
    var from = ""
    var to = ""
    private(set) var fromDay: Day?
    private(set) var toDay: Day?

    struct Query: Content { var entity: String?; var who: String?; var from: String?; var to: String? }

    /// The filters asked for, and what is wrong with any of them (those are not applied).
    static func read(_ req: Request) -> (AuditFilter, [FieldError]) {
        let query = (try? req.query.decode(Query.self)) ?? Query()
        var filter = AuditFilter(entity: query.entity?.trimmingCharacters(in: .whitespaces) ?? "",
                                 who: query.who?.trimmingCharacters(in: .whitespaces) ?? "",
                                 from: query.from?.trimmingCharacters(in: .whitespaces) ?? "",
                                 to: query.to?.trimmingCharacters(in: .whitespaces) ?? "")
        var errors: [FieldError] = []
        if !filter.from.isEmpty {
            filter.fromDay = Day(entered: filter.from)
            if filter.fromDay == nil { errors.append(.init(field: "from", message: "Enter the first day as a date, like 2024-03-01")) }
        }
        if !filter.to.isEmpty {
            filter.toDay = Day(entered: filter.to)
            if filter.toDay == nil { errors.append(.init(field: "to", message: "Enter the last day as a date, like 2024-03-31")) }
        }
        if let from = filter.fromDay, let to = filter.toDay, to < from {
            errors.append(.init(field: "to", message: "The last day must be the same as or after the first day"))
            filter.toDay = nil
        }
        return (filter, errors)
    }

    var isEmpty: Bool { entity.isEmpty && who.isEmpty && fromDay == nil && toDay == nil }

    func apply(_ query: QueryBuilder<AuditEntry>) -> QueryBuilder<AuditEntry> {
        var query = query
        if !entity.isEmpty { query = query.filter(\.$entity == entity) }
        if !who.isEmpty {
            // Who asked a clarification question is never shown, so it is never found either.
            query = query.filter(\.$actorLabel == who).filter(\.$action != "clarification.asked")
        }
        if let fromDay { query = query.filter(\.$atMilliseconds >= Self.milliseconds(startOf: fromDay)) }
        if let toDay { query = query.filter(\.$atMilliseconds < Self.milliseconds(startOf: toDay.next)) }
        return query
    }

    /// London's midnight at the start of the day, as the log's milliseconds.
    static func milliseconds(startOf day: Day) -> Int64 {
        Int64((LondonWallTime(day: day, hour: 0, minute: 0)!.instant.timeIntervalSince1970 * 1000).rounded())
    }

    /// The filters as a link's query, so every page of a filtered log stays filtered.
    var query: [(name: String, value: String)] {
        [(name: "entity", value: entity), (name: "who", value: who), (name: "from", value: from), (name: "to", value: to)]
            .filter { !$0.value.isEmpty }
    }
}
