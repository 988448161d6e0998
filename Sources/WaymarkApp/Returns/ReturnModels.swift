import Fluent
import Foundation
import WaymarkDomain

/// One contract's return for one month: where it stands, when it is due, and the provider's
/// working draft. Each submission is a `ReturnVersionRecord`; each review step a
/// `ReturnReviewRecord`.
final class MonthlyReturnRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "monthly_returns"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "contract_id") var contractID: UUID
    /// "2023-10".
    @Field(key: "month") var monthText: String
    @Field(key: "status") var statusText: String
    /// ISO day; an extension moves it and records why.
    @Field(key: "due_day") var dueDayText: String
    @OptionalField(key: "extension_reason") var extensionReason: String?
    @OptionalField(key: "extended_by") var extendedBy: String?
    @OptionalField(key: "extended_at") var extendedAt: Date?
    /// `ReturnContent` as JSON: what the provider is working on, not yet submitted.
    @OptionalField(key: "draft") var draft: String?
    @OptionalField(key: "draft_saved_at") var draftSavedAt: Date?
    @OptionalField(key: "draft_saved_by") var draftSavedBy: String?
    @OptionalField(key: "first_submitted_at") var firstSubmittedAt: Date?
    /// The number of the latest submitted version; 0 before the first submission.
    @Field(key: "latest_version") var latestVersion: Int
    /// Bumped by every change, so a form opened on an older state is refused.
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(tenantID: UUID, contractID: UUID, month: CalendarMonth, due: Day, at: Date) {
        self.tenantID = tenantID
        self.contractID = contractID
        self.monthText = month.description
        self.statusText = ReturnStatus.draft.rawValue
        self.dueDayText = due.iso
        self.latestVersion = 0
        self.version = 1
        self.createdAt = at
        self.updatedAt = at
    }

    var month: CalendarMonth { CalendarMonth(iso: monthText)! }
    var status: ReturnStatus { ReturnStatus(rawValue: statusText) ?? .draft }
    var due: Day { Day(iso: dueDayText)! }

    var draftContent: ReturnContent? {
        draft.flatMap { try? CommissioningJSON.decode(ReturnContent.self, $0) }
    }

    /// Stamps a change: the edit version moves on and the time is kept.
    func touch(at: Date) {
        version += 1
        updatedAt = at
    }
}

/// One submission of a return: added, never edited.
final class ReturnVersionRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "return_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "return_id") var returnID: UUID
    @Field(key: "number") var number: Int
    @Field(key: "content") var contentJSON: String
    /// How it came in: form, csv, xlsx or api.
    @Field(key: "channel") var channel: String
    @Field(key: "submitted_at") var submittedAt: Date
    @Field(key: "submitted_by") var submittedBy: UUID
    @Field(key: "submitted_by_name") var submittedByName: String

    init() {}

    init(tenantID: UUID, returnID: UUID, number: Int, content: ReturnContent, channel: ReturnChannel,
         by person: UUID, name: String, at: Date) throws {
        self.tenantID = tenantID
        self.returnID = returnID
        self.number = number
        self.contentJSON = try CommissioningJSON.encode(content)
        self.channel = channel.rawValue
        self.submittedBy = person
        self.submittedByName = name
        self.submittedAt = at
    }

    var content: ReturnContent { get throws { try CommissioningJSON.decode(ReturnContent.self, contentJSON) } }
}

/// One review step on one version: approved, queried (with a comment per line) or returned.
final class ReturnReviewRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "return_reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "return_id") var returnID: UUID
    @Field(key: "version_number") var versionNumber: Int
    @Field(key: "step") var stepText: String
    /// The reason for sending back, or a general note.
    @Field(key: "note") var note: String
    /// `[route id: comment]` as JSON.
    @Field(key: "line_comments") var lineCommentsJSON: String
    @Field(key: "reviewed_by") var reviewedBy: String
    @Field(key: "reviewed_at") var reviewedAt: Date

    init() {}

    init(tenantID: UUID, returnID: UUID, versionNumber: Int, step: ReturnReview.Step, note: String,
         lineComments: [UUID: String], by reviewer: String, at: Date) throws {
        self.tenantID = tenantID
        self.returnID = returnID
        self.versionNumber = versionNumber
        self.stepText = step.rawValue
        self.note = note
        self.lineCommentsJSON = try CommissioningJSON.encode(Dictionary(uniqueKeysWithValues: lineComments.map { ($0.key.uuidString, $0.value) }))
        self.reviewedBy = reviewer
        self.reviewedAt = at
    }

    var step: ReturnReview.Step { Self.step(stepText) }

    static func step(_ stored: String) -> ReturnReview.Step { ReturnReview.Step(rawValue: stored) ?? .query }

    var lineComments: [UUID: String] {
        let raw = (try? CommissioningJSON.decode([String: String].self, lineCommentsJSON)) ?? [:]
        return Dictionary(uniqueKeysWithValues: raw.compactMap { key, value in UUID(uuidString: key).map { ($0, value) } })
    }
}

/// How a version reached Waymark.
enum ReturnChannel: String, Sendable {
    case form, csv, xlsx, api, `import`

    var label: String {
        switch self {
        case .form: "the web form"
        case .csv: "a CSV upload"
        case .xlsx: "an Excel upload"
        case .api: "the API"
        case .import: "a bulk import"
        }
    }
}
