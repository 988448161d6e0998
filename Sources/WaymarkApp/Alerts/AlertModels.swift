import Fluent
import Foundation

/// One message in a person's in-app inbox.
final class InboxMessage: Model, TenantOwned, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "headline") var headline: String
    @Field(key: "body") var body: String
    @Field(key: "link") var link: String
    @Field(key: "alert_key") var alertKey: String
    @Field(key: "as_of_day") var asOfDay: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    init(tenantID: UUID, personID: UUID, kind: String, headline: String, body: String, link: String,
         alertKey: String, asOfDay: String, at: Date) {
        self.tenantID = tenantID
        self.personID = personID
        self.kind = kind
        self.headline = headline
        self.body = body
        self.link = link
        self.alertKey = alertKey
        self.asOfDay = asOfDay
        self.createdAt = at
    }
}

/// An email waiting to be sent, or sent: the outbox keeps both so nothing is lost when
/// the mail server is down and what was sent can be read back. `personID` is nil for an
/// invitation to someone who has no account yet (M012).
final class OutboxEmail: Model, TenantOwned, @unchecked Sendable {
    static let schema = "email_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @OptionalField(key: "person_id") var personID: UUID?
    @Field(key: "to_address") var toAddress: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "last_error") var lastError: String?
    /// A failed email is not tried again before this (M021); nil: as soon as it is read.
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?

    init() {}

    init(tenantID: UUID, personID: UUID?, to: String, subject: String, body: String, at: Date) {
        self.tenantID = tenantID
        self.personID = personID
        self.toAddress = to
        self.subject = subject
        self.body = body
        self.createdAt = at
        self.attempts = 0
    }
}

/// An alert already sent, by its key (see `FundingAlertEvent.key`).
final class AlertKey: Model, TenantOwned, @unchecked Sendable {
    static let schema = "alert_keys"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "key") var key: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(tenantID: UUID, key: String, at: Date) {
        self.tenantID = tenantID
        self.key = key
        self.createdAt = at
    }
}

/// The status a route was last alerted at.
final class RouteAlertState: Model, TenantOwned, @unchecked Sendable {
    static let schema = "route_alert_states"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "route_id") var routeID: UUID
    @Field(key: "status") var status: String
    @Field(key: "as_of_day") var asOfDay: String

    init() {}

    init(tenantID: UUID, routeID: UUID, status: String, asOfDay: String) {
        self.tenantID = tenantID
        self.routeID = routeID
        self.status = status
        self.asOfDay = asOfDay
    }
}
