import Foundation
import WaymarkDomain

/// Bulk import of routes, matched by route code. A row may also set one effective-dated
/// daily cost entry (the cost_* columns), which adds to the route's cost history or
/// replaces the entry from the same day.
enum RouteImport: TabularImporter {
    static let costColumns = ["cost_from", "chaperones", "minutes_per_day", "hourly_rate", "daily_management"]

    static let columns: [ImportColumn] = [
        .init(name: "code", required: true, help: "The route's code: letters, digits and hyphens, up to 20 characters.", example: "WLV-04"),
        .init(name: "name", required: true, help: "The route's name, up to 120 characters.", example: "Heath Town: Chervil Rise to Wednesfield Road"),
        .init(name: "local_authority", required: true, help: "GSS code or name of one of this tenant's local authorities.", example: "E08000031"),
        .init(name: "area", required: false, help: "Neighbourhood. A name Waymark does not know yet adds it to the local authority.", example: "Heath Town"),
        .init(name: "status", required: false, help: "One of: proposed, active, paused, closed. New routes without one are proposed.", example: "active"),
        .init(name: "children_per_day", required: true, help: "Estimated children walking the route each day, 0 to 20,000.", example: "520"),
        .init(name: "start_date", required: false, help: "First day the route runs, as 2024-09-02 or 02/09/2024.", example: "2024-09-02"),
        .init(name: "end_date", required: false, help: "Last day the route runs, if it has a planned end.", example: ""),
        .init(name: "schools", required: false, help: "URNs of the schools it serves, separated by semicolons. Each must already be in Waymark.", example: "149492"),
        .init(name: "path", required: false, help: "The walking route as 'latitude longitude' points in order, separated by semicolons; at least two. Required for a new route.",
              example: "52.59650 -2.10060; 52.59580 -2.09890; 52.59520 -2.09700"),
        .init(name: "chaperone_points", required: false, help: "Where chaperones stand, as 'label: latitude longitude', separated by semicolons.",
              example: "Chervil Rise corner: 52.59580 -2.09890"),
        .init(name: "cost_from", required: false, help: "The day a daily cost applies from. With it, give chaperones, minutes_per_day and hourly_rate.", example: "2024-09-02"),
        .init(name: "chaperones", required: false, help: "Chaperones working the route each school day, 1 to 50.", example: "3"),
        .init(name: "minutes_per_day", required: false, help: "Paid minutes per chaperone per school day (240 = 4 hours).", example: "240"),
        .init(name: "hourly_rate", required: false, help: "Hourly rate per chaperone in pounds.", example: "16.50"),
        .init(name: "daily_management", required: false, help: "Daily share of management in pounds; blank means none.", example: "36.00"),
    ]

    static var exampleRows: [[String]] { [columns.map(\.example)] }

    struct Change: Sendable {
        let row: Int
        let existing: Route?
        let snapshot: Snapshot
        let area: String?
        /// nil keeps the route's schools as they are.
        let schoolIDs: [UUID]?
        let cost: RouteCostModel.Entry?
    }

    /// The audited shape of a route as an import sets it.
    struct Snapshot: Encodable, Equatable, Sendable {
        var code: String; var name: String; var local_authority_id: UUID; var status: String; var children_per_day: Int
        var start_day: String?; var end_day: String?; var path: String; var chaperone_points: String

        init(_ route: Route) {
            code = route.code; name = route.name; local_authority_id = route.localAuthorityID; status = route.status
            children_per_day = route.childrenPerDay; start_day = route.startDay; end_day = route.endDay
            path = route.pathJSON; chaperone_points = route.chaperonePointsJSON
        }

        init(code: String, name: String, authorityID: UUID, status: String, childrenPerDay: Int, start: String?, end: String?,
             path: String, chaperonePoints: String) {
            self.code = code; self.name = name; local_authority_id = authorityID; self.status = status
            children_per_day = childrenPerDay; start_day = start; end_day = end; self.path = path; chaperone_points = chaperonePoints
        }
    }

    static func plan(_ table: TabularTable, _ reference: ImportReference) -> Result<([Change], ImportOutcome), ImportIssues> {
        if let missing = missingColumns(table, columns) { return .failure(missing) }
        if table.rows.isEmpty { return .failure(ImportIssues(issues: [.file("The file has a header row but no routes")])) }

        var issues: [ImportIssue] = [], changes: [Change] = [], outcome = ImportOutcome()
        var firstRowForCode: [String: Int] = [:]
        for row in table.rows {
            var reader = RowReader(row)
            let change = RouteRowParser(reference: reference).parse(&reader, firstRowForCode: &firstRowForCode)
            issues += reader.issues
            guard reader.issues.isEmpty, let change else { continue }
            changes.append(change)
            outcome.record(row.number, change.snapshot.code, action(for: change, reference), change.snapshot.name)
        }
        return issues.isEmpty ? .success((changes, outcome)) : .failure(ImportIssues(issues: issues))
    }

    private static func action(for change: Change, _ reference: ImportReference) -> ImportOutcome.Action {
        guard let route = change.existing else { return .add }
        let areaChanges = change.area.map { reference.area(named: $0, in: change.snapshot.local_authority_id)?.id != route.areaID } ?? false
        let schoolsChange = change.schoolIDs.map { Set($0) != (reference.schoolIDsByRoute[route.id!] ?? []) } ?? false
        let costChanges = change.cost.map { !(reference.costsByRoute[route.id!] ?? []).contains($0) } ?? false
        return Snapshot(route) == change.snapshot && !areaChanges && !schoolsChange && !costChanges ? .unchanged : .update
    }
}
