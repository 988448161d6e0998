import Fluent
import Vapor

/// Delivers the email outbox: over SMTP when WAYMARK_SMTP_URL is set, otherwise each email
/// is written to the log (and counted delivered, so a log-only install is not retried
/// for ever). A failed send is kept with its error and tried again next run, five times.
enum OutboxDelivery {
    static let maxAttempts = 5

    static func deliverPending(_ app: Application) async throws {
        let pending = try await app.platformDB { db in
            try await OutboxEmail.query(on: db).filter(\.$sentAt == nil).filter(\.$attempts < maxAttempts)
                .sort(\.$createdAt).limit(500).all()
        }
        guard !pending.isEmpty else { return }
        let mailer = app.waymark.smtpURL.flatMap(SMTPMailer.init(url:))
        if app.waymark.smtpURL != nil, mailer == nil {
            app.logger.error("WAYMARK_SMTP_URL is not a smtp://host:port address; alert emails are kept in the outbox")
            return
        }
        for email in pending {
            do {
                if let mailer {
                    try await mailer.send(.init(from: app.waymark.mailFrom, to: email.toAddress, subject: email.subject,
                                                body: email.body, date: Date()), group: app.eventLoopGroup)
                } else {
                    app.logger.notice("Email (no WAYMARK_SMTP_URL, logged instead)",
                                      metadata: ["to": .string(email.toAddress), "subject": .string(email.subject)])
                }
                email.sentAt = Date()
                email.lastError = nil
            } catch {
                email.lastError = String(describing: error)
                app.logger.warning("Email not sent", metadata: ["to": .string(email.toAddress), "error": .string(email.lastError!)])
            }
            email.attempts += 1
            try await app.platformDB { db in try await email.save(on: db) }
        }
    }
}
