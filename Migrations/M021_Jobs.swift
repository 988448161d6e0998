import Fluent

/// Operations (issue 19): background work kept in the database, so a restart or a killed
/// instance loses nothing. One row per job: what it is, whose tenant, what it is about, when it
/// may next run, which instance holds it and until when (its lease), how often it has been
/// tried and why it last failed, and how far it has got. `unique_key` makes a job that must
/// happen once (the daily alerts run for a day) impossible to add twice, however many
/// instances try. Emails keep their own queue, the outbox, which gains a time before which a
/// failed email is not tried again.
/// The table is the platform's (instances claim jobs across tenants), so it has no tenant
/// policy; `tenant_id` says whose work a job is.
/// Also the audit log at scale: `audit_chain_checks` keeps, per chain, the last entry found
/// intact, so a page view checks only the entries written since (and the whole chain when
/// someone asks, or `waymark audit verify` runs), and the break last found, which every view
/// shows until a whole check finds the chain intact again.
public struct M021_Jobs: AsyncMigration {
    public init() {}

    public func prepare(on database: any Database) async throws {
        try await database.schema("jobs")
            .id()
            .field("kind", .string, .required)
            .field("tenant_id", .uuid)
            .field("subject", .string)
            .field("unique_key", .string)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("run_after", .datetime, .required)
            .field("lease_until", .datetime)
            .field("claimed_by", .string)
            .field("claim_token", .uuid)
            .field("last_error", .string)
            .field("phase", .string)
            .field("completed", .int, .required, .sql(.default(0)))
            .field("total", .int, .required, .sql(.default(0)))
            .field("created_at", .datetime, .required)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .unique(on: "unique_key")
            .create()
        try await database.schema("email_outbox").field("next_attempt_at", .datetime).update()
        try await database.schema("audit_chain_checks")
            .id()
            .field("chain", .string, .required)
            .field("seq", .int64, .required)
            .field("hash", .string, .required)
            .field("checked_at", .datetime, .required)
            .field("full_at", .datetime)
            .field("broken_seq", .int64)
            .field("broken_problem", .string)
            .unique(on: "chain")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema("audit_chain_checks").delete()
        try await database.schema("email_outbox").deleteField("next_attempt_at").update()
        try await database.schema("jobs").delete()
    }
}
