import Foundation
import WaymarkDomain

/// Reads one funding source row into a change, recording every bad cell. A new source
/// needs every detail; on an existing one, blank cells keep what Waymark holds. The
/// domain's rules then run as they do for the source form: a correction must keep the
/// source's allocations valid, and a status only moves forward.
struct FundingSourceRowParser {
    let reference: ImportReference
    private var funding: FundingImportReference { reference.funding }

    func parse(_ reader: inout RowReader, firstRowForReference: inout [String: Int]) -> FundingSourceImport.Change? {
        let sourceReference = reader.text("reference", required: true, maxLength: 80)
        if let sourceReference, let first = firstRowForReference[ImportReference.key(sourceReference)] {
            reader.fail("reference", "Reference \(sourceReference) is also on row \(first): each source may appear once")
        } else if let sourceReference { firstRowForReference[ImportReference.key(sourceReference)] = reader.row.number }
        let existing = sourceReference.flatMap { funding.source(&reader, "reference", reference: $0) }
        let current = existing.map(funding.domain)
        let isNew = existing == nil
        let funder = funding.organisation(&reader, "funder", required: isNew)
        let programme = reader.text("programme", required: isNew, maxLength: 160)
        let kind = reader.named("kind", FundingSource.Kind.self, required: isNew) { [$0.rawValue, $0.displayName] }
        let amount = reader.money("amount", required: isNew)
        let start = reader.day("start_day", required: isNew) ?? current?.period.start
        let end = reader.day("end_day", required: isNew) ?? current?.period.end
        let period = start.flatMap { start in end.flatMap { DayRange(start: start, end: $0) } }
        if let start, let end, period == nil {
            reader.fail("end_day", "The end date \(end.display) is before the start date \(start.display)")
        }
        let status = reader.named("status", FundingSource.Status.self) { [$0.rawValue, $0.displayName] }
        let steps = history(&reader, existing: existing, status: status)
        if let existing, !steps.isEmpty, funding.sourcesAwaitingPledgeDecision.contains(existing.id!) {
            reader.fail("status", "\(existing.programme) is a partner's pledge awaiting a decision: confirm or decline it on the pledge's page")
        }
        let authorityIDs = restrictedAuthorities(&reader), routeIDs = restrictedRoutes(&reader)
        let renewable = reader.yesNo("renewable")
        let conditions = reader.prose("conditions") ?? existing?.conditions ?? ""
        let documents = reader.prose("documents") ?? existing?.documents ?? ""

        guard reader.issues.isEmpty, let sourceReference, let period, let funderID = funder?.id ?? existing?.funderOrganisationID,
              let kind = kind ?? current?.kind, let amount = amount ?? current?.amount,
              let status = steps.last?.status ?? current?.status else { return nil }
        let restrictions = FundingSource.Restrictions(
            localAuthorityIDs: authorityIDs ?? current?.restrictions.localAuthorityIDs ?? [],
            routeIDs: routeIDs ?? current?.restrictions.routeIDs ?? [])
        let source = FundingSource(
            id: existing?.id ?? UUID(), funderName: funder?.name ?? current?.funderName ?? "",
            programmeName: programme ?? current?.programmeName ?? "", kind: kind, amount: amount, period: period, status: status,
            restrictions: restrictions, renewable: renewable ?? current?.renewable ?? false,
            reference: existing?.reference ?? sourceReference)
        let problems = source.problems(keeping: current.map { funding.allocationsBySource[$0.id] ?? [] } ?? [],
                                       routeAuthorities: funding.routeAuthorities)
        for problem in problems { reader.fail(column(for: problem, reader), problem.message) }
        guard problems.isEmpty else { return nil }
        return FundingSourceImport.Change(
            existing: existing, source: source, funderID: funderID, conditions: conditions, documents: documents,
            before: existing.map { funding.snapshot(funding.domain($0), conditions: $0.conditions, documents: $0.documents) },
            after: funding.snapshot(source, conditions: conditions, documents: documents), steps: steps)
    }

    /// The status steps the row adds, from its status and its day columns, checked against the
    /// source's history so far (`StatusHistory`); every problem lands on its column.
    private func history(_ reader: inout RowReader, existing: FundingSourceRecord?, status: FundingSource.Status?) -> [StatusHistory.Step] {
        var dated: [FundingSource.Status: Day] = [:]
        for candidate in FundingSource.Status.allCases {
            if let day = reader.day("\(candidate.rawValue)_on") { dated[candidate] = day }
        }
        let known = existing.flatMap { funding.historyBySource[$0.id!] } ?? []
        if !known.isEmpty, dated.isEmpty, status == nil { return [] }
        switch StatusHistory.steps(known: known, dated: dated, current: status, today: reference.today) {
        case .success(let steps): return steps
        case .failure(let problems):
            for problem in problems.all {
                // On the day's column when the row gave that day, else on the status column.
                reader.fail(problem.status.flatMap { dated[$0] != nil ? "\($0.rawValue)_on" : nil } ?? "status", problem.message)
            }
            return []
        }
    }

    /// The column the domain's problem is about, preferring one the row filled in.
    private func column(for problem: SourceProblem, _ reader: RowReader) -> String {
        func filled(_ first: String, else second: String) -> String { reader.row.value(first) != nil ? first : second }
        switch problem.field {
        case .programme: return "programme"
        case .amount: return "amount"
        case .period: return filled("start_day", else: "end_day")
        case .restrictions: return filled("restricted_routes", else: "restricted_local_authorities")
        case .status: return "status"
        }
    }

    private func restrictedAuthorities(_ reader: inout RowReader) -> Set<UUID>? {
        ids(&reader, "restricted_local_authorities", lookup: { reference.authoritiesByKey[ImportReference.key($0)]?.id }) {
            "'\($0)' is not one of this tenant's local authorities: use its GSS code, such as E08000025"
        }
    }

    private func restrictedRoutes(_ reader: inout RowReader) -> Set<UUID>? {
        ids(&reader, "restricted_routes", lookup: { reference.route(code: $0)?.id }) {
            "No route has the code \($0): check the codes on the routes page"
        }
    }

    /// The records a list cell names. nil (a blank cell) keeps the existing restriction; "none" clears it.
    private func ids(_ reader: inout RowReader, _ column: String, lookup: (String) -> UUID?,
                     unknown: (String) -> String) -> Set<UUID>? {
        guard let items = reader.list(column) else { return nil }
        if items.map(ImportReference.key) == ["none"] { return [] }
        var ids: Set<UUID> = []
        for item in items {
            guard let id = lookup(item) else { reader.fail(column, unknown(item)); continue }
            ids.insert(id)
        }
        return ids
    }
}
