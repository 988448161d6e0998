import Fluent
import Foundation
import WaymarkDomain

/// An assessor assigned to a specification's evaluation panel.
final class PanelAssessorRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "panel_assessors"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "specification_id") var specificationID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "assigned_at") var assignedAt: Date
    @Field(key: "assigned_by") var assignedBy: String

    init() {}

    init(tenantID: UUID, specificationID: UUID, personID: UUID, assignedBy: String, at: Date) {
        self.tenantID = tenantID
        self.specificationID = specificationID
        self.personID = personID
        self.assignedBy = assignedBy
        self.assignedAt = at
    }
}

/// An assessor's declaration about one bidder; a later one about the same bidder replaces it.
final class ConflictDeclarationRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "conflict_declarations"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "specification_id") var specificationID: UUID
    @Field(key: "assessor_id") var assessorID: UUID
    @Field(key: "bidder_id") var bidderID: UUID
    @Field(key: "conflicted") var conflicted: Bool
    @Field(key: "reason") var reason: String
    @Field(key: "declared_at") var declaredAt: Date

    init() {}

    init(tenantID: UUID, specificationID: UUID, declaration: ConflictDeclaration) {
        self.tenantID = tenantID
        self.specificationID = specificationID
        self.assessorID = declaration.assessorID
        self.bidderID = declaration.bidderID
        self.conflicted = declaration.conflicted
        self.reason = declaration.reason
        self.declaredAt = declaration.declaredAt
    }

    var declaration: ConflictDeclaration {
        ConflictDeclaration(assessorID: assessorID, bidderID: bidderID, conflicted: conflicted, reason: reason, declaredAt: declaredAt)
    }
}

/// One assessor's score for one item of a bid; rescoring adds a row and the latest counts.
final class AssessorScoreRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "assessor_scores"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "specification_id") var specificationID: UUID
    @Field(key: "bid_id") var bidID: UUID
    @Field(key: "assessor_id") var assessorID: UUID
    @Field(key: "item") var item: String
    @Field(key: "score") var score: Int
    @Field(key: "justification") var justification: String
    @Field(key: "scored_at") var scoredAt: Date

    init() {}

    init(tenantID: UUID, specificationID: UUID, score: AssessorScore) {
        self.tenantID = tenantID
        self.specificationID = specificationID
        self.bidID = score.bidID
        self.assessorID = score.assessorID
        self.item = score.item.key
        self.score = score.score
        self.justification = score.justification
        self.scoredAt = score.scoredAt
    }

    var assessorScore: AssessorScore? {
        ScoreItem(key: item).map {
            AssessorScore(assessorID: assessorID, bidID: bidID, item: $0, score: score, justification: justification, scoredAt: scoredAt)
        }
    }
}

/// The panel's agreed score for one item of a bid; moderating again adds a row and the latest counts.
final class ModeratedScoreRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "moderated_scores"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "specification_id") var specificationID: UUID
    @Field(key: "bid_id") var bidID: UUID
    @Field(key: "item") var item: String
    @Field(key: "score") var score: Int
    @Field(key: "note") var note: String
    @Field(key: "moderated_by") var moderatedBy: UUID
    @Field(key: "moderated_at") var moderatedAt: Date

    init() {}

    init(tenantID: UUID, specificationID: UUID, moderated: ModeratedScore) {
        self.tenantID = tenantID
        self.specificationID = specificationID
        self.bidID = moderated.bidID
        self.item = moderated.item.key
        self.score = moderated.score
        self.note = moderated.note
        self.moderatedBy = moderated.moderatedBy
        self.moderatedAt = moderated.moderatedAt
    }

    var moderatedScore: ModeratedScore? {
        ScoreItem(key: item).map {
            ModeratedScore(bidID: bidID, item: $0, score: score, note: note, moderatedBy: moderatedBy, moderatedAt: moderatedAt)
        }
    }
}

/// The award of a specification: one per specification.
final class AwardRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "awards"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "specification_id") var specificationID: UUID
    @Field(key: "winning_bid_id") var winningBidID: UUID
    @Field(key: "reasons") var reasons: String
    @Field(key: "decided_by") var decidedBy: UUID
    @Field(key: "decided_at") var decidedAt: Date

    init() {}

    init(tenantID: UUID, decision: AwardDecision) {
        self.tenantID = tenantID
        self.specificationID = decision.specificationID
        self.winningBidID = decision.winningBidID
        self.reasons = decision.reasons
        self.decidedBy = decision.decidedBy
        self.decidedAt = decision.decidedAt
    }

    var decision: AwardDecision {
        AwardDecision(specificationID: specificationID, winningBidID: winningBidID, reasons: reasons,
                      decidedBy: decidedBy, decidedAt: decidedAt)
    }
}
