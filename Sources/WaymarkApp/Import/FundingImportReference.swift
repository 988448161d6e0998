import Fluent
import Foundation
import WaymarkDomain

/// The tenant's funding as the funding imports see it, loaded with the rest of
/// `ImportReference` (so only from the signed-in tenant): organisations by name, sources
/// by their reference, and what each source already has allocated.
struct FundingImportReference: Sendable {
    let organisationsByName: [String: Organisation]
    let organisationNames: [UUID: String]
    let sourcesByReference: [String: [FundingSourceRecord]]
    let allocationsBySource: [UUID: [Allocation]]
    /// Sources behind a partner's pledge still awaiting a decision: they change status only
    /// through that decision.
    let sourcesAwaitingPledgeDecision: Set<UUID>
    /// Each source's status history so far, each status with the day it took effect.
    let historyBySource: [UUID: [StatusHistory.Step]]
    /// Each route's local authority, and the codes the audit log names restrictions by.
    let routeAuthorities: [UUID: UUID]
    let routeCodes: [UUID: String]
    let authorityCodes: [UUID: String]

    static func load(_ context: TenantContext, routes: [Route], authorities: [LocalAuthority]) async throws -> Self {
        let organisations = try await context.query(Organisation.self).all()
        // A blank reference matches nothing: sources recorded without one cannot be updated by import.
        let sources = try await context.query(FundingSourceRecord.self).all().filter { !$0.reference.trimmed.isEmpty }
        let allocations = try await context.query(AllocationRecord.self).all().map(\.domain)
        let awaiting = try await context.query(Pledge.self).filter(\.$state == Pledge.State.awaitingDecision.rawValue).all()
        let changes = try await context.query(FundingStatusChange.self).all()
        return FundingImportReference(
            organisationsByName: Dictionary(organisations.map { (ImportReference.key($0.name), $0) }, uniquingKeysWith: { first, _ in first }),
            organisationNames: Dictionary(organisations.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first }),
            sourcesByReference: Dictionary(grouping: sources) { ImportReference.key($0.reference) },
            allocationsBySource: Dictionary(grouping: allocations, by: \.sourceID),
            sourcesAwaitingPledgeDecision: Set(awaiting.map(\.sourceID)),
            historyBySource: Dictionary(grouping: changes, by: \.sourceID).mapValues(FundingStatusChanging.history),
            routeAuthorities: FundingQueries.routeAuthorities(routes),
            routeCodes: Dictionary(routes.map { ($0.id!, $0.code) }, uniquingKeysWith: { first, _ in first }),
            authorityCodes: Dictionary(authorities.map { ($0.id!, $0.gssCode) }, uniquingKeysWith: { first, _ in first }))
    }

    /// An organisation of this tenant by name, recording an issue when unknown.
    func organisation(_ reader: inout RowReader, _ column: String, required: Bool) -> Organisation? {
        guard let name = reader.text(column, required: required) else { return nil }
        guard let organisation = organisationsByName[ImportReference.key(name)] else {
            reader.fail(column, "No organisation called '\(name)' in Waymark: add it on the organisations page, or check the spelling")
            return nil
        }
        return organisation
    }

    /// The stored source with this reference: nil when there is none, an issue when two share it.
    func source(_ reader: inout RowReader, _ column: String, reference: String) -> FundingSourceRecord? {
        let matches = sourcesByReference[ImportReference.key(reference)] ?? []
        if matches.count > 1 {
            reader.fail(column, "\(matches.count) funding sources have the reference \(reference): give them different references first")
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The source's domain view, named with its funder so messages read "Home Office grant".
    func domain(_ record: FundingSourceRecord) -> FundingSource {
        record.domain(funderName: organisationNames[record.funderOrganisationID] ?? "")
    }

    /// How the audit log shows a source: restrictions by GSS code and route code.
    func snapshot(_ source: FundingSource, conditions: String, documents: String) -> FundingSourceForm.Snapshot {
        FundingSourceForm.Snapshot(
            funder: source.funderName, programme: source.programmeName, kind: source.kind.rawValue, amount: source.amount.decimalString,
            period: source.period.display, status: source.status.rawValue,
            restricted_authorities: source.restrictions.localAuthorityIDs.compactMap { authorityCodes[$0] }.sorted(),
            restricted_routes: source.restrictions.routeIDs.compactMap { routeCodes[$0] }.sorted(),
            renewable: source.renewable, reference: source.reference, conditions: conditions, documents: documents)
    }
}

extension RowReader {
    /// A value of `T` written as any of its names (such as its code or its display name),
    /// whatever the case and spacing.
    mutating func named<T: CaseIterable>(_ column: String, _ type: T.Type, required: Bool = false,
                                         names: (T) -> [String]) -> T? {
        guard let raw = text(column, required: required) else { return nil }
        let wanted = ImportReference.key(raw)
        if let value = T.allCases.first(where: { names($0).contains { ImportReference.key($0) == wanted } }) { return value }
        fail(column, "'\(raw)' is not one of: \(T.allCases.compactMap { names($0).first }.joined(separator: ", "))")
        return nil
    }

    mutating func yesNo(_ column: String) -> Bool? {
        guard let raw = text(column) else { return nil }
        switch ImportReference.key(raw) {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default: fail(column, "'\(raw)' is not yes or no"); return nil
        }
    }

    /// The items of a list cell, split on semicolons or commas; nil when the cell is blank.
    func list(_ column: String) -> [String]? {
        row.value(column).map { $0.split(whereSeparator: { $0 == ";" || $0 == "," }).map { String($0).trimmed }.filter { !$0.isEmpty } }
    }
}
