import Fluent
import Foundation
import WaymarkDomain

/// Many monthly returns in one file, for a commissioner bringing in returns kept in
/// spreadsheets: rows sharing a contract reference and month are one return, read and
/// checked exactly as a provider's upload is (`ReturnSheet`). Any problem anywhere, and
/// nothing is saved.
enum ReturnsImport: TabularImporter {
    struct Planned: Sendable {
        let contractID: UUID
        let reference: String
        let month: CalendarMonth
        let content: ReturnContent
        /// The stored return this adds a version to, if there is one.
        let existing: UUID?
        let due: Day
    }

    /// The tenant's contracts, their routes' school days and the returns already stored,
    /// read once for the whole file.
    struct Reference: Sendable {
        let contracts: [String: (id: UUID, terms: ContractTerms)]
        let schedules: [UUID: RouteSchedule]
        let codes: [UUID: String]
        let stored: [String: (id: UUID, status: ReturnStatus)]
        let deadlines: ReturnDeadlines
    }

    static let columns: [ImportColumn] = [
        ImportColumn(name: "contract_reference", required: true, help: "The contract's reference", example: "ST-WLV-2023-01"),
        ImportColumn(name: "month", required: true, help: "The month reported, YYYY-MM", example: "2023-10"),
        ImportColumn(name: "route_code", required: true, help: "One of the contract's routes that month", example: "WLV-01"),
        ImportColumn(name: "school_days", required: false, help: "If given, must match the term calendar", example: "17"),
        ImportColumn(name: "sessions_planned", required: false, help: "If given, must be 2 for each school day", example: "34"),
    ] + ReturnFormValues.columns.map { column in
        ImportColumn(name: column, required: true, help: ReturnCount(rawValue: column)?.label ?? "Chaperone hours, e.g. 136.5",
                     example: column == "chaperone_hours" ? "136.5" : column == "sessions_delivered" ? "34" : "0")
    } + [
        ImportColumn(name: "incidents_total", required: false, help: "If given, must equal the incidents by type", example: "0"),
        ImportColumn(name: "referrals_total", required: false, help: "If given, must equal the referrals by kind", example: "0"),
        ImportColumn(name: "narrative", required: true, help: "On any one row of the return", example: "A steady month."),
        ImportColumn(name: "case_study", required: false, help: "On any one row of the return", example: ""),
    ]

    /// The demo contract's July 2024, the one month its demo returns leave unfiled: both of its
    /// routes, so the example imports as it is. School days and planned sessions are left to
    /// the calendar.
    static var exampleRows: [[String]] {
        let shared: [String: String] = ["month": "2024-07", "school_days": "", "sessions_planned": "", "sessions_delivered": "20",
                                        "staff_on_route": "2", "staff_checks_in_date": "2"]
        let cityCentre = shared.merging(["young_people_engaged": "152", "chaperone_hours": "80"]) { _, new in new }
        let blakenhall = shared.merging(["route_code": "WLV-02", "young_people_engaged": "118", "chaperone_hours": "78",
                                         "narrative": ""]) { _, new in new }
        return [columns.map { cityCentre[$0.name] ?? $0.example }, columns.map { blakenhall[$0.name] ?? $0.example }]
    }

    static func reference(_ context: TenantContext) async throws -> Reference {
        let contracts = try await ContractQueries.all(context)
        let routes = try await context.query(Route.self).all()
        let records = try await context.query(MonthlyReturnRecord.self).all()
        return Reference(
            contracts: Dictionary(contracts.map { ($0.record.reference, ($0.id, $0.contract.current)) }, uniquingKeysWith: { first, _ in first }),
            schedules: try await RouteSchedules.build(context, routes: routes),
            codes: Dictionary(uniqueKeysWithValues: routes.compactMap { route in route.id.map { ($0, route.code) } }),
            stored: Dictionary(records.map { ("\($0.contractID)|\($0.monthText)", ($0.id!, $0.status)) }, uniquingKeysWith: { first, _ in first }),
            deadlines: ReturnDeadlines(workingDay: context.tenant.returnDueWorkingDay))
    }

    static func plan(_ table: TabularTable, _ reference: Reference) -> Result<([Planned], ImportOutcome), ImportIssues> {
        if let missing = missingColumns(table, columns) { return .failure(missing) }
        var issues: [ImportIssue] = []
        var groups: [(key: String, rows: [TabularRow])] = []
        var index: [String: Int] = [:]
        for row in table.rows {
            let key = "\(row.value("contract_reference") ?? "")|\(row.value("month") ?? "")"
            if let at = index[key] { groups[at].rows.append(row) } else { index[key] = groups.count; groups.append((key, [row])) }
        }
        var plans: [Planned] = []
        var outcome = ImportOutcome()
        for (_, rows) in groups {
            let first = rows[0]
            guard let ref = first.value("contract_reference"), let contract = reference.contracts[ref] else {
                issues.append(ImportIssue(row: first.number, column: "contract_reference",
                                          message: first.value("contract_reference").map { "No contract has the reference \($0)" } ?? "Enter a value"))
                continue
            }
            guard let text = first.value("month"), let month = CalendarMonth(iso: text) else {
                issues.append(ImportIssue(row: first.number, column: "month", message: "Enter the month as YYYY-MM, like 2023-10"))
                continue
            }
            guard ReturnExpectation.months(of: contract.terms).contains(month) else {
                issues.append(ImportIssue(row: first.number, column: "month", message:
                    "\(month.longDisplay) is outside contract \(ref)'s period, \(contract.terms.start.display) to \(contract.terms.end.display)"))
                continue
            }
            let stored = reference.stored["\(contract.id)|\(month.description)"]
            if let status = stored?.status, let problem = ReturnReview.submitProblem(from: status) {
                issues.append(ImportIssue(row: first.number, column: "month", message: "\(ref) \(month.longDisplay): \(problem)"))
                continue
            }
            let expectation = ReturnExpectation.of(contract.terms, month: month, codes: reference.codes) { routeID, range in
                reference.schedules[routeID].map { $0.indexes(in: range).count } ?? 0
            }
            switch ReturnSheet.read(rows, target: ReturnTarget(contractReference: ref, month: month, expectation: expectation), narrative: "") {
            case .failure(let rejected): issues += rejected.issues
            case .success(let content):
                // An import has no "I have checked" box: text that looks personal is refused, to be removed.
                if let warning = PersonalDataScan.warning(for: content) {
                    issues.append(ImportIssue(row: first.number, column: "narrative", message: "\(ref) \(month.longDisplay): \(warning)"))
                    continue
                }
                plans.append(Planned(contractID: contract.id, reference: ref, month: month, content: content, existing: stored?.id,
                                     due: reference.deadlines.due(for: month)))
                let delivered = content.lines.reduce(0) { $0 + $1[.sessionsDelivered] }
                outcome.record(first.number, "\(ref) \(month.description)", stored == nil ? .add : .update,
                               "\(content.lines.count) route\(content.lines.count == 1 ? "" : "s"), \(delivered) sessions delivered")
            }
        }
        return issues.isEmpty ? .success((plans, outcome)) : .failure(ImportIssues(issues: issues))
    }

    static func apply(_ plans: [Planned], _ context: TenantContext) async throws {
        let now = AppClock.shared.now()
        var fresh: [MonthlyReturnRecord] = []
        var versions: [ReturnVersionRecord] = []
        let ids = plans.compactMap(\.existing)
        let stored = ids.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await context.query(MonthlyReturnRecord.self)
            .filter(\.$id ~~ ids).all().map { ($0.id!, $0) })
        for plan in plans {
            let record: MonthlyReturnRecord
            if let existing = plan.existing, let found = stored[existing] {
                record = found
            } else {
                record = MonthlyReturnRecord(tenantID: context.tenantID, contractID: plan.contractID, month: plan.month, due: plan.due, at: now)
                record.id = UUID()
                fresh.append(record)
            }
            record.latestVersion += 1
            record.statusText = ReturnStatus.submitted.rawValue
            record.firstSubmittedAt = record.firstSubmittedAt ?? now
            record.draft = nil
            if plan.existing != nil {
                record.touch(at: now)
                try await record.save(on: context.db)
            }
            versions.append(try ReturnVersionRecord(tenantID: context.tenantID, returnID: record.id!, number: record.latestVersion,
                                                    content: plan.content, channel: .import, by: context.personID,
                                                    name: context.displayName, at: now))
        }
        // Hundreds of returns at a time: inserted in batches, not one statement each.
        for chunk in fresh.chunked(500) { try await chunk.create(on: context.db) }
        for chunk in versions.chunked(500) { try await chunk.create(on: context.db) }
        try await context.audit(many: zip(plans, versions).map { plan, version in
            AuditLog.Change(action: "return.imported", entity: "monthly_return", entityID: version.returnID.uuidString,
                            after: ["contract": plan.reference, "month": plan.month.description, "version": String(version.number)])
        })
    }
}
