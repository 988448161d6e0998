import Fluent
import Foundation
import WaymarkDomain

/// One provider organisation's bid for one specification: its working draft, and (in
/// `BidVersionRecord`) every submission.
final class BidRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "bids"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "specification_id") var specificationID: UUID
    @Field(key: "provider_organisation_id") var providerOrganisationID: UUID
    /// `BidContent` as JSON: what the provider is working on, not yet submitted.
    @OptionalField(key: "draft") var draft: String?
    @OptionalField(key: "draft_saved_at") var draftSavedAt: Date?
    @OptionalField(key: "draft_saved_by") var draftSavedBy: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(tenantID: UUID, specificationID: UUID, providerOrganisationID: UUID, at: Date) {
        self.tenantID = tenantID
        self.specificationID = specificationID
        self.providerOrganisationID = providerOrganisationID
        self.createdAt = at
    }

    var draftContent: BidContent? {
        draft.flatMap { try? CommissioningJSON.decode(BidContent.self, $0) }
    }

    /// The domain bid with `versions` (this bid's rows).
    func bid(versions: [BidVersionRecord]) throws -> Bid {
        Bid(id: id!, specificationID: specificationID, providerOrganisationID: providerOrganisationID,
            versions: try versions.filter { $0.bidID == id }.map { try $0.version }.sorted { $0.number < $1.number })
    }
}

/// One submission of a bid: added, never edited, except that withdrawing stamps it.
final class BidVersionRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "bid_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "bid_id") var bidID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "content") var content: String
    @Field(key: "submitted_at") var submittedAt: Date
    @Field(key: "submitted_by") var submittedBy: UUID
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?

    init() {}

    init(tenantID: UUID, bidID: UUID, version: BidVersion) throws {
        self.tenantID = tenantID
        self.bidID = bidID
        self.number = version.number
        self.content = try CommissioningJSON.encode(version.content)
        self.submittedAt = version.submittedAt
        self.submittedBy = version.submittedBy
        self.withdrawnAt = version.withdrawnAt
    }

    var version: BidVersion {
        get throws {
            BidVersion(number: number, content: try CommissioningJSON.decode(BidContent.self, content),
                       submittedAt: submittedAt, submittedBy: submittedBy, withdrawnAt: withdrawnAt)
        }
    }
}
