import Fluent
import Foundation
import WaymarkDomain

/// Finding contracts as the asker may see them. Commissioners, finance and viewers see every
/// contract of the tenant; a person who is only a provider sees the contracts of the
/// organisations they are a provider in, and another provider's contract is "not found" to
/// them, as if it did not exist.
enum ContractQueries {
    /// A stored contract read whole: the domain contract (with every variation) and its
    /// payment lines in schedule order.
    struct Loaded: Sendable {
        let record: ContractRecord
        let contract: Contract
        let lines: [PaymentLineRecord]

        var id: UUID { contract.id }
        var payments: ContractPayments { ContractPayments(contract: contract, lines: lines.compactMap(\.line)) }
    }

    /// nil: every contract; otherwise the provider organisations whose contracts the person sees.
    static func providerScope(_ context: TenantContext) -> Set<UUID>? {
        let others = context.roles.subtracting([.provider])
        if others.contains(where: { AccessPolicy.allows([$0], .viewContracts) }) { return nil }
        return Set(SpecificationQueries.providerOrganisations(context).compactMap(\.id))
    }

    static func isVisible(_ record: ContractRecord, to context: TenantContext) -> Bool {
        providerScope(context).map { $0.contains(record.providerOrganisationID) } ?? true
    }

    /// The contracts the person may see, by reference.
    static func visible(_ context: TenantContext) async throws -> [Loaded] {
        var query = context.query(ContractRecord.self)
        if let providers = providerScope(context) { query = query.filter(\.$providerOrganisationID ~~ Array(providers)) }
        return try await load(context, try await query.sort(\.$reference).all())
    }

    /// Every contract of the tenant, whoever asks: for figures that are not about the contract
    /// itself (a route's delivery reasons, what a funding source has committed).
    static func all(_ context: TenantContext) async throws -> [Loaded] {
        try await load(context, try await context.query(ContractRecord.self).sort(\.$reference).all())
    }

    /// Every contract of the tenant as the domain's, without payment lines: what coverage
    /// needs for delivery reasons.
    static func contracts(_ context: TenantContext) async throws -> [Contract] {
        let records = try await context.query(ContractRecord.self).all()
        guard !records.isEmpty else { return [] }
        let variations = try await context.query(ContractVariationRecord.self).all()
        return try records.map { try $0.contract(variations: variations) }
    }

    /// A contract the person may see, or 404 (never 403, so ids reveal nothing).
    static func find(_ context: TenantContext, id raw: String?) async throws -> Loaded {
        guard let record = try await context.find(ContractRecord.self, raw.flatMap(UUID.init(uuidString:))) else {
            throw WaymarkError.notFound
        }
        guard isVisible(record, to: context), let loaded = try await load(context, [record]).first else { throw WaymarkError.notFound }
        return loaded
    }

    /// The contract made from a specification's award, if there is one.
    static func fromSpecification(_ context: TenantContext, specificationID: UUID) async throws -> ContractRecord? {
        try await context.query(ContractRecord.self).filter(\.$specificationID == specificationID).first()
    }

    /// Two queries whatever the number of contracts: their variations and their lines.
    private static func load(_ context: TenantContext, _ records: [ContractRecord]) async throws -> [Loaded] {
        guard !records.isEmpty else { return [] }
        let ids = records.compactMap(\.id)
        let variations = try await context.query(ContractVariationRecord.self).filter(\.$contractID ~~ ids).all()
        let lines = Dictionary(grouping: try await context.query(PaymentLineRecord.self).filter(\.$contractID ~~ ids).sort(\.$number).all(),
                               by: \.contractID)
        return try records.map { record in
            Loaded(record: record, contract: try record.contract(variations: variations), lines: lines[record.id!] ?? [])
        }
    }

    /// Organisation ids to names, for providers and funders.
    static func organisationNames(_ context: TenantContext) async throws -> [UUID: String] {
        try await FundingQueries.funderNames(context)
    }

    /// People ids to names, for who approved a variation or paid a line. People belong to the
    /// platform, not the tenant, so only the ids asked about are read, under the names this
    /// tenant knows them by.
    static func personNames(_ context: TenantContext, _ ids: Set<UUID>) async throws -> [UUID: String] {
        try await TenantPeople.known(ids, context).mapValues(\.name)
    }
}
