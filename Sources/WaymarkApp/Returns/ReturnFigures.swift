import Foundation
import WaymarkDomain

/// A return's figures as a table: a row per figure, a column per route, so that a return of
/// two routes and twenty figures reads down the page. Shared by the return's page and the
/// side-by-side comparison of two versions.
struct ReturnFigureTable: Encodable, Sendable {
    struct Cell: Encodable, Sendable {
        let text: String
        /// Differs from the version compared against.
        var changed = false
        var before: String?
    }
    struct Row: Encodable, Sendable { let label: String; let cells: [Cell] }

    let routes: [String]
    let rows: [Row]

    /// The figures of `content` for the routes `shown`; marked against `previous` when given.
    init(_ content: ReturnContent, previous: ReturnContent? = nil, file: ReturnFile, shown: (UUID) -> Bool) {
        let lines = content.lines.filter { shown($0.routeID) }
        routes = lines.map { file.code($0.routeID) }
        func cells(_ value: (RouteReturnLine) -> String) -> [Cell] {
            lines.map { line in
                let text = value(line)
                guard let previous else { return Cell(text: text) }
                let before = previous.line(for: line.routeID).map(value)
                return Cell(text: text, changed: before != text, before: before == text ? nil : (before ?? "no line"))
            }
        }
        var rows = [
            Row(label: "School days (from the calendar)", cells: cells { String($0.schoolDays) }),
            Row(label: "Sessions planned", cells: cells { String($0.sessionsPlanned) }),
            Row(label: "Chaperone hours", cells: cells { ReturnRules.format($0.chaperoneHours) }),
        ]
        rows += ReturnCount.allCases.map { count in Row(label: count.label, cells: cells { String($0[count]) }) }
        rows.append(Row(label: "Delivery rate", cells: cells { DeliveryFigures($0).deliveryRateText }))
        self.rows = rows
    }
}
