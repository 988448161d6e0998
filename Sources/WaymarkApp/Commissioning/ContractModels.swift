import Fluent
import Foundation
import WaymarkDomain

/// A contract as made: the original terms as the domain's JSON, with its variations in
/// `ContractVariationRecord` and its schedule in `PaymentLineRecord`.
final class ContractRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "contracts"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    /// "ST-WLV-2023-01": how people refer to it.
    @Field(key: "reference") var reference: String
    @Field(key: "title") var title: String
    @OptionalField(key: "specification_id") var specificationID: UUID?
    @OptionalField(key: "awarded_bid_id") var awardedBidID: UUID?
    @Field(key: "provider_organisation_id") var providerOrganisationID: UUID
    @Field(key: "value_pence") var valuePence: Int64
    @Field(key: "original_terms") var originalTerms: String
    @Field(key: "kpis") var kpis: String
    @Field(key: "funding_links") var fundingLinks: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "version") var version: Int
    /// A `ContractLetting`; nil on contracts stored before it was asked (see `letting`).
    @OptionalField(key: "how_let") var howLet: String?
    /// The day it was signed (its effective day), when it was recorded with one.
    @OptionalField(key: "signed_on") var signedOn: String?
    /// A `Publication`: whether the public site and the open data show it.
    @OptionalField(key: "publication") var publication: String?
    /// Why it is withheld, for the public to read.
    @OptionalField(key: "withheld_note") var withheldNote: String?
    /// Published in the 360Giving file though not let as a grant agreement.
    @OptionalField(key: "published_as_grant") var publishedAsGrant: Bool?

    /// Published unless withheld: the database's default, for rows made before it was asked.
    var publicationChoice: Publication { publication.flatMap(Publication.init(rawValue:)) ?? .shown }

    init() {}

    init(tenantID: UUID, reference: String, title: String, contract: Contract, createdBy: String, at: Date,
         letting: ContractLetting? = nil, signedOn: Day? = nil) throws {
        self.id = contract.id
        self.tenantID = tenantID
        self.reference = reference
        self.title = title
        self.specificationID = contract.specificationID
        self.awardedBidID = contract.awardedBidID
        self.providerOrganisationID = contract.providerOrganisationID
        self.valuePence = contract.value.pence
        self.originalTerms = try CommissioningJSON.encode(contract.original)
        self.kpis = try CommissioningJSON.encode(contract.kpis)
        self.fundingLinks = try CommissioningJSON.encode(contract.fundingLinks)
        self.createdBy = createdBy
        self.createdAt = at
        self.version = 1
        self.howLet = letting?.rawValue
        self.signedOn = signedOn?.iso
        self.publication = Publication.shown.rawValue
        self.publishedAsGrant = false
    }

    /// The day it was signed, when recorded with one; `Contract.effectiveDay(signedOn:)` says
    /// what stands in for it otherwise.
    var signedDay: Day? { signedOn.flatMap(Day.init(iso:)) }

    /// How it was let: as recorded, or, for a contract stored before that was asked, awarded
    /// in Waymark when it came from a specification; nil when nobody can tell.
    var letting: ContractLetting? {
        howLet.flatMap(ContractLetting.init(rawValue:)) ?? (specificationID != nil ? .awardedInWaymark : nil)
    }

    /// The domain contract with `variations` (this contract's rows, any order).
    func contract(variations: [ContractVariationRecord]) throws -> Contract {
        let terms = try CommissioningJSON.decode(ContractTerms.self, originalTerms)
        var contract = Contract(id: id!, specificationID: specificationID, awardedBidID: awardedBidID,
                                providerOrganisationID: providerOrganisationID, value: Money(pence: valuePence),
                                start: terms.start, end: terms.end, routes: [],
                                kpis: try CommissioningJSON.decode([String].self, kpis),
                                fundingLinks: try CommissioningJSON.decode([FundingLink].self, fundingLinks))
        contract.original = terms
        contract.variations = try variations.filter { $0.contractID == id }.sorted { $0.sequence < $1.sequence }.map { try $0.variation }
        return contract
    }
}

/// An approved variation, in approval order (`sequence`).
final class ContractVariationRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "contract_variations"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "contract_id") var contractID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "change") var change: String
    @Field(key: "reason") var reason: String
    @Field(key: "effective_day") var effectiveDay: String
    @Field(key: "approved_by") var approvedBy: UUID
    @Field(key: "approved_at") var approvedAt: Date

    init() {}

    init(tenantID: UUID, contractID: UUID, sequence: Int, variation: ContractVariation) throws {
        self.id = variation.id
        self.tenantID = tenantID
        self.contractID = contractID
        self.sequence = sequence
        self.change = try CommissioningJSON.encode(variation.change)
        self.reason = variation.reason
        self.effectiveDay = variation.effective.iso
        self.approvedBy = variation.approvedBy
        self.approvedAt = variation.approvedAt
    }

    var variation: ContractVariation {
        get throws {
            guard let effective = Day(iso: effectiveDay) else { throw WaymarkError.badRequest("A stored variation has no effective day") }
            return ContractVariation(id: id!, change: try CommissioningJSON.decode(VariationChange.self, change), reason: reason,
                                     effective: effective, approvedBy: approvedBy, approvedAt: approvedAt)
        }
    }
}

/// One line of a contract's payment schedule.
final class PaymentLineRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "payment_lines"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "contract_id") var contractID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "start_day") var startDay: String
    @Field(key: "end_day") var endDay: String
    @Field(key: "amount_pence") var amountPence: Int64
    @OptionalField(key: "paid_on") var paidOn: String?
    @OptionalField(key: "paid_by") var paidBy: UUID?

    init() {}

    init(tenantID: UUID, contractID: UUID, line: PaymentLine) {
        self.tenantID = tenantID
        self.contractID = contractID
        self.number = line.number
        self.startDay = line.period.start.iso
        self.endDay = line.period.end.iso
        self.amountPence = line.amount.pence
        self.paidOn = line.payment?.paidOn.iso
        self.paidBy = line.payment?.paidBy
    }

    var line: PaymentLine? {
        guard let start = Day(iso: startDay), let end = Day(iso: endDay), let period = DayRange(start: start, end: end) else { return nil }
        let payment = paidOn.flatMap(Day.init(iso:)).flatMap { day in paidBy.map { PaymentRecord(paidOn: day, paidBy: $0) } }
        return PaymentLine(number: number, period: period, amount: Money(pence: amountPence), payment: payment)
    }
}
