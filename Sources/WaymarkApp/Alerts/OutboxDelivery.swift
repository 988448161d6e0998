import Fluent
import SQLKit
import Vapor
import WaymarkDomain

/// Delivers the email outbox, the emails' own durable queue: over SMTP when WAYMARK_SMTP_URL is
/// set, otherwise each email is written to the log (and counted delivered, so a log-only
/// install is not retried for ever). Each email is claimed before it is sent, so instances
/// delivering at once never send one twice. A failed send keeps its error and is tried again
/// after a back-off, five times in all; then it waits for an operator (`/admin/jobs`).
enum OutboxDelivery {
    static let maxAttempts = 5
    /// How often `serve` sends what the outbox holds: workflow notices are written as they
    /// happen, and nobody should wait a day for "your return was queried".
    static let interval: Duration = .seconds(60)
    /// A mail server that stops answering must not hold up the alerts for ever.
    static let sendTimeout: Duration = .seconds(60)

    static func deliverPending(_ app: Application) async throws {
        let pending = try await app.platformDB { db in
            try await OutboxEmail.query(on: db).filter(\.$sentAt == nil).filter(\.$attempts < maxAttempts)
                .group(.or) { $0.filter(\.$nextAttemptAt == nil).filter(\.$nextAttemptAt <= SecurityClock.now()) }
                .sort(\.$createdAt).limit(500).all()
        }
        guard !pending.isEmpty else { return }
        let mailer = app.waymark.smtpURL.flatMap { SMTPMailer(url: $0) }
        if app.waymark.smtpURL != nil, mailer == nil {
            app.logger.error("WAYMARK_SMTP_URL is not smtps://host:port, smtp://host:port (STARTTLS) or smtp://host:port?tls=none; alert emails are kept in the outbox")
            return
        }
        for email in pending {
            // Claim the email first: the daily job and `waymark alerts run` may overlap, and
            // only the one whose claim lands sends it.
            guard try await claim(email, app: app) else { continue }
            if email.attempts > 0 { WaymarkMetrics.email("retried") }
            do {
                if let mailer {
                    try await withTimeout(sendTimeout) {
                        try await mailer.send(.init(from: app.waymark.mailFrom, to: email.toAddress, subject: email.subject,
                                                    body: email.body, date: AppClock.shared.now()), group: app.eventLoopGroup)
                    }
                } else {
                    app.logger.notice("Email (no WAYMARK_SMTP_URL, logged instead)",
                                      metadata: ["to": .string(email.toAddress), "subject": .string(email.subject)])
                }
                email.sentAt = AppClock.shared.now()
                email.lastError = nil
                email.nextAttemptAt = nil
                WaymarkMetrics.email("sent")
            } catch {
                email.lastError = String(describing: error)
                // Tried again after a back-off (1, 2, 4, 8 minutes), then left for an operator.
                email.nextAttemptAt = SecurityClock.now().addingTimeInterval(JobTiming.backoff(afterAttempt: email.attempts + 1))
                WaymarkMetrics.email("failed")
                if email.attempts + 1 >= maxAttempts {
                    WaymarkMetrics.email("given_up")
                    app.logger.error("Email given up after \(maxAttempts) attempts; an operator can send it again from the console",
                                     metadata: ["to": .string(email.toAddress), "error": .string(email.lastError!)])
                } else {
                    app.logger.warning("Email not sent; it will be tried again", metadata: ["to": .string(email.toAddress), "error": .string(email.lastError!)])
                }
            }
            email.attempts += 1   // the claim counted it in the database already
            try await app.platformDB { db in try await email.save(on: db) }
        }
    }

    /// Counts the attempt only if nobody else has since the email was read, and holds the email
    /// for as long as a send may take.
    private static func claim(_ email: OutboxEmail, app: Application) async throws -> Bool {
        try await app.platformDB { db in
            guard let sql = db as? any SQLDatabase else { return true }
            let rows = try await sql.update(OutboxEmail.schema)
                .set(SQLIdentifier("attempts"), to: SQLBind(email.attempts + 1))
                // Held while it is sent: another instance's delivery leaves it alone until then.
                .set(SQLIdentifier("next_attempt_at"), to: SQLBind(SecurityClock.now().addingTimeInterval(sendTimeout / .seconds(1) + 30)))
                .where(SQLIdentifier("id"), .equal, SQLBind(email.id!))
                .where(SQLIdentifier("attempts"), .equal, SQLBind(email.attempts))
                .where(SQLIdentifier("sent_at"), .is, SQLLiteral.null)
                .returning(SQLIdentifier("id"))
                .all()
            return !rows.isEmpty
        }
    }

    struct TimedOut: Error, CustomStringConvertible {
        var description: String { "the mail server did not answer within \(OutboxDelivery.sendTimeout)" }
    }

    private static func withTimeout(_ limit: Duration, _ work: @escaping @Sendable () async throws -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                throw TimedOut()
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
