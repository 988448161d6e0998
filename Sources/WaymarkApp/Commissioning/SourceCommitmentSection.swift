import Foundation
import WaymarkDomain

/// What contracts have committed of a funding source, what of that has been paid, what is
/// left, and the over-commitment warning (a warning, not an error: the commissioner may be
/// expecting a top-up). Shown on the source's page and, for each of its sources, on a
/// contract's page.
struct SourceCommitmentSection: Encodable, Sendable {
    struct Line: Encodable, Sendable { let reference: String; let href: String?; let provider: String; let amount: String }

    let sourceID: String
    let label: String
    let committed: String
    let paid: String
    /// "£1,860.00", or "none: over-committed by £480.00" (never a negative amount).
    let remaining: String
    let warning: String?
    /// Empty for those who may not see contracts (partners): they get the totals only.
    let contracts: [Line]
    let showsContracts: Bool

    /// The commitment of each of `sources` against every contract of the tenant. Paid means
    /// paid on or before `asOf`; funding links are not dated, so every contract `contracts`
    /// holds commits (the callers read them as of the day: one not yet signed commits nothing).
    static func build(_ context: TenantContext, sources: [FundingSourceRecord], contracts: [ContractQueries.Loaded],
                      names: ContractNames, asOf: Day) -> [UUID: SourceCommitmentSection] {
        let payments = contracts.map { loaded in
            ContractPayments(contract: loaded.contract, lines: loaded.lines.compactMap(\.line).map { $0.asOf(asOf) })
        }
        let canOpen = context.can(.viewContracts)
        let visible = Set(contracts.filter { ContractQueries.isVisible($0.record, to: context) }.map(\.id))
        let slug = context.tenant.slug
        var sections: [UUID: SourceCommitmentSection] = [:]
        for record in sources {
            let source = record.domain(funderName: names.organisation(record.funderOrganisationID))
            let commitment = SourceCommitment(source: source, contracts: payments)
            let lines = !canOpen ? [] : contracts.compactMap { loaded -> Line? in
                let links = loaded.contract.fundingLinks.filter { $0.sourceID == source.id }
                guard !links.isEmpty else { return nil }
                return Line(reference: loaded.record.reference,
                            href: visible.contains(loaded.id) ? SiteMap.Tenant.contract.path(slug, loaded.id.uuidString) : nil,
                            provider: names.organisation(loaded.contract.providerOrganisationID),
                            amount: links.reduce(Money.zero) { $0 + $1.amount }.display)
            }
            sections[source.id] = SourceCommitmentSection(
                sourceID: source.id.uuidString, label: source.label, committed: commitment.committed.display,
                paid: commitment.paid.display,
                remaining: commitment.overCommitment.isPositive ? "none: over-committed by \(commitment.overCommitment.display)" : commitment.remaining.display,
                warning: commitment.warning,
                contracts: lines, showsContracts: canOpen)
        }
        return sections
    }

    /// One source's section, for its page.
    static func load(_ context: TenantContext, source: FundingSourceRecord, asOf: Day) async throws -> SourceCommitmentSection? {
        let contracts = try await ContractQueries.all(context, in: .asOf(asOf))
        let names = try await ContractNames.load(context)
        return build(context, sources: [source], contracts: contracts, names: names, asOf: asOf)[source.id!]
    }
}
