import Foundation
import WaymarkDomain

/// Bulk import of funding sources, matched by the source's reference (the funder's or
/// finance's own number, such as a grant agreement number).
enum FundingSourceImport: TabularImporter {
    static let columns: [ImportColumn] = [
        .init(name: "reference", required: true, help: "The source's reference, such as a grant agreement number. A reference Waymark already holds updates that source.", example: "BCC-SJ-2425"),
        .init(name: "funder", required: false, help: "Name of the organisation giving the money, as on the organisations page. Required for a new source.", example: "Birmingham City Council"),
        .init(name: "programme", required: false, help: "The funder's name for the programme or grant. Required for a new source.", example: "Safer Journeys fund 2024/25"),
        .init(name: "kind", required: false, help: "One of: \(FundingSource.Kind.allCases.map(\.rawValue).joined(separator: ", ")) (or their names, such as Council). Required for a new source.", example: "council"),
        .init(name: "amount", required: false, help: "The whole amount in pounds. Required for a new source.", example: "60000.00"),
        .init(name: "start_day", required: false, help: "First day the money may pay for, as 2024-04-01 or 01/04/2024. Required for a new source.", example: "2024-04-01"),
        .init(name: "end_day", required: false, help: "Last day the money may pay for. Required for a new source.", example: "2025-03-31"),
        .init(name: "status", required: false, help: "One of: prospective, pledged, confirmed, received (or withdrawn, for an existing source): the status it is in now. Required for a new source unless a day below gives it; on an existing source it only moves forward.", example: "pledged"),
        .init(name: "prospective_on", required: false, help: "The day it was first expected, if it was prospective before it was pledged.", example: ""),
        .init(name: "pledged_on", required: false, help: "The day it was pledged (the letter or email's date). Each day in these columns records that step of its history; a status given without its day took effect today.", example: "2024-03-12"),
        .init(name: "confirmed_on", required: false, help: "The day it was confirmed, such as the grant agreement's date.", example: ""),
        .init(name: "received_on", required: false, help: "The day the money was received.", example: ""),
        .init(name: "withdrawn_on", required: false, help: "The day it was withdrawn, if it was.", example: ""),
        .init(name: "restricted_local_authorities", required: false, help: "GSS codes of the only local authorities it may pay for, separated by semicolons; 'none' removes the restriction.", example: "E08000025"),
        .init(name: "restricted_routes", required: false, help: "Codes of the only routes it may pay for, separated by semicolons; 'none' removes the restriction.", example: "BHM-01; BHM-02"),
        .init(name: "renewable", required: false, help: "yes if the funder usually renews it, otherwise no.", example: "yes"),
        .init(name: "conditions", required: false, help: "Conditions the funder set.", example: "Quarterly report to cabinet"),
        .init(name: "documents", required: false, help: "Where the agreement and letters are kept.", example: "Grant letter 12 March 2024"),
    ]

    static var exampleRows: [[String]] { [columns.map(\.example)] }

    struct Change: Sendable {
        let existing: FundingSourceRecord?
        let source: FundingSource
        let funderID: UUID
        let conditions: String
        let documents: String
        let before: FundingSourceForm.Snapshot?
        let after: FundingSourceForm.Snapshot
        /// Status steps to record, oldest first, each with the day it took effect.
        let steps: [StatusHistory.Step]
    }

    static func plan(_ table: TabularTable, _ reference: ImportReference) -> Result<([Change], ImportOutcome), ImportIssues> {
        if let missing = missingColumns(table, columns) { return .failure(missing) }
        if table.rows.isEmpty { return .failure(ImportIssues(issues: [.file("The file has a header row but no funding sources")])) }

        var issues: [ImportIssue] = [], changes: [Change] = [], outcome = ImportOutcome()
        var firstRowForReference: [String: Int] = [:]
        for row in table.rows {
            var reader = RowReader(row)
            let change = FundingSourceRowParser(reference: reference).parse(&reader, firstRowForReference: &firstRowForReference)
            issues += reader.issues
            guard reader.issues.isEmpty, let change else { continue }
            changes.append(change)
            let action: ImportOutcome.Action = change.before == nil ? .add
                : change.before == change.after && change.steps.isEmpty ? .unchanged : .update
            outcome.record(row.number, change.source.reference, action, "\(change.source.label), \(change.source.amount.display), \(change.source.status.displayName.lowercased())")
        }
        return issues.isEmpty ? .success((changes, outcome)) : .failure(ImportIssues(issues: issues))
    }
}
