import Fluent
import Foundation

/// A partner's pledge: the conversation around a funding source the partner offered.
/// The source (status pledged) and its allocations are created with the pledge, so
/// projected coverage counts the offer at once; the commissioner's decision moves the
/// source to confirmed, or to withdrawn with a reason.
final class Pledge: Model, TenantOwned, @unchecked Sendable {
    static let schema = "pledges"

    enum State: String, CaseIterable, Codable, Sendable {
        case awaitingDecision = "awaiting_decision"
        case confirmed
        case declined
        case withdrawn

        var label: String {
            switch self {
            case .awaitingDecision: "Awaiting decision"
            case .confirmed: "Confirmed"
            case .declined: "Declined"
            case .withdrawn: "Withdrawn"
            }
        }

        var tag: String {
            switch self {
            case .awaitingDecision: "wm-tag--watch"
            case .confirmed: "wm-tag--secure"
            case .declined: "wm-tag--unfunded"
            case .withdrawn: "wm-tag--grey"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "source_id") var sourceID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "state") var state: String
    @Field(key: "note") var note: String
    @Field(key: "decision_reason") var decisionReason: String
    @Field(key: "pledged_by") var pledgedBy: String
    @Field(key: "pledged_at") var pledgedAt: Date
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @Field(key: "version") var version: Int

    init() {}

    init(tenantID: UUID, sourceID: UUID, organisationID: UUID, note: String, pledgedBy: String, at: Date) {
        self.tenantID = tenantID
        self.sourceID = sourceID
        self.organisationID = organisationID
        self.state = State.awaitingDecision.rawValue
        self.note = note
        self.decisionReason = ""
        self.pledgedBy = pledgedBy
        self.pledgedAt = at
        self.version = 1
    }

    var pledgeState: State { State(rawValue: state) ?? .awaitingDecision }
}
