import Fluent
import Foundation
import WaymarkDomain

/// Finding contracts as the asker may see them. Commissioners, finance and viewers see every
/// contract of the tenant; a person who is only a provider sees the contracts of the
/// organisations they are a provider in, and another provider's contract is "not found" to
/// them, as if it did not exist.
///
/// Read on a day (`Reading`), a contract not yet signed by then does not exist either, and one
/// that did carries only the variations known by then (`Contract.read(in:signedOn:recordedAt:)`;
/// its terms in force that day are `snapshot(on:)`): this is the one place the pages, CSVs and
/// API about contracts get that rule. Without a reading (forms that change a contract, imports,
/// reminders) a contract is read whole, as it is now. Payment lines are the schedule as now
/// planned; which of them were paid by the day is `PaymentRow`'s `paidBy`.
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
    static func providerScope(_ context: TenantContext) -> Set<UUID>? { context.readScope.providers }

    static func isVisible(_ record: ContractRecord, to context: TenantContext) -> Bool {
        context.mayRead(.contract(provider: record.providerOrganisationID))
    }

    /// The contracts the person may see in `reading`, by reference.
    static func visible(_ context: TenantContext, in reading: Reading) async throws -> [Loaded] {
        var query = context.query(ContractRecord.self)
        if let providers = providerScope(context) { query = query.filter(\.$providerOrganisationID ~~ Array(providers)) }
        return try await load(context, try await query.sort(\.$reference).all(), in: reading)
    }

    /// Every contract of the tenant, whoever asks: for figures that are not about the contract
    /// itself (what a funding source has committed, what returns are owed); in `reading` when given.
    static func all(_ context: TenantContext, in reading: Reading? = nil) async throws -> [Loaded] {
        try await load(context, try await context.query(ContractRecord.self).sort(\.$reference).all(), in: reading)
    }

    /// Every contract of the tenant as the domain's, whole, without payment lines.
    static func contracts(_ context: TenantContext) async throws -> [Contract] {
        try await domainContracts(context).map(\.1)
    }

    /// The contracts that existed in `reading` (signed by its day), each whole with every
    /// variation: for delivery reasons, which read variations as a planner knew them
    /// (`Contract.termsKnown(in:)`), not only those in force.
    static func contracts(_ context: TenantContext, existingIn reading: Reading) async throws -> [Contract] {
        try await domainContracts(context).filter { record, contract in
            contract.exists(in: reading, signedOn: record.signedDay, recordedAt: record.createdAt)
        }.map(\.1)
    }

    private static func domainContracts(_ context: TenantContext) async throws -> [(ContractRecord, Contract)] {
        let records = try await context.query(ContractRecord.self).all()
        guard !records.isEmpty else { return [] }
        let variations = try await context.query(ContractVariationRecord.self).all()
        return try records.map { ($0, try $0.contract(variations: variations)) }
    }

    /// A contract the person may see, or 404 (never 403, so ids reveal nothing); in `reading`
    /// when given, where a contract not yet signed is not found either.
    static func find(_ context: TenantContext, id raw: String?, in reading: Reading? = nil) async throws -> Loaded {
        guard let record = try await context.find(ContractRecord.self, raw.flatMap(UUID.init(uuidString:))) else {
            throw WaymarkError.notFound
        }
        guard isVisible(record, to: context), let loaded = try await load(context, [record], in: reading).first else {
            throw WaymarkError.notFound
        }
        return loaded
    }

    /// The contract made from a specification's award, if there is one.
    static func fromSpecification(_ context: TenantContext, specificationID: UUID) async throws -> ContractRecord? {
        try await context.query(ContractRecord.self).filter(\.$specificationID == specificationID).first()
    }

    /// Two queries whatever the number of contracts: their variations and their lines. In
    /// `reading`, contracts not yet signed are left out and the rest read as on its day.
    private static func load(_ context: TenantContext, _ records: [ContractRecord], in reading: Reading?) async throws -> [Loaded] {
        guard !records.isEmpty else { return [] }
        let ids = records.compactMap(\.id)
        let variations = try await context.query(ContractVariationRecord.self).filter(\.$contractID ~~ ids).all()
        let lines = Dictionary(grouping: try await context.query(PaymentLineRecord.self).filter(\.$contractID ~~ ids).sort(\.$number).all(),
                               by: \.contractID)
        return try records.compactMap { record in
            let whole = try record.contract(variations: variations)
            guard let reading else { return Loaded(record: record, contract: whole, lines: lines[record.id!] ?? []) }
            guard let contract = whole.read(in: reading, signedOn: record.signedDay, recordedAt: record.createdAt) else { return nil }
            return Loaded(record: record, contract: contract, lines: lines[record.id!] ?? [])
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
