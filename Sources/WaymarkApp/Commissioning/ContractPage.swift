import Fluent
import Vapor
import WaymarkDomain

/// One contract's page, as on the day it is read: its terms in force, KPIs, the money that pays for it, its whole history
/// and its payment schedule.
struct ContractPage: Encodable {
    struct Fact: Encodable { let key: String; let value: String }
    struct RouteLine: Encodable { let code: String; let href: String?; let value: String; let served: String }
    struct FundingLine: Encodable { let source: String; let href: String?; let allocation: String?; let amount: String }
    struct VaryLink: Encodable { let label: String; let href: String }
    /// A schedule line with the problems marking it paid, if there were any.
    struct ScheduleLine: Encodable {
        let row: PaymentRow; let errors: [String]
        /// The paid-on day typed for this line, kept when it comes back with a problem.
        var typedPaidOn = ""
    }

    let id: String
    let reference: String
    let title: String
    let stateLabel: String
    let stateTag: String
    let facts: [Fact]
    let routes: [RouteLine]
    let kpis: [String]
    let funding: [FundingLine]
    let commitments: [SourceCommitmentSection]
    let warnings: [String]
    let history: [ContractHistoryRow]
    var lines: [ScheduleLine]
    let version: String
    let varyLinks: [VaryLink]
    let canRecordPayments: Bool
    let today: String
    let csvHref: String
    let backHref: String
    /// Where a commissioner chooses what the public site shows of the contract.
    let publicationHref: String?
    /// The history and schedule tables want the wide layout.
    var wide = true

    /// `reading`'s day is the day the page speaks of: the terms in force then (its history
    /// shows the variations known by then, those taking effect later too), payments made by
    /// then, and what the funding sources had committed then. `loaded` is read in `reading`
    /// (`ContractQueries.find(_:id:in:)`).
    static func build(_ context: TenantContext, _ loaded: ContractQueries.Loaded, reading: Reading,
                      errors: [FieldError] = []) async throws -> ContractPage {
        let slug = context.tenant.slug, id = loaded.id.uuidString, today = reading.day, paidBy = reading.day
        let contract = loaded.contract, terms = contract.snapshot(on: today).terms
        let people = Set(contract.variations.map(\.approvedBy)).union(PaymentRow.payers([loaded]))
        let names = try await ContractNames.load(context, people: people)
        let approved = try await ApprovedReturns.months(context, contractID: loaded.id, in: reading)
        let state = ContractState(terms, on: today)
        let canSeeRoutes = Set(try await RouteQueries.visibleRoutes(context).compactMap(\.id))
        var seen = Set<UUID>()
        let sourceIDs = contract.fundingLinks.map(\.sourceID).filter { seen.insert($0).inserted }
        let sources = try await context.query(FundingSourceRecord.self).filter(\.$id ~~ sourceIDs).all()
        let allocations = try await context.query(AllocationRecord.self).filter(\.$id ~~ contract.fundingLinks.compactMap(\.allocationID)).all()
        let linkable = context.can(.viewFunding) ? Set(try await FundingQueries.visibleSources(context).compactMap(\.id)) : []
        // Commitments speak of the sources' budgets: only of sources the person may open
        // (a provider who is also a partner sees their own organisations' sources, no others).
        let openable = sources.filter { $0.id.map(linkable.contains) ?? false }
        let commitments = openable.isEmpty
            ? [:]
            : SourceCommitmentSection.build(context, sources: openable, contracts: try await ContractQueries.all(context, in: reading), names: names, asOf: today)
        var facts: [Fact] = [
            .init(key: "Provider", value: names.organisation(contract.providerOrganisationID)),
            .init(key: "Value", value: terms.value.display + (terms.value == contract.value ? "" : " (\(contract.value.display) when made)")),
            .init(key: "Starts", value: terms.start.display),
            .init(key: "Ends", value: terms.end.display + (terms.end == contract.original.end ? "" : " (\(contract.original.end.display) when made)")),
            .init(key: "Version", value: "\(contract.versions.count) (\(contract.variations.count == 1 ? "1 variation" : "\(contract.variations.count) variations"))"),
            .init(key: "Made", value: "\(London.format(loaded.record.createdAt)) by \(ContractNames.name(ofActor: loaded.record.createdBy))"),
        ]
        // How it was let, and when signed, when known: a contract let elsewhere says so.
        if let letting = loaded.record.letting { facts.insert(.init(key: "How it was let", value: letting.label), at: 1) }
        if let signed = loaded.record.signedOn.flatMap(Day.init(iso:)) {
            facts.insert(.init(key: "Signed", value: signed.display), at: facts.count - 1)
        }
        facts.append(.init(key: "On the public site", value: PublicationPages.describe(loaded.record)))
        // A termination known by the day, though not in force yet, is said, and ends the varying.
        let known = contract.current
        if known.terminated { facts.insert(.init(key: "Terminated", value: "Its last day of service is \(known.end.display)"),
                                            at: (facts.firstIndex { $0.key == "Ends" } ?? 3) + 1) }
        let canVary = context.can(.varyContracts) && !known.terminated
        return ContractPage(
            id: id, reference: loaded.record.reference, title: loaded.record.title, stateLabel: state.label, stateTag: state.tag,
            facts: facts,
            routes: terms.routes.map { route in
                let code = names.route(route.routeID)
                let served = terms.servicePeriod(ofRoute: route.routeID).map(\.display) ?? "Not served"
                return .init(code: code, href: canSeeRoutes.contains(route.routeID) ? SiteMap.Tenant.route.path(slug, code) : nil,
                             value: route.value.display, served: route.until == nil ? served : "\(served) (removed)")
            },
            kpis: contract.kpis,
            funding: contract.fundingLinks.map { link in
                let source = sources.first { $0.id == link.sourceID }
                let allocation = allocations.first { $0.id == link.allocationID }
                return .init(source: source.map { $0.domain(funderName: names.organisation($0.funderOrganisationID)).label } ?? "A source no longer in Waymark",
                             href: linkable.contains(link.sourceID) ? SiteMap.Tenant.fundingSource.path(slug, link.sourceID.uuidString) : nil,
                             allocation: allocation.map { "Its allocation to \(names.route($0.routeID)), \($0.domain.period.display)" },
                             amount: link.amount.display)
            },
            commitments: sourceIDs.compactMap { commitments[$0] },
            warnings: sourceIDs.compactMap { commitments[$0]?.warning },
            history: ContractHistoryRow.rows(loaded, names: names),
            lines: PaymentRow.rows([loaded], approved: [loaded.id: approved], names: names, slug: slug, paidBy: paidBy).map { row -> ScheduleLine in
                .init(row: row, errors: errors.filter { $0.field == "line-\(row.id)" || $0.field == "paid_on-\(row.id)" }.map(\.message))
            },
            version: String(loaded.record.version),
            varyLinks: canVary ? VariationKind.allCases.map { .init(label: $0.linkLabel, href: SiteMap.Tenant.contractVariationNew.path(slug, id, query: [("kind", "\($0.rawValue)")])) } : [],
            canRecordPayments: context.can(.recordPayments), today: today.display,
            csvHref: SiteMap.Tenant.contractPaymentsCSV.path(slug, id), backHref: SiteMap.Tenant.contracts.path(slug),
            publicationHref: context.can(.recordContracts) ? SiteMap.Tenant.contractPublication.path(slug, id) : nil)
    }
}
