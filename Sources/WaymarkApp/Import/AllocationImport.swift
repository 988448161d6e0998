import Foundation
import WaymarkDomain

/// Bulk import of allocations: each row assigns part of a source, found by its reference,
/// to a route. Rows are checked by the domain's rule in file order with the earlier rows
/// counted as already allocated, so a file that together exceeds a source is refused at
/// the row that tips it over.
enum AllocationImport: TabularImporter {
    static let columns: [ImportColumn] = [
        .init(name: "source_reference", required: true, help: "The reference of the funding source the money comes from.", example: "BCC-SJ-2425"),
        .init(name: "route_code", required: true, help: "The code of the route the money is for.", example: "BHM-01"),
        .init(name: "amount", required: true, help: "The amount in pounds, more than £0.", example: "30000.00"),
        .init(name: "start_day", required: false, help: "First day the allocation may pay for; blank means the source's first day.", example: "2024-04-01"),
        .init(name: "end_day", required: false, help: "Last day the allocation may pay for; blank means the source's last day.", example: "2025-03-31"),
        .init(name: "agreed_on", required: false, help: "The day the allocation was agreed; blank means today. Looking back at earlier days, Waymark does not count it.", example: "2024-03-12"),
    ]

    static var exampleRows: [[String]] { [columns.map(\.example)] }

    struct Planned: Sendable {
        let allocation: Allocation
        let source: FundingSourceRecord
        let routeCode: String
    }

    static func plan(_ table: TabularTable, _ reference: ImportReference) -> Result<([Planned], ImportOutcome), ImportIssues> {
        if let missing = missingColumns(table, columns) { return .failure(missing) }
        if table.rows.isEmpty { return .failure(ImportIssues(issues: [.file("The file has a header row but no allocations")])) }

        var issues: [ImportIssue] = [], planned: [Planned] = [], outcome = ImportOutcome()
        var allocated = reference.funding.allocationsBySource
        for row in table.rows {
            var reader = RowReader(row)
            let next = parse(&reader, reference, allocated: allocated)
            issues += reader.issues
            guard let next else { continue }
            // Counted even when the row has another problem: the file as written claims it.
            allocated[next.source.id!, default: []].append(next.allocation)
            guard reader.issues.isEmpty else { continue }
            planned.append(next)
            outcome.record(row.number, "\(next.source.reference) to \(next.routeCode)", .add,
                           "\(next.allocation.amount.display), \(next.allocation.period.display)")
        }
        return issues.isEmpty ? .success((planned, outcome)) : .failure(ImportIssues(issues: issues))
    }

    private static func parse(_ reader: inout RowReader, _ reference: ImportReference, allocated: [UUID: [Allocation]]) -> Planned? {
        let sourceReference = reader.text("source_reference", required: true, maxLength: 80)
        let record = sourceReference.flatMap { reference.funding.source(&reader, "source_reference", reference: $0) }
        if let sourceReference, record == nil, reader.issues.isEmpty {
            reader.fail("source_reference", "No funding source has the reference \(sourceReference): import or record the source first")
        }
        let code = reader.text("route_code", required: true, maxLength: 20)
        let route = code.flatMap(reference.route(code:))
        if let code, route == nil { reader.fail("route_code", "No route has the code \(code): check the codes on the routes page") }
        let amount = reader.money("amount", required: true)
        let start = reader.day("start_day") ?? record?.period.start, end = reader.day("end_day") ?? record?.period.end
        let period = start.flatMap { start in end.flatMap { DayRange(start: start, end: $0) } }
        if let start, let end, period == nil { reader.fail("end_day", "The end date \(end.display) is before the start date \(start.display)") }
        let agreedOn = reader.effectiveDay("agreed_on", today: reference.today) ?? reference.today
        guard let record, let route, let routeID = route.id, let amount, let period else { return nil }

        var source = reference.funding.domain(record)
        // Judged as the source stood on the day the allocation was agreed.
        source.status = FundingStatusChanging.status(on: agreedOn, history: reference.funding.historyBySource[source.id] ?? [],
                                                     otherwise: source.status)
        let allocation = Allocation(sourceID: source.id, routeID: routeID, amount: amount, period: period, enteredAt: AppClock.shared.now(),
                                    agreedOn: agreedOn)
        for problem in source.problems(with: allocation, existing: allocated[source.id] ?? [], routeLocalAuthorityID: route.localAuthorityID) {
            reader.fail(column(for: problem, allocation, source), problem.message)
        }
        return Planned(allocation: allocation, source: record, routeCode: route.code)
    }

    private static func column(for problem: AllocationProblem, _ allocation: Allocation, _ source: FundingSource) -> String {
        switch problem.field {
        case .source: "source_reference"
        case .route: "route_code"
        case .amount: "amount"
        case .period: allocation.period.start < source.period.start ? "start_day" : "end_day"
        }
    }
}
