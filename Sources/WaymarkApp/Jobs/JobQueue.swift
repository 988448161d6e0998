import Fluent
import Foundation
import SQLKit
import Vapor
import WaymarkDomain

/// The database side of background work: adding, claiming, keeping hold of and settling
/// jobs. Every change after the claim names the claim's token, so an instance that lost its
/// job (its lease ran out while it was stopped, and another took the job) can never write
/// over the other's outcome.
/// Times here are the machine's (`SecurityClock`): a lease is about real seconds, whatever
/// day the application's clock says it is.
enum JobQueue {
    /// How long a claim holds without word from its instance. A running job renews it every
    /// third of this; a killed instance's job is taken up by another within it.
    static var lease: TimeInterval { Double(ProcessInfo.processInfo.environment["WAYMARK_JOB_LEASE_SECONDS"].flatMap(Int.init) ?? 60) }

    /// The job names nothing that exists (a tenant, a scenario, a day): trying again cannot help.
    struct Unusable: Error, CustomStringConvertible {
        var description: String { "the job names a tenant, scenario or day that does not exist" }
    }

    /// A job, claimed: what the worker needs to run it and to settle it.
    struct Claim: Sendable {
        let id: UUID
        let kind: Job.Kind
        let tenantID: UUID?
        let subject: String?
        let attempt: Int
        let maxAttempts: Int
        let token: UUID
    }

    /// Adds a job on `db`, which should be the transaction that asks for it, so the job
    /// exists exactly when what asked for it does. With a `uniqueKey` already taken nothing
    /// is added and false comes back.
    @discardableResult
    static func add(_ kind: Job.Kind, tenantID: UUID?, subject: String?, uniqueKey: String? = nil, maxAttempts: Int = 3,
                    on db: any Database) async throws -> Bool {
        let job = Job(kind: kind, tenantID: tenantID, subject: subject, uniqueKey: uniqueKey, maxAttempts: maxAttempts,
                      at: SecurityClock.now())
        guard let uniqueKey, let sql = db as? any SQLDatabase else {
            try await job.create(on: db)
            return true
        }
        // ON CONFLICT DO NOTHING: another instance adding the same key at the same moment is
        // not an error, and must not abort the transaction around it on PostgreSQL.
        job.id = UUID()
        let rows = try await sql.insert(into: Job.schema)
            .columns("id", "kind", "tenant_id", "subject", "unique_key", "state", "attempts", "max_attempts", "run_after",
                     "completed", "total", "created_at")
            .values(SQLBind(job.id!), SQLBind(job.kind), SQLBind(job.tenantID), SQLBind(job.subject), SQLBind(uniqueKey),
                    SQLBind(job.state), SQLBind(0), SQLBind(maxAttempts), SQLBind(job.runAfter), SQLBind(0), SQLBind(0),
                    SQLBind(job.createdAt))
            .ignoringConflicts(with: ["unique_key"])
            .returning("id")
            .all()
        return !rows.isEmpty
    }

    /// Takes the next job of `kinds` that is due: waiting with its time come, or running
    /// with its lease run out (its instance died) and tries left (`failAbandoned` settles the
    /// others). On PostgreSQL `FOR UPDATE SKIP LOCKED`
    /// lets instances claim side by side without waiting on, or taking, each other's row;
    /// SQLite has one writer at a time, so the single statement is the claim.
    static func claim(_ kinds: [Job.Kind], instance: String, on db: any Database) async throws -> Claim? {
        guard let sql = db as? any SQLDatabase else { return nil }
        let now = SecurityClock.now(), token = UUID()
        let locking: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let kindList = SQLList(kinds.map { SQLBind($0.rawValue) })
        let row = try await sql.raw("""
            UPDATE jobs SET state = 'running', attempts = attempts + 1, claimed_by = \(bind: instance),
                claim_token = \(bind: token), lease_until = \(bind: now.addingTimeInterval(lease)),
                started_at = COALESCE(started_at, \(bind: now))
            WHERE id = (SELECT id FROM jobs
                        WHERE kind IN (\(kindList))
                          AND ((state = 'waiting' AND run_after <= \(bind: now))
                               OR (state = 'running' AND lease_until < \(bind: now) AND attempts < max_attempts))
                        ORDER BY run_after, created_at LIMIT 1\(locking))
            RETURNING id, kind, tenant_id, subject, attempts, max_attempts
            """).first()
        guard let row, let kind = Job.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
        return Claim(id: try row.decode(column: "id", as: UUID.self), kind: kind,
                     tenantID: try row.decode(column: "tenant_id", as: UUID?.self),
                     subject: try row.decode(column: "subject", as: String?.self),
                     attempt: try row.decode(column: "attempts", as: Int.self),
                     maxAttempts: try row.decode(column: "max_attempts", as: Int.self), token: token)
    }

    /// Keeps hold of a running job; false when it is no longer this claim's.
    static func renew(_ claim: Claim, on db: any Database) async throws -> Bool {
        try await update(claim, on: db) { $0.set("lease_until", to: SQLBind(SecurityClock.now().addingTimeInterval(lease))) }
    }

    /// How far a running job has got, for pages on any instance.
    static func report(_ claim: Claim, phase: String, completed: Int, total: Int, on db: any Database) async throws {
        _ = try await update(claim, on: db) {
            $0.set("phase", to: SQLBind(phase)).set("completed", to: SQLBind(completed)).set("total", to: SQLBind(total))
        }
    }

    /// Done. Run on the transaction that keeps the job's outcome, so the two commit together
    /// and a job that was taken over commits neither: false means the claim was lost.
    static func finish(_ claim: Claim, on db: any Database) async throws -> Bool {
        try await update(claim, on: db) {
            $0.set("state", to: SQLBind(Job.State.finished.rawValue)).set("finished_at", to: SQLBind(SecurityClock.now()))
                .set("lease_until", to: SQLLiteral.null).set("last_error", to: SQLLiteral.null)
        }
    }

    /// What became of a failed attempt.
    enum Settled: Sendable, Equatable {
        /// Waiting its back-off, to be tried again.
        case retrying
        /// Failed for good, with the reason for an operator to read.
        case failed
        /// The claim was no longer this instance's: another took the job over, and decides.
        case lost
    }

    /// Failed this time: waits its back-off and goes again, or, out of attempts (or when
    /// trying again cannot help), stays failed with the reason for an operator to read.
    static func fail(_ claim: Claim, error: String, retry: Bool, on db: any Database) async throws -> Settled {
        let again = retry && claim.attempt < claim.maxAttempts
        let now = SecurityClock.now()
        let held = try await update(claim, on: db) { query in
            let settled = query.set("last_error", to: SQLBind(String(error.prefix(2_000)))).set("lease_until", to: SQLLiteral.null)
            return again
                ? settled.set("state", to: SQLBind(Job.State.waiting.rawValue))
                    .set("run_after", to: SQLBind(now.addingTimeInterval(JobTiming.backoff(afterAttempt: claim.attempt, base: 30))))
                : settled.set("state", to: SQLBind(Job.State.failed.rawValue)).set("finished_at", to: SQLBind(now))
        }
        return !held ? .lost : again ? .retrying : .failed
    }

    /// A job abandoned on its last attempt: its instance died (or crashed) every time it ran it.
    struct Abandoned: Sendable {
        let kind: Job.Kind
        let tenantID: UUID?
        let subject: String?
    }

    /// Fails the running jobs whose lease ran out on their last attempt, rather than handing
    /// them on: a job that kills its instance must not go round the cluster killing each one.
    static func failAbandoned(on db: any Database) async throws -> [Abandoned] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let now = SecurityClock.now()
        let rows = try await sql.raw("""
            UPDATE jobs SET state = 'failed', finished_at = \(bind: now), lease_until = NULL, claim_token = NULL,
                last_error = \(bind: Self.abandonedReason)
            WHERE state = 'running' AND lease_until < \(bind: now) AND attempts >= max_attempts
            RETURNING kind, tenant_id, subject
            """).all()
        return try rows.compactMap { row in
            guard let kind = Job.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            return Abandoned(kind: kind, tenantID: try row.decode(column: "tenant_id", as: UUID?.self),
                             subject: try row.decode(column: "subject", as: String?.self))
        }
    }

    static let abandonedReason = "its instance stopped while running it, on every try"

    /// Hands a job back untried (the instance is stopping): waiting again at once, for any
    /// instance, without counting the attempt.
    static func release(_ claim: Claim, on db: any Database) async throws {
        _ = try await update(claim, on: db) {
            $0.set("state", to: SQLBind(Job.State.waiting.rawValue)).set("attempts", to: SQLBind(claim.attempt - 1))
                .set("lease_until", to: SQLLiteral.null).set("claim_token", to: SQLLiteral.null)
                .set("run_after", to: SQLBind(SecurityClock.now()))
        }
    }

    /// An operator's "try again" for a failed job: waiting now, with its attempts reset.
    static func retry(_ id: UUID, on db: any Database) async throws -> Bool {
        guard let job = try await Job.find(id, on: db), job.jobState == .failed else { return false }
        job.state = Job.State.waiting.rawValue
        job.attempts = 0
        job.runAfter = SecurityClock.now()
        job.finishedAt = nil
        try await job.save(on: db)
        return true
    }

    private static func update(_ claim: Claim, on db: any Database,
                               _ change: (SQLUpdateBuilder) -> SQLUpdateBuilder) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let rows = try await change(sql.update(Job.schema))
            .where("id", .equal, SQLBind(claim.id))
            .where("claim_token", .equal, SQLBind(claim.token))
            .where("state", .equal, SQLBind(Job.State.running.rawValue))
            .returning("id")
            .all()
        return !rows.isEmpty
    }
}
