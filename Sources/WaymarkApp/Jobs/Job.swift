import Fluent
import Foundation

/// A piece of background work kept in the database (M021): added in the transaction that asks
/// for it, claimed by one instance at a time, retried with back-off, resumed when its
/// instance dies.
final class Job: Model, @unchecked Sendable {
    static let schema = "jobs"

    enum Kind: String, Codable, Sendable, CaseIterable {
        /// A saved scenario's forecast; `subject` is the scenario's id.
        case forecast
        /// The day's funding alerts, return and deadline reminders and digests for every
        /// tenant; `subject` is the day, `unique_key` makes it once per installation.
        case dailyAlerts = "daily_alerts"

        var label: String {
            switch self {
            case .forecast: "Forecast"
            case .dailyAlerts: "Daily alerts and reminders"
            }
        }

        /// Forecasts keep both cores busy for up to minutes; the other work is short and must
        /// not wait behind them, so each lane has its own worker.
        var lane: Lane { self == .forecast ? .forecasts : .other }
    }

    enum Lane: CaseIterable, Sendable {
        case forecasts, other
        var kinds: [Kind] { Kind.allCases.filter { $0.lane == self } }
    }

    enum State: String, Codable, Sendable {
        case waiting, running, finished, failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @OptionalField(key: "tenant_id") var tenantID: UUID?
    @OptionalField(key: "subject") var subject: String?
    @OptionalField(key: "unique_key") var uniqueKey: String?
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "max_attempts") var maxAttempts: Int
    @Field(key: "run_after") var runAfter: Date
    @OptionalField(key: "lease_until") var leaseUntil: Date?
    @OptionalField(key: "claimed_by") var claimedBy: String?
    @OptionalField(key: "claim_token") var claimToken: UUID?
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "phase") var phase: String?
    @Field(key: "completed") var completed: Int
    @Field(key: "total") var total: Int
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "started_at") var startedAt: Date?
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}

    init(kind: Kind, tenantID: UUID?, subject: String?, uniqueKey: String? = nil, maxAttempts: Int, at now: Date) {
        self.kind = kind.rawValue
        self.tenantID = tenantID
        self.subject = subject
        self.uniqueKey = uniqueKey
        self.state = State.waiting.rawValue
        self.attempts = 0
        self.maxAttempts = maxAttempts
        self.runAfter = now
        self.completed = 0
        self.total = 0
        self.createdAt = now
    }

    var jobKind: Kind? { Kind(rawValue: kind) }
    var jobState: State { State(rawValue: state) ?? .waiting }
}
