import Fluent
import Foundation
import WaymarkDomain

/// Bulk import of contracts let before Waymark, for a partnership moving in. Rows sharing a
/// contract_reference form one contract, a route a row; each is checked as the form checks
/// one (`ContractForm` with `ExistingContractChoices`, then `ContractRules`), given the
/// default schedule (quarterly in arrears), and the lines through paid_through marked paid
/// (`PriorPayments`). Any problem anywhere, and nothing is saved.
enum ContractImport: TabularImporter {
    static let columns: [ImportColumn] = [
        .init(name: "contract_reference", required: true, help: "How people refer to the contract; rows sharing it form one contract. It must not be a contract's reference already.", example: "WM-DA-2023-07"),
        .init(name: "title", required: false, help: "What the contract is for. Required on the contract's first row.", example: "Safer Journeys Wolverhampton 2023/24"),
        .init(name: "provider", required: false, help: "The provider organisation's name, as on the organisations page. Required on the contract's first row.", example: "Lanternway Youth Trust"),
        .init(name: "how_let", required: false, help: "How it was let: open_tender (outside Waymark), direct_award, grant_agreement, framework_call_off or other. Required on the contract's first row.", example: "direct_award"),
        .init(name: "start_day", required: false, help: "First day of service. Required on the contract's first row.", example: "2023-09-04"),
        .init(name: "end_day", required: false, help: "Last day of service. Required on the contract's first row.", example: "2024-07-31"),
        .init(name: "signed_on", required: false, help: "The day it was signed, not in the future. Blank: today.", example: "2023-08-21"),
        .init(name: "route_code", required: true, help: "The code of a route the contract serves; one route a row.", example: "WLV-01"),
        .init(name: "route_value", required: true, help: "The route's value over the whole contract, in pounds. The contract's value is the sum of its routes'.", example: "45630.00"),
        .init(name: "kpis", required: false, help: "Key performance indicators, separated by ; on any row of the contract.", example: "Route staffed on 98% of school days; Monthly return by the 10th"),
        .init(name: "funding_source", required: false, help: "The reference of a funding source that pays for the contract; one a row, with funding_amount.", example: ""),
        .init(name: "funding_amount", required: false, help: "How much of that funding source pays for the contract, in pounds.", example: ""),
        .init(name: "paid_through", required: false, help: "If payments were made before Waymark: the last day of the last quarterly line paid (lines are financial quarters, such as 2023-12-31). Blank: nothing paid yet.", example: "2023-12-31"),
        .init(name: "paid_on", required: false, help: "With paid_through: the day those lines were paid, or one day for each paid line in order separated by ;. Not in the future, not before the line's period starts.", example: "2023-10-16; 2024-01-15"),
    ]

    static var exampleRows: [[String]] {
        let second: [String: String] = ["route_code": "WLV-02"]
        return [columns.map(\.example), columns.map { $0.name == "contract_reference" || $0.name == "route_value" ? $0.example : second[$0.name] ?? "" }]
    }

    /// What the file is checked against, read once from the signed-in tenant only.
    struct Reference: Sendable {
        let choices: ExistingContractChoices
        let organisationsByName: [String: Organisation]
        let routesByCode: [String: Route]
        let sourcesByReference: [String: [FundingSourceRecord]]
        let existing: Set<String>
        let schedules: [UUID: RouteSchedule]
        let today: Day
        let personID: UUID
    }

    static func reference(_ context: TenantContext) async throws -> Reference {
        let choices = try await ExistingContractChoices.load(context)
        let organisations = try await context.query(Organisation.self).all()
        let sources = choices.sources.filter { !$0.reference.trimmed.isEmpty }
        return Reference(
            choices: choices,
            organisationsByName: Dictionary(organisations.map { (ImportReference.key($0.name), $0) }, uniquingKeysWith: { first, _ in first }),
            routesByCode: Dictionary(choices.routes.map { (ImportReference.key($0.code), $0) }, uniquingKeysWith: { first, _ in first }),
            sourcesByReference: Dictionary(grouping: sources) { ImportReference.key($0.reference) },
            existing: Set(try await context.query(ContractRecord.self).all().map { ImportReference.key($0.reference) }),
            schedules: try await RouteSchedules.build(context, routes: choices.routes),
            today: AppClock.shared.today, personID: context.personID)
    }

    static func plan(_ table: TabularTable, _ reference: Reference) -> Result<([ExistingContractDraft], ImportOutcome), ImportIssues> {
        if let missing = missingColumns(table, columns) { return .failure(missing) }
        if table.rows.isEmpty { return .failure(ImportIssues(issues: [.file("The file has a header row but no contracts")])) }
        var issues: [ImportIssue] = [], groups: [ContractImportRows] = []
        for row in table.rows {
            var reader = RowReader(row)
            let key = reader.text("contract_reference", required: true, maxLength: 40).map(ImportReference.key)
            if let key, let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].add(&reader, reference)
            } else if key != nil {
                groups.append(ContractImportRows(&reader, reference))
            }
            issues += reader.issues
        }
        var drafts: [ExistingContractDraft] = [], outcome = ImportOutcome()
        for group in groups where group.isComplete {
            let (draft, problems) = ContractImportDraft.draft(group, reference)
            issues += problems
            guard let draft else { continue }
            drafts.append(draft)
            let paid = draft.paidCount == 0 ? "" : ", \(draft.paidCount) paid"
            outcome.record(group.rows[0], draft.reference, .add,
                           "\(group.provider?.name ?? ""): \(draft.contract.value.display), \(draft.letting.label.lowercased()), \(draft.schedule.count) payment lines\(paid)")
        }
        return issues.isEmpty ? .success((drafts, outcome)) : .failure(ImportIssues(issues: issues))
    }

    static func apply(_ drafts: [ExistingContractDraft], _ context: TenantContext) async throws {
        let now = AppClock.shared.now()
        for draft in drafts { try await draft.save(in: context, audit: "contract.imported", at: now) }
    }
}

extension RowReader {
    /// The items of a list cell split on `separators` only (a KPI may hold a comma); nil when blank.
    func list(_ column: String, separators: Set<Character>) -> [String]? {
        row.value(column).map { $0.split(whereSeparator: separators.contains).map { String($0).trimmed }.filter { !$0.isEmpty } }
    }
}
