import Foundation
import WaymarkDomain

/// Bulk import of pledges partners made by letter or email, recorded by the commissioner.
/// Rows sharing a pledge_reference form one pledge with a route each; every pledge is
/// saved as the pledge form saves one (`PledgeRecording`), so it waits for a decision.
enum PledgeImport: TabularImporter {
    static let columns: [ImportColumn] = [
        .init(name: "pledge_reference", required: true, help: "Your reference for the pledge, such as the letter's date or number. Rows sharing it form one pledge; it becomes the pledged source's reference.", example: "BCC-LETTER-2024-03"),
        .init(name: "organisation", required: false, help: "Name of the partner organisation pledging, as on the organisations page. Required on the pledge's first row.", example: "Birmingham City Council"),
        .init(name: "programme", required: false, help: "A name for the pledge. Required on the pledge's first row.", example: "Route continuation 2024/25"),
        .init(name: "start_day", required: false, help: "First day the money may pay for. Required on the pledge's first row.", example: "2024-09-02"),
        .init(name: "end_day", required: false, help: "Last day the money may pay for. Required on the pledge's first row.", example: "2025-07-18"),
        .init(name: "route_code", required: true, help: "The code of a route the pledge pays for; one route a row.", example: "BHM-01"),
        .init(name: "amount", required: true, help: "The amount pledged to this route in pounds, more than £0.", example: "12500.00"),
        .init(name: "pledged_on", required: false, help: "The day the partner pledged, such as the letter's date; blank means today. Looking back at earlier days, Waymark does not count the pledge.", example: "2024-03-04"),
        .init(name: "note", required: false, help: "What the partner said, such as where the letter is kept.", example: "Letter from the Director of Communities, 4 March 2024"),
    ]

    /// Columns every row of one pledge must agree on, when a later row repeats them.
    static let sharedColumns = ["organisation", "programme", "start_day", "end_day", "pledged_on"]

    static var exampleRows: [[String]] { [columns.map(\.example)] }

    static func plan(_ table: TabularTable, _ reference: ImportReference) -> Result<([PledgeRecording.Draft], ImportOutcome), ImportIssues> {
        if let missing = missingColumns(table, columns) { return .failure(missing) }
        if table.rows.isEmpty { return .failure(ImportIssues(issues: [.file("The file has a header row but no pledges")])) }

        var issues: [ImportIssue] = [], groups: [PledgeImportRows] = []
        for row in table.rows {
            var reader = RowReader(row)
            let key = reader.text("pledge_reference", required: true, maxLength: 80).map(ImportReference.key)
            if let key, let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].add(&reader, reference)
            } else if key != nil {
                groups.append(PledgeImportRows(&reader, reference))
            }
            issues += reader.issues
        }
        var drafts: [PledgeRecording.Draft] = [], outcome = ImportOutcome()
        let now = AppClock.shared.now()
        for group in groups where group.isComplete && !issues.contains(where: { group.rows.contains($0.row ?? 0) }) {
            guard let (draft, problems) = group.draft(at: now) else { continue }
            issues += problems
            drafts.append(draft)
            let routes = draft.lines.map { "\($0.route.code) \($0.amount.display)" }.joined(separator: ", ")
            outcome.record(group.rows[0], draft.source.reference, .add, "\(draft.organisation.name): \(draft.source.programmeName), \(routes)")
        }
        return issues.isEmpty ? .success((drafts, outcome)) : .failure(ImportIssues(issues: issues))
    }

    static func apply(_ drafts: [PledgeRecording.Draft], _ context: TenantContext) async throws {
        let now = AppClock.shared.now()
        for draft in drafts { _ = try await PledgeRecording.save(draft, in: context, audit: "pledge.imported", at: now) }
    }
}
