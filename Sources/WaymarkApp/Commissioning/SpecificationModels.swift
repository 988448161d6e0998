import Fluent
import Foundation
import WaymarkDomain

/// A stored specification: the domain value as JSON, with the columns lists and the version
/// guard need beside it. `status` and `version` columns are the truth; the JSON's copies are
/// overwritten from them when read.
final class SpecificationRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "specifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "title") var title: String
    @Field(key: "status") var status: String
    @Field(key: "definition") var definition: String
    @Field(key: "closes_at") var closesAt: Date
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "published_at") var publishedAt: Date?
    // When it reached each later status (M016): its history, for "as of".
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "evaluation_began_at") var evaluationBeganAt: Date?
    @OptionalField(key: "awarded_at") var awardedAt: Date?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @Field(key: "version") var version: Int
    /// A `Publication` once published (the database's default: shown); withheld with a note.
    @OptionalField(key: "publication") var publication: String?
    @OptionalField(key: "withheld_note") var withheldNote: String?

    var publicationChoice: Publication { publication.flatMap(Publication.init(rawValue:)) ?? .shown }

    init() {}

    init(tenantID: UUID, specification: Specification, createdBy: String, at: Date) throws {
        self.id = specification.id
        self.tenantID = tenantID
        self.createdBy = createdBy
        self.createdAt = at
        self.version = specification.version
        try store(specification, at: at)
    }

    /// Copies `spec` into the row (not the version: `VersionGuard` moves that), noting when
    /// it reached a new status.
    func store(_ spec: Specification, at: Date) throws {
        let before = $status.value.flatMap(SpecificationStatus.init(rawValue:))
        if let before, before != spec.status {
            switch spec.status {
            case .draft: break
            case .published: publishedAt = at
            case .closed: closedAt = at
            case .inEvaluation: evaluationBeganAt = at
            case .awarded: awardedAt = at
            case .cancelled: cancelledAt = at
            }
        }
        title = spec.title
        status = spec.status.rawValue
        definition = try CommissioningJSON.encode(spec)
        closesAt = spec.closesAt
        updatedAt = at
    }

    var specification: Specification {
        get throws {
            var spec = try CommissioningJSON.decode(Specification.self, definition)
            spec.id = id ?? spec.id
            spec.status = SpecificationStatus(rawValue: status) ?? spec.status
            spec.version = version
            return spec
        }
    }

    var specificationStatus: SpecificationStatus { SpecificationStatus(rawValue: status) ?? .draft }

    /// Its history, for reading it as of a moment. The status it is in now was reached by its
    /// last change at the latest, should that step's instant be missing.
    var timeline: SpecificationTimeline {
        var timeline = SpecificationTimeline(created: createdAt, published: publishedAt, closesAt: closesAt, closed: closedAt,
                                             evaluationBegan: evaluationBeganAt, awarded: awardedAt, cancelled: cancelledAt)
        switch specificationStatus {
        case .draft: break
        case .published: timeline.published = timeline.published ?? updatedAt
        case .closed: timeline.closed = timeline.closed ?? updatedAt
        case .inEvaluation: timeline.evaluationBegan = timeline.evaluationBegan ?? updatedAt
        case .awarded: timeline.awarded = timeline.awarded ?? updatedAt
        case .cancelled: timeline.cancelled = timeline.cancelled ?? updatedAt
        }
        return timeline
    }
}

/// A provider's question about a specification and the commissioner's answer, published to
/// every bidder without saying who asked.
final class ClarificationRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "clarifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "specification_id") var specificationID: UUID
    @Field(key: "question") var question: String
    @Field(key: "asked_by_organisation_id") var askedByOrganisationID: UUID
    @Field(key: "asked_by") var askedBy: UUID
    @Field(key: "asked_at") var askedAt: Date
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_by") var answeredBy: String?
    @OptionalField(key: "answered_at") var answeredAt: Date?

    init() {}

    init(tenantID: UUID, specificationID: UUID, question: String, organisationID: UUID, personID: UUID, at: Date) {
        self.tenantID = tenantID
        self.specificationID = specificationID
        self.question = question
        self.askedByOrganisationID = organisationID
        self.askedBy = personID
        self.askedAt = at
    }
}
